using WasteIoT.Cloud.Checks.Coverage;

namespace WasteIoT.Cloud.Tests.Checks;

/// <summary>Hand-built routes for 不漏户.</summary>
public sealed class CoverageCheckTests
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 27, 7, 0, 0, TimeSpan.FromHours(8));

    // Five households 100 m apart along a street (0.001° of latitude ≈ 111 m).
    private static readonly ScheduledHousehold[] Route =
    [
        new("hh-1", "T1", 31.2300, 121.47),
        new("hh-2", "T2", 31.2310, 121.47),
        new("hh-3", "T3", 31.2320, 121.47),
        new("hh-4", "T4", 31.2330, 121.47),
        new("hh-5", "T5", 31.2340, 121.47),
    ];

    [Fact]
    public void AllScannedAtTheirDoorsIsFullCoverage()
    {
        var scans = Route.Select((h, i) => new ScanRecord(h.Tag, Morning.AddMinutes(i), h.Lat + 0.0001, h.Lon)).ToList();
        var result = CoverageCheck.Evaluate(Route, scans, new CoverageRules());
        Assert.Equal(5, result.Served);
        Assert.Empty(result.Missed);
        Assert.Equal(1.0, result.CoverageRatio);
    }

    [Fact]
    public void SkippedHouseholdsAreListedInRouteOrder()
    {
        var scans = new[] { Scan("T1", 0, Route[0]), Scan("T3", 2, Route[2]), Scan("T5", 4, Route[4]) };
        var result = CoverageCheck.Evaluate(Route, scans, new CoverageRules());
        Assert.Equal(3, result.Served);
        Assert.Equal(["hh-2", "hh-4"], result.Missed.Select(h => h.Household));
        Assert.Equal(0.6, result.CoverageRatio, 3);
    }

    [Fact]
    public void TagScannedFarFromItsDoorDoesNotCount()
    {
        // hh-4's tag read at hh-1's door (328 m away): the bag of tags was carried to the truck.
        var scans = new[] { Scan("T1", 0, Route[0]), Scan("T4", 1, Route[0]) };
        var result = CoverageCheck.Evaluate(Route, scans, new CoverageRules());
        var far = Assert.Single(result.FarScans);
        Assert.Equal("hh-4", far.Household);
        Assert.InRange(far.DistanceM, 326, 330);   // 0.00295° of latitude
        Assert.Contains(result.Missed, h => h.Household == "hh-4");
    }

    [Fact]
    public void RepeatsUnknownTagsAndScansWithoutFixAreKeptApart()
    {
        var scans = new[]
        {
            Scan("T1", 0, Route[0]), Scan("T1", 1, Route[0]), Scan("T1", 2, Route[0]),
            Scan("ZZ", 3, Route[1]),
            new ScanRecord("T2", Morning.AddMinutes(4), null, null),
        };
        var result = CoverageCheck.Evaluate(Route, scans, new CoverageRules());
        Assert.Equal(1, result.Served);
        Assert.Equal(2, result.Duplicates);
        Assert.Equal(["ZZ"], result.NotOnRoute);
        Assert.Single(result.UnplacedScans);
        Assert.Contains(result.Missed, h => h.Household == "hh-2");
    }

    [Fact]
    public void AFarScanFollowedByADoorScanCounts()
    {
        var scans = new[] { Scan("T2", 0, Route[4]), Scan("T2", 5, Route[1]) };
        var result = CoverageCheck.Evaluate(Route, scans, new CoverageRules());
        Assert.Equal(1, result.Served);
        Assert.Single(result.FarScans);
        Assert.DoesNotContain(result.Missed, h => h.Household == "hh-2");
    }

    private static ScanRecord Scan(string tag, int minute, ScheduledHousehold at) => new(tag, Morning.AddMinutes(minute), at.Lat + 0.00005, at.Lon);
}
