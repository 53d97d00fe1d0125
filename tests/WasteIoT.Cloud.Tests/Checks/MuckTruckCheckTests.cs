using WasteIoT.Cloud.Checks.Muck;
using WasteIoT.Cloud.Checks.Roads;
using WasteIoT.Cloud.Checks.SealedTransport;

namespace WasteIoT.Cloud.Tests.Checks;

/// <summary>
/// Hand-built nights of a muck truck with a permit for a route 3 km east from a construction site to a disposal site,
/// 22:00–05:00: what its fixes and tipper prove against the permit.
/// </summary>
public sealed class MuckTruckCheckTests
{
    private const double Lat = 30.25;
    private const double Lon = 120.10;
    private static readonly double DegreesPerMetreEast = 1 / (111_320.0 * Math.Cos(Lat * Math.PI / 180));
    private static readonly DateTimeOffset Midnight = new(2026, 11, 26, 0, 0, 0, TimeSpan.FromHours(8));
    private static readonly Geofence Site = new(Lat, Lon, 150);
    private static readonly Geofence Disposal = new(Lat, Lon + (3_000 * DegreesPerMetreEast), 200);
    private static readonly MuckPlan Plan = new("ZT-2026-018", [Site], [Disposal], [[new(Lat, Lon), new(Lat, Lon + (3_000 * DegreesPerMetreEast))]],
        [new(Midnight, Midnight.AddHours(5)), new(Midnight.AddHours(22), Midnight.AddHours(24))]);

    private static readonly MuckRules Rules = new();

    [Fact]
    public void ANightRunOnTheApprovedRouteTippedAtTheDisposalSiteIsClean()
    {
        var fixes = Drive(Midnight.AddHours(23), 0, 3_000, 0, 30);
        var result = MuckTruckCheck.Evaluate(Plan, fixes, [fixes[^1].Ts.AddSeconds(60)], Rules);

        Assert.False(result.Violated);
        Assert.Equal((1, "ZT-2026-018"), (result.TipsAtDisposalSites, result.Permit));
        Assert.InRange(result.DrivenKm, 2.9, 3.1);
    }

    [Fact]
    public void OffItsRouteAtNightIsAStretchWithHowFarItWent()
    {
        // Half way, 400 m north for 1 km along a parallel street, then back onto the route.
        var fixes = Drive(Midnight.AddHours(23), 0, 1_000, 0, 30)
            .Concat(Drive(Midnight.AddHours(23).AddMinutes(3), 1_000, 1_000, 400, 30))
            .Concat(Drive(Midnight.AddHours(23).AddMinutes(4), 1_000, 2_000, 400, 30))
            .Concat(Drive(Midnight.AddHours(23).AddMinutes(7), 2_000, 3_000, 0, 30)).ToList();

        var run = Assert.Single(MuckTruckCheck.Evaluate(Plan, fixes, [], Rules).OffRoute);
        Assert.InRange(run.FarthestM, 390, 410);
        Assert.InRange(run.DistanceKm, 0.95, 1.5);
        Assert.True(run.Duration >= Rules.MinOffRoute, $"{run.Duration}");
    }

    [Fact]
    public void ADetourShorterThanTheMinimumIsNotClaimed()
    {
        var fixes = Drive(Midnight.AddHours(23), 0, 1_000, 0, 30).Concat(Drive(Midnight.AddHours(23).AddMinutes(3), 1_000, 1_300, 200, 30)).ToList();

        Assert.Empty(MuckTruckCheck.Evaluate(Plan, fixes, [], Rules).OffRoute);
    }

    [Fact]
    public void DrivingInTheAfternoonIsOutsideTheApprovedHours()
    {
        var result = MuckTruckCheck.Evaluate(Plan, Drive(Midnight.AddHours(14), 0, 3_000, 0, 30), [], Rules);

        var run = Assert.Single(result.OffHours);
        Assert.Equal(Midnight.AddHours(14), run.Start);
        Assert.Empty(result.OffRoute);
    }

    [Fact]
    public void TippingTwoKilometresFromTheDisposalSiteIsSuspectedDumpingWithItsPlace()
    {
        var fixes = Drive(Midnight.AddHours(23), 0, 1_000, 0, 30).Concat(Standing(Midnight.AddHours(23).AddMinutes(3), 1_000, 0, 300)).ToList();
        var result = MuckTruckCheck.Evaluate(Plan, fixes, [Midnight.AddHours(23).AddMinutes(4)], Rules);

        var dumping = Assert.Single(result.Dumping);
        Assert.True(dumping.Located);
        Assert.InRange(dumping.NearestDisposalM!.Value, 1_750, 1_850);
        Assert.Equal(Lon + (1_000 * DegreesPerMetreEast), dumping.Lon!.Value, 6);
        Assert.True(result.Violated);
    }

    [Fact]
    public void ARaiseWithNoFixNearItInTimeIsListedButNotClaimed()
    {
        var result = MuckTruckCheck.Evaluate(Plan, Drive(Midnight.AddHours(23), 0, 3_000, 0, 30), [Midnight.AddHours(2)], Rules);

        Assert.False(Assert.Single(result.Dumping).Located);
        Assert.False(result.Violated);
    }

    [Fact]
    public void WithoutAValidPermitEveryStretchOfDrivingIsUnpermittedAndStandingIsNot()
    {
        var fixes = Standing(Midnight.AddHours(21), 0, 0, 600).Concat(Drive(Midnight.AddHours(23), 0, 3_000, 0, 30)).ToList();
        var result = MuckTruckCheck.Evaluate(null, fixes, [], Rules);

        var run = Assert.Single(result.Unpermitted);
        Assert.Equal(Midnight.AddHours(23), run.Start);
        Assert.Null(result.Permit);
    }

    [Fact]
    public void ParkedOffTheRouteOutsideTheHoursIsNotDriving()
    {
        var result = MuckTruckCheck.Evaluate(Plan, Standing(Midnight.AddHours(12), 1_500, 800, 3_600), [], Rules);

        Assert.Empty(result.OffRoute);
        Assert.Empty(result.OffHours);
    }

    // East along a line northM north of the route, from fromM to toM, one fix a second.
    private static List<PositionFix> Drive(DateTimeOffset start, double fromM, double toM, double northM, double kmh)
    {
        var fixes = new List<PositionFix>();
        for (var s = 0; fromM + (s * kmh / 3.6) <= toM; s++)
        {
            fixes.Add(new PositionFix(start.AddSeconds(s), Lat + (northM / 111_320.0), Lon + ((fromM + (s * kmh / 3.6)) * DegreesPerMetreEast), kmh));
        }

        return fixes;
    }

    private static List<PositionFix> Standing(DateTimeOffset start, double eastM, double northM, int seconds) =>
        [.. Enumerable.Range(0, seconds / 10).Select(i => new PositionFix(start.AddSeconds(i * 10), Lat + (northM / 111_320.0), Lon + (eastM * DegreesPerMetreEast), 0))];
}
