using WasteIoT.Cloud.Checks.Roads;

namespace WasteIoT.Cloud.Tests.Checks;

/// <summary>Hand-built days on a straight 500 m segment: what a work vehicle's fixes prove about the work on it.</summary>
public sealed class RoadCoverageCheckTests
{
    private const double Lat = 30.28;
    private const double Lon = 120.16;
    private static readonly double DegreesPerMetreEast = 1 / (111_320.0 * Math.Cos(Lat * Math.PI / 180));
    private static readonly RoadPoint[] Road = [new(Lat, Lon), new(Lat, Lon + (500 * DegreesPerMetreEast))];
    private static readonly DateTimeOffset Day = new(2026, 11, 26, 0, 0, 0, TimeSpan.FromHours(8));
    private static readonly RoadRules Rules = new();

    [Fact]
    public void ASegmentSweptOnceOfTwiceIsShortOnePass()
    {
        var result = Check(new RoadWork(RoadTask.Sweep, 2, new(5, 0), new(7, 0)), Drive(Day.AddHours(5.5), 10, on: true));

        Assert.Equal((2, 1, false), (result.Required, result.Done, result.Met));
        Assert.InRange(result.CoveredShare, 0.98, 1);
        Assert.Equal(0, result.TooFastFixes + result.EquipmentOffFixes + result.PassesOutsideWindow);
    }

    [Fact]
    public void TwoPassesInTheWindowMeetTheWork()
    {
        var fixes = Drive(Day.AddHours(5.5), 10, on: true).Concat(Drive(Day.AddHours(6.2), 10, on: true, westward: true)).ToList();

        Assert.True(Check(new RoadWork(RoadTask.Sweep, 2, new(5, 0), new(7, 0)), fixes).Met);
    }

    [Fact]
    public void ASweeperDrivingWithItsBrushesOffSweepsNothing()
    {
        var result = Check(new RoadWork(RoadTask.Sweep, 1, new(5, 0), new(7, 0)), Drive(Day.AddHours(5.5), 10, on: false));

        Assert.Equal(0, result.Done);
        Assert.Equal(0, result.CoveredShare);
        Assert.True(result.EquipmentOffFixes > 150, $"{result.EquipmentOffFixes}");
    }

    [Fact]
    public void ASprinklerTooFastDoesNotCountAndIsShown()
    {
        var result = Check(new RoadWork(RoadTask.Sprinkle, 1, new(6, 0), new(20, 0)), Drive(Day.AddHours(9), 45, on: true));

        Assert.Equal(0, result.Done);
        Assert.True(result.TooFastFixes > 30, $"{result.TooFastFixes}");
    }

    [Fact]
    public void AFullPassAtTheWrongTimeIsCountedApart()
    {
        var result = Check(new RoadWork(RoadTask.Sweep, 1, new(5, 0), new(7, 0)), Drive(Day.AddHours(9), 10, on: true));

        Assert.Equal((0, 1), (result.Done, result.PassesOutsideWindow));
        Assert.Equal(0, result.CoveredShare);
    }

    [Fact]
    public void HalfTheRoadIsNotAPassButIsCovered()
    {
        var fixes = Drive(Day.AddHours(5.5), 10, on: true).Where(f => f.Lon <= Lon + (250 * DegreesPerMetreEast)).ToList();
        var result = Check(new RoadWork(RoadTask.Sweep, 1, new(5, 0), new(7, 0)), fixes);

        Assert.Equal(0, result.Done);
        Assert.InRange(result.CoveredShare, 0.45, 0.52);
    }

    [Fact]
    public void ADeadZoneInTheMiddleBreaksThePass()
    {
        // A minute without fixes in the middle of the run (a tunnel, a dead zone): the road under it is not proven swept.
        var fixes = Drive(Day.AddHours(5.5), 10, on: true).Where((_, i) => i is < 60 or > 120).ToList();
        var result = Check(new RoadWork(RoadTask.Sweep, 1, new(5, 0), new(7, 0)), fixes);

        Assert.Equal(0, result.Done);
        Assert.InRange(result.CoveredShare, 0.6, 0.7);
    }

    [Theory]
    [InlineData(10, 1)]
    [InlineData(30, 0)]
    public void OnlyFixesWithinTheLateralToleranceAreOnTheRoad(double northM, int passes)
    {
        var fixes = Drive(Day.AddHours(5.5), 10, on: true).Select(f => f with { Lat = f.Lat + (northM / 111_320.0) }).ToList();

        Assert.Equal(passes, Check(new RoadWork(RoadTask.Sweep, 1, new(5, 0), new(7, 0)), fixes).Done);
    }

    private static RoadWorkResult Check(RoadWork work, IReadOnlyList<WorkFix> fixes) =>
        RoadCoverageCheck.Evaluate(Road, work, Day.Add(work.From.ToTimeSpan()), Day.Add(work.To.ToTimeSpan()), fixes, Rules);

    // Along the whole segment (and 20 m past each end) at a steady speed, one fix a second.
    private static List<WorkFix> Drive(DateTimeOffset start, double kmh, bool on, bool westward = false)
    {
        var fixes = new List<WorkFix>();
        var metresPerSecond = kmh / 3.6;
        for (var s = 0; ; s++)
        {
            var along = -20 + (s * metresPerSecond);
            if (along > 520)
            {
                return fixes;
            }

            var east = westward ? 500 - along : along;
            fixes.Add(new WorkFix(start.AddSeconds(s), Lat, Lon + (east * DegreesPerMetreEast), kmh, on));
        }
    }
}
