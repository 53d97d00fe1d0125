using WasteIoT.Firmware.Core.Gnss;

namespace WasteIoT.Firmware.Core.Tests.Gnss;

public sealed class PositionReporterTests
{
    private const double Lat = 31.2304;
    private const double Lon = 121.4737;

    [Fact]
    public void MovingTruckReportsEverySecond()
    {
        var r = new PositionReporter();
        var reports = 0;
        for (var ms = 0L; ms < 10_000; ms += 500)
        {
            reports += r.Consider(Fix(ms, Lat + (ms * 1e-7), Lon, knots: 15, track: 90)) ? 1 : 0;
        }

        Assert.Equal(10, reports);
    }

    [Fact]
    public void SharpTurnIsReportedAtOnce()
    {
        var r = new PositionReporter();
        Assert.True(r.Consider(Fix(0, Lat, Lon, 15, 90)));
        Assert.False(r.Consider(Fix(200, Lat, Lon, 15, 100)));
        Assert.True(r.Consider(Fix(400, Lat, Lon, 15, 135)));
    }

    [Fact]
    public void ParkedJitterStaysAtTheAnchorAndReportsEvery30Seconds()
    {
        var r = new PositionReporter();
        var random = new Random(5);
        var reported = new List<(double Lat, double Lon)>();
        for (var s = 0; s < 300; s++)
        {
            // ±5 m of noise and a fake 1–3 km/h speed, typical of a parked receiver.
            var fix = Fix(s * 1000L, Lat + ((random.NextDouble() - 0.5) * 9e-5), Lon + ((random.NextDouble() - 0.5) * 9e-5), knots: random.NextDouble() * 1.5, track: random.Next(360));
            if (r.Consider(fix))
            {
                reported.Add((r.Lat, r.Lon));
                Assert.Equal(0, r.SpeedKmh);
            }
        }

        Assert.Equal(10, reported.Count);
        Assert.Single(reported.Distinct());
    }

    [Fact]
    public void StoppingIsReportedAtOnceAndCreepMovesTheAnchor()
    {
        var r = new PositionReporter();
        Assert.True(r.Consider(Fix(0, Lat, Lon, 20, 0)));
        Assert.True(r.Consider(Fix(300, Lat, Lon, 0, 0)), "stopping is news");
        Assert.False(r.Consider(Fix(5_000, Lat + 5e-5, Lon, 0, 0)));
        Assert.True(r.Consider(Fix(6_000, Lat + 4e-4, Lon, 0, 0)), "44 m from the anchor");
        Assert.Equal(Lat + 4e-4, r.Lat);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(2.5)]
    [InlineData(-4.0)]
    [InlineData(10.0)]
    [InlineData(100.0)]
    public void CosineMatchesMath(double radians)
    {
        Assert.Equal(Math.Cos(radians), GeoMath.Cos(radians), 9);
    }

    [Fact]
    public void DistanceMatchesHaversineNearby()
    {
        var d = Math.Sqrt(GeoMath.DistanceSquared(31.2304, 121.4737, 31.2310, 121.4745));
        var haversine = Haversine(31.2304, 121.4737, 31.2310, 121.4745);
        Assert.InRange(d / haversine, 0.999, 1.001);
    }

    private static double Haversine(double lat1, double lon1, double lat2, double lon2)
    {
        var r = Math.PI / 180;
        var a = Math.Pow(Math.Sin((lat2 - lat1) * r / 2), 2) + (Math.Cos(lat1 * r) * Math.Cos(lat2 * r) * Math.Pow(Math.Sin((lon2 - lon1) * r / 2), 2));
        return 2 * GeoMath.EarthRadius * Math.Asin(Math.Sqrt(a));
    }

    private static GnssFix Fix(long ms, double lat, double lon, double knots, double track) => new()
    {
        Time = ms,
        Lat = lat,
        Lon = lon,
        SpeedKnots = knots,
        Track = track,
        Quality = 1,
    };
}
