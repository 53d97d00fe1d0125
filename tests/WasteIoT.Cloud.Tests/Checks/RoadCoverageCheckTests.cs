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
        Assert.Equal(0, result.TooFastFixes + result.EquipmentOffFixes);
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
        var work = new RoadWork(RoadTask.Sweep, 1, new(5, 0), new(7, 0));
        var day = RoadCoverageCheck.Evaluate(Road, work, Day.Add(work.From.ToTimeSpan()), Day.Add(work.To.ToTimeSpan()), Drive(Day.AddHours(9), 10, on: true), Rules);

        Assert.Equal((0, 1), (day.Work[0].Done, day.OutsideWindows.Count));
        Assert.Equal(0, day.Work[0].CoveredShare);
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

    [Fact]
    public void SweepingUpAndBackWithoutLeavingTheStreetIsTwoPasses()
    {
        // The sweeper turns within the segment's last metres instead of driving off it.
        var there = Drive(Day.AddHours(5.5), 10, on: true).Where(f => f.Lon <= Lon + (495 * DegreesPerMetreEast)).ToList();
        var back = Drive(there[^1].Ts.AddSeconds(1), 10, on: true, westward: true).Where(f => f.Lon <= Lon + (490 * DegreesPerMetreEast)).ToList();

        Assert.Equal(2, Check(new RoadWork(RoadTask.Sweep, 2, new(5, 0), new(7, 0)), [.. there, .. back]).Done);
    }

    [Fact]
    public void TwoVehiclesHalvesCoverTheRoadButNeitherIsAPass()
    {
        var west = Drive(Day.AddHours(5.5), 10, on: true).Where(f => f.Lon <= Lon + (260 * DegreesPerMetreEast)).ToList();
        var east = Drive(Day.AddHours(5.6), 10, on: true).Where(f => f.Lon >= Lon + (240 * DegreesPerMetreEast)).ToList();
        var result = Day1([Segment("rd", "acme", Sweep(1, 5, 7))], [new WorkTrack("A", "acme", RoadTask.Sweep, west), new WorkTrack("B", "acme", RoadTask.Sweep, east)])[0].Work[0];

        Assert.Equal(0, result.Done);
        Assert.InRange(result.CoveredShare, 0.98, 1);
    }

    [Fact]
    public void PassesOfTheContractorsVehiclesAddUpAndAnotherContractorsDoNot()
    {
        var result = Day1([Segment("rd", "acme", Sweep(3, 5, 7))], [
            new WorkTrack("A", "acme", RoadTask.Sweep, Drive(Day.AddHours(5.2), 10, on: true)),
            new WorkTrack("B", "acme", RoadTask.Sweep, Drive(Day.AddHours(5.5), 10, on: true, westward: true)),
            new WorkTrack("C", "other", RoadTask.Sweep, Drive(Day.AddHours(6), 10, on: true)),
            new WorkTrack("D", "acme", RoadTask.Sprinkle, Drive(Day.AddHours(6.5), 10, on: true))])[0].Work[0];

        Assert.Equal((3, 2, false), (result.Required, result.Done, result.Met));
        Assert.Equal(["A", "B"], result.Passes.Select(p => p.Vehicle));
    }

    [Fact]
    public void APassCountsInTheWindowItStartsInAndIsNotOutsideTheOthers()
    {
        var segment = Segment("rd", "acme", Sweep(1, 5, 7), Sweep(1, 14, 16));
        var result = Day1([segment], [new WorkTrack("A", "acme", RoadTask.Sweep, Drive(Day.AddHours(14.5), 10, on: true))])[0];

        Assert.Equal([0, 1], result.Work.Select(w => w.Done));
        Assert.Empty(result.OutsideWindows);
    }

    [Fact]
    public void AParallelStreetFiftyMetresAwayIsNotSwept()
    {
        var parallel = new PlannedSegment("north", "acme", [.. Road.Select(p => p with { Lat = p.Lat + (50 / 111_320.0) })], [Sweep(1, 5, 7)]);
        var results = Day1([Segment("rd", "acme", Sweep(1, 5, 7)), parallel], [new WorkTrack("A", "acme", RoadTask.Sweep, Drive(Day.AddHours(5.5), 10, on: true))]);

        Assert.Equal([1, 0], results.Select(r => r.Work[0].Done));
    }

    private static IReadOnlyList<RoadSegmentResult> Day1(IReadOnlyList<PlannedSegment> segments, IReadOnlyList<WorkTrack> tracks) =>
        RoadCoverageCheck.EvaluateDay(segments, tracks, Rules);

    private static PlannedSegment Segment(string id, string contractor, params PlannedWork[] work) => new(id, contractor, Road, work);

    private static PlannedWork Sweep(int passes, int fromHour, int toHour) =>
        new(new RoadWork(RoadTask.Sweep, passes, new(fromHour, 0), new(toHour, 0)), Day.AddHours(fromHour), Day.AddHours(toHour));

    private static RoadWorkResult Check(RoadWork work, IReadOnlyList<WorkFix> fixes) =>
        RoadCoverageCheck.Evaluate(Road, work, Day.Add(work.From.ToTimeSpan()), Day.Add(work.To.ToTimeSpan()), fixes, Rules).Work[0];

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
