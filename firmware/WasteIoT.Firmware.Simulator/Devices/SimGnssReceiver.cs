using System.Globalization;
using System.Text;
using WasteIoT.Firmware.Core.Hardware;

namespace WasteIoT.Firmware.Simulator.Devices;

/// <summary>
/// A GNSS receiver's UART: once a second an RMC and a GGA for the truck's position, with metre-level
/// noise, exactly as a real receiver would print them (checksummed, CRLF).
/// </summary>
internal sealed class SimGnssReceiver(Random random) : IByteStream
{
    private readonly Queue<byte> _pending = new();

    public void Emit(DateTimeOffset utc, double lat, double lon, double speedKmh, double heading)
    {
        var noiseLat = lat + ((random.NextDouble() - 0.5) * 3e-5);
        var noiseLon = lon + ((random.NextDouble() - 0.5) * 3e-5);
        var time = utc.UtcDateTime.ToString("HHmmss.ff", CultureInfo.InvariantCulture);
        var date = utc.UtcDateTime.ToString("ddMMyy", CultureInfo.InvariantCulture);
        var (latText, ns) = Coordinate(noiseLat, 2, 'N', 'S');
        var (lonText, ew) = Coordinate(noiseLon, 3, 'E', 'W');
        var knots = (speedKmh / 1.852).ToString("0.0", CultureInfo.InvariantCulture);
        var track = heading.ToString("0.0", CultureInfo.InvariantCulture);
        Push($"GNGGA,{time},{latText},{ns},{lonText},{ew},1,11,0.9,12.0,M,8.0,M,,");
        Push($"GNRMC,{time},A,{latText},{ns},{lonText},{ew},{knots},{track},{date},,,A");
    }

    /// <summary>The receiver is configured at the factory: commands are ignored.</summary>
    public void Write(byte[] buffer, int offset, int count)
    {
    }

    public int Read(byte[] buffer, int offset, int count)
    {
        var n = 0;
        while (n < count && _pending.TryDequeue(out var b))
        {
            buffer[offset + n++] = b;
        }

        return n;
    }

    private void Push(string body)
    {
        var sum = 0;
        foreach (var c in body)
        {
            sum ^= c;
        }

        foreach (var b in Encoding.ASCII.GetBytes($"${body}*{sum:X2}\r\n"))
        {
            _pending.Enqueue(b);
        }
    }

    private static (string Text, char Hemisphere) Coordinate(double degrees, int degreeDigits, char positive, char negative)
    {
        var abs = Math.Abs(degrees);
        var whole = Math.Floor(abs);
        var minutes = (abs - whole) * 60;
        var text = whole.ToString(new string('0', degreeDigits), CultureInfo.InvariantCulture) + minutes.ToString("00.000000", CultureInfo.InvariantCulture);
        return (text, degrees >= 0 ? positive : negative);
    }
}
