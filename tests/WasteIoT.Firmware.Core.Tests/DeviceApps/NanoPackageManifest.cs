namespace WasteIoT.Firmware.Core.Tests.DeviceApps;

/// <summary>
/// The nanoFramework package manifest (Fixtures/nanoframework/packages.tsv): every real package id with the
/// assemblies it ships, its dependencies with their minimum versions, and the versions other repositories pin.
/// </summary>
internal sealed class NanoPackageManifest
{
    private readonly Dictionary<string, Row> _rows;

    private NanoPackageManifest(Dictionary<string, Row> rows) => _rows = rows;

    public static NanoPackageManifest Default { get; } = Load(Path.Combine(AppContext.BaseDirectory, "Fixtures", "nanoframework", "packages.tsv"));

    public static NanoPackageManifest Load(string path)
    {
        var rows = new Dictionary<string, Row>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var cells = line.Split('\t');
            rows[cells[0]] = new Row(
                cells[0],
                Split(cells[1]),
                [.. Split(cells[2]).Select(d => d.Split(':')).Select(p => new Dependency(p[0], p.Length > 1 ? p[1] : null))],
                Split(cells[3]));
        }

        return new NanoPackageManifest(rows);
    }

    public bool TryGet(string id, out Row row) => _rows.TryGetValue(id, out row!);

    private static string[] Split(string cell) => cell.Split(';', StringSplitOptions.RemoveEmptyEntries);

    public sealed record Row(string Id, string[] Assemblies, Dependency[] Dependencies, string[] VersionsSeen);

    public sealed record Dependency(string Id, string? MinVersion);
}
