using System.Globalization;
using System.Text.Json;
using WasteIoT.Firmware.Core.Gnss;

namespace WasteIoT.Firmware.Simulator.Commands;

/// <summary>
/// <c>nmea FILE</c>: decodes a receiver log with the firmware's NMEA decoder and prints one JSON line per fix
/// (time, lat, lon, speed in m/s, track, mode), the way gpsd's regression logs are checked. Lines starting
/// with '#' are comments.
/// </summary>
internal static class NmeaCommand
{
    public static int Run(string path, TextWriter output)
    {
        var lines = new NmeaLineAssembler();
        var decoder = new NmeaDecoder();
        var fix = new GnssFix();
        var atLineStart = true;
        var comment = false;
        foreach (var b in File.ReadAllBytes(path))
        {
            if (atLineStart && b == '#')
            {
                comment = true;
            }

            atLineStart = b == '\n';
            if (comment)
            {
                comment = b != '\n';
                continue;
            }

            if (lines.Feed(b) && decoder.Process(lines.Line, lines.Length))
            {
                while (decoder.TryTakeFix(fix))
                {
                    Write(fix, output);
                }
            }
        }

        return 0;
    }

    private static void Write(GnssFix fix, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("time", DateTimeOffset.FromUnixTimeMilliseconds(fix.Time).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            json.WriteNumber("lat", Math.Round(fix.Lat, 9));
            json.WriteNumber("lon", Math.Round(fix.Lon, 9));
            if (!double.IsNaN(fix.SpeedKnots))
            {
                json.WriteNumber("speed", Math.Round(fix.SpeedMetresPerSecond, 3));
            }

            if (!double.IsNaN(fix.Track))
            {
                json.WriteNumber("track", fix.Track);
            }

            json.WriteNumber("mode", fix.Mode > 0 ? fix.Mode : 2);
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
