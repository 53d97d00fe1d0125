using System.Globalization;

namespace WasteIoT.Firmware.Core.Tests.Gnss;

/// <summary>On gpsd's own regression captures the decoder must find the fixes gpsd found.</summary>
public sealed class NmeaDecoderGpsdTests
{
    public static TheoryData<string> Captures() => [.. GpsdCapture.Names];

    [Theory]
    [MemberData(nameof(Captures))]
    public void DecoderFindsTheSameFixesAsGpsd(string name)
    {
        var capture = GpsdCapture.Load(name);
        var ours = capture.Decode().ToDictionary(f => DateTimeOffset.FromUnixTimeMilliseconds(f.Time));

        Assert.NotEmpty(capture.Expected);
        Assert.Empty(capture.Expected.Select(f => f.Time).Except(ours.Keys));

        // A fix gpsd did not time-stamp is allowed only where gpsd reported that very position undated:
        // its date came from a valid RMC in the same epoch, which gpsd had not merged yet.
        foreach (var (time, extra) in ours.Where(o => capture.Expected.All(e => e.Time != o.Key)))
        {
            Assert.True(
                capture.Undated.Any(u => Math.Abs(u.Lat - extra.Lat) <= 1e-9 && Math.Abs(u.Lon - extra.Lon) <= 1e-9),
                $"{name}: fix at {time:O} ({extra.Lat}, {extra.Lon}) that gpsd did not report at all");
        }

        foreach (var expected in capture.Expected)
        {
            var fix = ours[expected.Time];
            var at = expected.Time.ToString("O", CultureInfo.InvariantCulture);
            Assert.True(Math.Abs(fix.Lat - expected.Lat) <= 1e-6, $"{name} {at}: lat {fix.Lat} vs gpsd {expected.Lat}");
            Assert.True(Math.Abs(fix.Lon - expected.Lon) <= 1e-6, $"{name} {at}: lon {fix.Lon} vs gpsd {expected.Lon}");
            if (expected.Speed is { } speed)
            {
                Assert.True(Math.Abs(fix.SpeedMetresPerSecond - speed) <= 0.01, $"{name} {at}: speed {fix.SpeedMetresPerSecond} vs gpsd {speed}");
            }

            if (expected.Track is { } track)
            {
                Assert.True(Math.Abs(fix.Track - track) <= 0.01, $"{name} {at}: track {fix.Track} vs gpsd {track}");
            }
        }
    }
}
