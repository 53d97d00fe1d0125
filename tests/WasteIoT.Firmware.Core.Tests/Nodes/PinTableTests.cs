using System.Reflection;
using System.Text.RegularExpressions;
using WasteIoT.Firmware.Core.Nodes;
using WasteIoT.Testing;

namespace WasteIoT.Firmware.Core.Tests.Nodes;

/// <summary>Each node's pin table in hardware/*/README.md names the constants the app wires, with the same GPIO numbers.</summary>
public sealed partial class PinTableTests
{
    public static TheoryData<string, string> Nodes() => new()
    {
        { "bin-node", nameof(BinNodePins) },
        { "site-node", nameof(SiteNodePins) },
        { "truck-node", nameof(TruckNodePins) },
    };

    [Theory]
    [MemberData(nameof(Nodes))]
    public void HardwarePinTableMatchesTheAppsPinConstants(string folder, string pinClass)
    {
        var constants = typeof(BinNodePins).Assembly.GetType("WasteIoT.Firmware.Core.Nodes." + pinClass)!
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .ToDictionary(f => f.Name, f => (int)f.GetRawConstantValue()!);
        var table = ReadTable(RepositoryRoot.Combine("hardware", folder, "README.md"));

        foreach (var (name, gpio) in table)
        {
            Assert.True(constants.TryGetValue(name, out var value), $"{folder} names {name}, which {pinClass} lacks");
            Assert.True(value == gpio, $"{pinClass}.{name} is GPIO{value}; the {folder} table says GPIO{gpio}");
        }

        Assert.Empty(constants.Keys.Except(table.Select(t => t.Name)));
        Assert.Equal(constants.Count, constants.Values.Distinct().Count());
    }

    private static List<(string Name, int Gpio)> ReadTable(string readme)
    {
        var text = File.ReadAllText(readme);
        var section = text[text.IndexOf("## Pin map", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 4, StringComparison.Ordinal)];
        var rows = new List<(string, int)>();
        foreach (var line in section.Split('\n').Where(l => l.StartsWith('|')))
        {
            var cells = line.Split('|').Select(c => c.Trim()).ToArray();
            var gpios = cells[1].Split(" / ");
            var names = NamePattern().Matches(cells[3]).Select(m => m.Groups[1].Value).ToArray();
            if (names.Length == 0 || !gpios.All(g => Regex.IsMatch(g, @"^\d+")))
            {
                continue;
            }

            Assert.True(gpios.Length == names.Length, $"row '{line}' pairs {gpios.Length} pins with {names.Length} constants");
            rows.AddRange(gpios.Zip(names, (g, n) => (n, int.Parse(Regex.Match(g, @"^\d+").Value, System.Globalization.CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    [GeneratedRegex("`([A-Za-z0-9]+)`")]
    private static partial Regex NamePattern();
}
