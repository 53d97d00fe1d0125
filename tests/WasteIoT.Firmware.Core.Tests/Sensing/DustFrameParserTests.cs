using WasteIoT.Firmware.Core.Sensing;

namespace WasteIoT.Firmware.Core.Tests.Sensing;

public sealed class DustFrameParserTests
{
    [Fact]
    public void Sds011FrameGivesPm()
    {
        var parser = new Sds011Parser();
        Assert.Equal(1, Feed(parser, Sds011(352, 610)));
        Assert.Equal(35.2, parser.Pm25);
        Assert.Equal(61.0, parser.Pm10);
    }

    [Fact]
    public void Sds011ResyncsAfterGarbageAndBadChecksum()
    {
        var parser = new Sds011Parser();
        var bad = Sds011(100, 200);
        bad[8] ^= 0x01;
        byte[] stream = [0x00, 0xAA, 0x13, 0xAA, .. bad, .. Sds011(123, 456), 0xAB, .. Sds011(77, 88)];
        Assert.Equal(2, Feed(parser, stream));
        Assert.Equal(7.7, parser.Pm25);
        Assert.Equal(1, parser.ChecksumErrors);
    }

    [Fact]
    public void Sds011FrameStartingInsideARejectedFrameIsFound()
    {
        var parser = new Sds011Parser();
        byte[] stream = [0xAA, 0xC0, 0x01, .. Sds011(250, 300)];
        Assert.Equal(1, Feed(parser, stream));
        Assert.Equal(25.0, parser.Pm25);
    }

    [Fact]
    public void Pms5003FrameGivesAtmosphericPm()
    {
        var parser = new Pms5003Parser();
        Assert.Equal(1, Feed(parser, Pms5003(pm1: 12, pm25: 20, pm10: 31)));
        Assert.Equal(20, parser.Pm25);
        Assert.Equal(31, parser.Pm10);
    }

    [Fact]
    public void Pms5003RefusesWrongLengthAndChecksum()
    {
        var parser = new Pms5003Parser();
        var wrongSum = Pms5003(1, 2, 3);
        wrongSum[31] ^= 0xFF;
        var wrongLength = Pms5003(1, 2, 3);
        wrongLength[3] = 20;
        Assert.Equal(0, Feed(parser, [.. wrongSum, .. wrongLength]));
        Assert.Equal(2, parser.ChecksumErrors);
        Assert.Equal(1, Feed(parser, Pms5003(5, 6, 7)));
    }

    [Fact]
    public void Sds011WorkPeriodCommandIsTheProtocolsFrame()
    {
        // Control protocol V1.3, "set working period" to 1 minute: checksum = low byte of 08+01+01+FF+FF = 0x208.
        var frame = new byte[Sds011WorkPeriod.FrameLength];
        Assert.Equal(19, Sds011WorkPeriod.Command(1, frame));
        Assert.Equal([0xAA, 0xB4, 0x08, 0x01, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0x08, 0xAB], frame);
        Sds011WorkPeriod.Command(5, frame);
        Assert.Equal(0x05, frame[4]);
        Assert.Equal(0x0C, frame[17]);
        Assert.Throws<ArgumentOutOfRangeException>(() => Sds011WorkPeriod.Command(31, frame));
    }

    [Fact]
    public void SiteReadmeStatesTheLaserLifeTheWorkPeriodGives()
    {
        var readme = File.ReadAllText(WasteIoT.Testing.RepositoryRoot.Combine("hardware", "site-node", "README.md"));
        foreach (var minutes in new[] { 0, WasteIoT.Firmware.Core.Nodes.SiteNode.DustWorkPeriodMinutes })
        {
            var row = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"| {(minutes == 0 ? "continuous" : $"{minutes} min")} | {Sds011WorkPeriod.LaserDuty(minutes) * 100:F0}% | {Sds011WorkPeriod.LaserLifeYears(minutes):F1} years |");
            Assert.Contains(row, readme, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void RandomNoiseNeverThrows()
    {
        var random = new Random(9);
        var noise = new byte[100_000];
        random.NextBytes(noise);
        Feed(new Sds011Parser(), noise);
        Feed(new Pms5003Parser(), noise);
    }

    private static int Feed(SerialFrameParser parser, byte[] bytes) => bytes.Count(parser.Feed);

    private static byte[] Sds011(int pm25Tenths, int pm10Tenths)
    {
        byte[] f = [0xAA, 0xC0, (byte)pm25Tenths, (byte)(pm25Tenths >> 8), (byte)pm10Tenths, (byte)(pm10Tenths >> 8), 0x12, 0x34, 0, 0xAB];
        f[8] = (byte)f[2..8].Sum(b => b);
        return f;
    }

    private static byte[] Pms5003(int pm1, int pm25, int pm10)
    {
        var f = new byte[32];
        f[0] = 0x42;
        f[1] = 0x4D;
        f[3] = 28;
        int[] words = [pm1, pm25, pm10, pm1, pm25, pm10, 900, 300, 50, 10, 2, 1, 0];
        for (var i = 0; i < words.Length; i++)
        {
            f[4 + (2 * i)] = (byte)(words[i] >> 8);
            f[5 + (2 * i)] = (byte)words[i];
        }

        var sum = f[..30].Sum(b => b);
        f[30] = (byte)(sum >> 8);
        f[31] = (byte)sum;
        return f;
    }
}
