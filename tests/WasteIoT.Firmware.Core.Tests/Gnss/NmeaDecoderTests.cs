using WasteIoT.Firmware.Core.Gnss;
using static WasteIoT.Firmware.Core.Tests.Gnss.NmeaTestFeed;

namespace WasteIoT.Firmware.Core.Tests.Gnss;

public sealed class NmeaDecoderTests
{
    private static readonly string Rmc1 = Sentence("GNRMC,074300.00,A,3113.83600,N,12128.44407,E,12.5,87.5,271126,,,A");
    private static readonly string Rmc2 = Sentence("GNRMC,074301.00,A,3113.83610,N,12128.45000,E,13.0,88.0,271126,,,A");

    [Fact]
    public void RmcOnlyReceiverGivesOneFixPerSecond()
    {
        var feed = new NmeaTestFeed().Send(Rmc1).Send(Rmc2).Send(Sentence("GNRMC,074302.00,A,3113.83620,N,12128.45500,E,13.0,88.0,271126,,,A"));

        // The third epoch completes at once: RMC has been learned as the end of each cycle.
        Assert.Equal(3, feed.Fixes.Count);
        var first = feed.Fixes[0];
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 7, 43, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(), first.Time);
        Assert.Equal(31 + (13.836 / 60), first.Lat, 9);
        Assert.Equal(121 + (28.44407 / 60), first.Lon, 9);
        Assert.Equal(12.5 * 1.852, first.SpeedKilometresPerHour, 9);
        Assert.Equal(87.5, first.Track);
    }

    [Theory]
    [InlineData("GP")]
    [InlineData("GN")]
    [InlineData("GL")]
    [InlineData("BD")]
    [InlineData("GB")]
    [InlineData("GA")]
    public void AnyTalkerIsAccepted(string talker)
    {
        var feed = new NmeaTestFeed()
            .Send(Sentence($"{talker}RMC,010000.00,A,3000.00000,N,12000.00000,E,0.0,,271126,,,A"))
            .Send(Sentence($"{talker}GGA,010000.00,3000.00000,N,12000.00000,E,1,08,0.9,10.0,M,0.0,M,,"))
            .Send(Sentence($"{talker}GNS,010001.00,3000.00100,N,12000.00000,E,AN,08,0.9,10.0,0.0,,"))
            .Flush();
        Assert.Equal(2, feed.Fixes.Count);
        Assert.Equal(8, feed.Fixes[0].Satellites);
        Assert.Equal(30 + (0.001 / 60), feed.Fixes[1].Lat, 9);
    }

    [Fact]
    public void SouthAndWestAreNegative()
    {
        var feed = new NmeaTestFeed().Send(Sentence("GPRMC,120000,A,3644.759481,S,07444.072898,W,0.0,,071020,,")).Flush();
        Assert.True(feed.Fixes[0].Lat < 0);
        Assert.True(feed.Fixes[0].Lon < 0);
    }

    [Fact]
    public void VoidRmcAndZeroQualityGgaGiveNoFix()
    {
        var feed = new NmeaTestFeed()
            .Send(Sentence("GPGGA,235946.005,8960.000000,N,00000.000000,E,0,0,,137.000,M,13.000,M,,"))
            .Send(Sentence("GPRMC,235946.005,V,8960.000000,N,00000.000000,E,0.000,0.00,050180,,,N"))
            .Send(Sentence("GNGNS,074150.799,,,,,NNNN,00,,,0.0,,0000"))
            .Flush();
        Assert.Empty(feed.Fixes);
    }

    [Fact]
    public void PlaceholderDateOfVoidRmcIsNotTrusted()
    {
        // Before a fix the receiver sends 1980; a later GGA must not be dated with it.
        var feed = new NmeaTestFeed()
            .Send(Sentence("GPRMC,081433.591,V,,,,,0.000,0.00,120180,,,N"))
            .Send(Sentence("GPGGA,081434.000,5212.982135,N,00653.101394,E,1,3,2.88,102.907,M,47.093,M,,"))
            .Send(Sentence("GPGGA,081435.000,5212.982135,N,00653.101394,E,1,3,2.88,102.907,M,47.093,M,,"))
            .Flush();
        Assert.Empty(feed.Fixes);
    }

    [Fact]
    public void GgaOnlyEpochsCrossMidnightIntoTheNextDay()
    {
        var feed = new NmeaTestFeed()
            .Send(Sentence("GPRMC,235959.00,A,3000.0,N,12000.0,E,1.0,90.0,311226,,,A"))
            .Send(Sentence("GPGGA,000000.00,3000.0,N,12000.0,E,1,08,0.9,10.0,M,0.0,M,,"))
            .Send(Sentence("GPGGA,000001.00,3000.0,N,12000.0,E,1,08,0.9,10.0,M,0.0,M,,"))
            .Flush();
        Assert.Equal(3, feed.Fixes.Count);
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(), feed.Fixes[1].Time);
    }

    [Fact]
    public void VtgAndGsaJoinTheEpochInProgress()
    {
        var feed = new NmeaTestFeed()
            .Send(Sentence("GPGGA,022021.00,3644.759368,S,17444.072860,E,1,07,1.1,56.1,M,37.0,M,,"))
            .Send(Sentence("GPVTG,301.9,T,283.6,M,10.0,N,18.5,K,A"))
            .Send(Sentence("GPRMC,022021.00,A,3644.759368,S,17444.072860,E,,,071020,18.3,E,A,V"))
            .Send(Sentence("GPGSA,A,3,06,07,11,19,22,28,30,,,,,,1.4,1.1,0.8,1"))
            .Flush();
        var fix = Assert.Single(feed.Fixes);
        Assert.Equal(10.0, fix.SpeedKnots);
        Assert.Equal(301.9, fix.Track);
        Assert.Equal(3, fix.Mode);
        Assert.Equal(1.1, fix.Hdop);
    }

    [Theory]
    [InlineData("$GPRMC,074300.00,A,3113.83600,N,12128.44407,E,12.5,87.5,271126,,,A*00\r\n")]
    [InlineData("$GPRMC,074300.00,A,3113.83600,N,12128.44407,E,12.5,87.5,271126,,,A\r\n")]
    [InlineData("GPRMC,074300.00,A,3113.83600,N,12128.44407,E,12.5,87.5,271126,,,A*4B\r\n")]
    [InlineData("$GPRMC,074300.00,A,3113.8360")]
    [InlineData("$GPRMC,07a300.00,A,3113.83600,N,12128.44407,E,12.5,87.5,271126,,,A*11\r\n")]
    public void CorruptSentencesAreSkipped(string text)
    {
        var feed = new NmeaTestFeed().Send(text).Flush();
        Assert.Empty(feed.Fixes);
    }

    [Fact]
    public void GarbageBetweenSentencesIsSkippedAndCounted()
    {
        var noisy = "\0\xff garbage" + Rmc1[..20] + "\r\n" + "$$$" + new string('x', 300) + "\r\n" + Rmc1 + "junk" + Rmc2;
        var feed = new NmeaTestFeed().Send(noisy).Flush();
        Assert.Equal(2, feed.Fixes.Count);
        Assert.True(feed.Decoder.Rejected >= 1);
    }

    [Fact]
    public void RandomBytesNeverThrow()
    {
        var random = new Random(42);
        var feed = new NmeaTestFeed();
        var buffer = new byte[200_000];
        random.NextBytes(buffer);
        for (var i = 0; i < buffer.Length; i += 97)
        {
            buffer[i] = (byte)'$';
        }

        feed.SendBytes(buffer);
        var valid = Rmc1.ToCharArray();
        for (var i = 0; i < 5_000; i++)
        {
            var mutated = (char[])valid.Clone();
            mutated[random.Next(1, mutated.Length - 2)] = (char)random.Next(32, 127);
            feed.Send(new string(mutated));
        }

        feed.Flush();
        Assert.True(feed.Decoder.Rejected > 0);
    }
}
