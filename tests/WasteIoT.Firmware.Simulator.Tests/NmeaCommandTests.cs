using System.Text.Json;
using WasteIoT.Firmware.Simulator.Commands;

namespace WasteIoT.Firmware.Simulator.Tests;

public sealed class NmeaCommandTests
{
    [Fact]
    public void PrintsOneJsonLinePerFixLikeGpsd()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "nmea", "bu353s4.log");
        using var output = new StringWriter();
        Assert.Equal(0, NmeaCommand.Run(path, output));

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var gpsd = File.ReadLines(path + ".chk")
            .Where(l => l.StartsWith("{\"class\":\"TPV\"", StringComparison.Ordinal) && l.Contains("\"time\"", StringComparison.Ordinal))
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("time").GetString())
            .Distinct()
            .ToList();
        var ours = lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("time").GetString()).ToList();
        Assert.Equal(gpsd, ours);
        var first = JsonDocument.Parse(lines[0]).RootElement;
        Assert.True(first.TryGetProperty("lat", out _) && first.TryGetProperty("lon", out _) && first.TryGetProperty("mode", out _));
    }

    [Fact]
    public void FuzzyCasesParseWithoutException()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "nmea", "nmea-fuzzy-cases.log");
        using var output = new StringWriter();
        Assert.Equal(0, NmeaCommand.Run(path, output));
        Assert.NotEmpty(output.ToString());
    }
}
