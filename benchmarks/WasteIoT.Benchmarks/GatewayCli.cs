using System.Diagnostics;
using System.Reflection;

namespace WasteIoT.Benchmarks;

/// <summary>The built gateway, run the way an operator runs it.</summary>
internal static class GatewayCli
{
    public static readonly string Assembly = typeof(GatewayCli).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "GatewayAssembly").Value!;

    /// <summary>Runs <c>provision</c> for every id and returns the printed credentials.</summary>
    public static (string Id, string Secret)[] Provision(string data, IEnumerable<string> ids)
    {
        var start = new ProcessStartInfo("dotnet", [Assembly, "provision", .. ids, "--Gateway:DataDirectory", data])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(Assembly)!,
        };
        using var process = Process.Start(start)!;
        var lines = process.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#'));
        process.WaitForExit();
        return [.. lines.Select(l => l.Split('\t')).Select(p => (p[0], p[1].Trim()))];
    }
}
