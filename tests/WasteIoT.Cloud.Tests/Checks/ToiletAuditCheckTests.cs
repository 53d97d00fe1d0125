using WasteIoT.Cloud.Checks.Toilets;
using WasteIoT.Contracts.Messages;

namespace WasteIoT.Cloud.Tests.Checks;

/// <summary>Hand-built toilet days; opening hours 06:00–22:00 (+08:00).</summary>
public sealed class ToiletAuditCheckTests
{
    private static readonly DateTimeOffset Day = new(2026, 11, 27, 0, 0, 0, TimeSpan.FromHours(8));
    private static readonly ToiletDay Toilet = new("site-t01", ToiletClass.II, Day.AddHours(6), Day.AddHours(22), new HashSet<string> { "CLEANER-A" });
    private static readonly ToiletRules Rules = new();

    [Fact]
    public void SixProperCleaningsByTheAssignedCleanerPass()
    {
        // 06:30, 09:00, 11:30, 14:00, 16:30, 19:00, each 12 minutes: gaps 30 min, then 2 h 18 min, last to close 2 h 48 min.
        var badges = Enumerable.Range(0, 6).SelectMany(i => Visit("CLEANER-A", Day.AddHours(6.5 + (2.5 * i)), TimeSpan.FromMinutes(12))).ToList();
        var result = ToiletAuditCheck.Evaluate(Toilet, badges, [], Rules);

        Assert.Equal(6, result.Cleanings.Count);
        Assert.True(result.EnoughCleanings);
        Assert.Equal(6, result.ByAssignedCleaners);
        Assert.Equal(TimeSpan.FromMinutes(168), result.LongestGap);
        Assert.False(result.HasAirData);
    }

    [Fact]
    public void CleanersTogetherOrBackToBackCleanOnce()
    {
        var badges = new List<BadgeRecord>();
        badges.AddRange(Visit("CLEANER-A", Day.AddHours(12), TimeSpan.FromMinutes(20)));                  // 12:00–12:20
        badges.AddRange(Visit("CLEANER-B", Day.AddHours(12).AddMinutes(10), TimeSpan.FromMinutes(15)));   // 12:10–12:25, overlapping
        badges.AddRange(Visit("CLEANER-A", Day.AddHours(14), TimeSpan.FromMinutes(10)));                  // 14:00–14:10
        badges.AddRange(Visit("CLEANER-B", Day.AddHours(14).AddMinutes(15), TimeSpan.FromMinutes(10)));   // 14:15–14:25, 5 min later
        badges.AddRange(Visit("CLEANER-A", Day.AddHours(16), TimeSpan.FromMinutes(10)));                  // 16:00–16:10
        badges.AddRange(Visit("CLEANER-A", Day.AddHours(16).AddMinutes(30), TimeSpan.FromMinutes(10)));   // 16:30–16:40, 20 min later

        var result = ToiletAuditCheck.Evaluate(Toilet, badges, [], Rules);

        Assert.Equal(4, result.Cleanings.Count);
        Assert.Equal((Day.AddHours(12), Day.AddHours(12).AddMinutes(25)), (result.Cleanings[0].Start, result.Cleanings[0].End));
        Assert.Equal(["CLEANER-A", "CLEANER-B"], result.Cleanings[0].Cleaners);
        Assert.Equal(["CLEANER-A", "CLEANER-B"], result.Cleanings[1].Cleaners);
        Assert.Equal(["CLEANER-A"], result.Cleanings[3].Cleaners);
        Assert.Equal(4, result.ByAssignedCleaners);

        // A county that counts each cleaner's visit sets the gap to nothing and keeps overlapping visits one.
        Assert.Equal(5, ToiletAuditCheck.Evaluate(Toilet, badges, [], Rules with { SessionGap = TimeSpan.Zero }).Cleanings.Count);
    }

    [Fact]
    public void FourCleaningsShortVisitsAndAStandInAreCounted()
    {
        var badges = new List<BadgeRecord>();
        badges.AddRange(Visit("CLEANER-A", Day.AddHours(7), TimeSpan.FromMinutes(10)));
        badges.AddRange(Visit("CLEANER-A", Day.AddHours(8), TimeSpan.FromMinutes(3)));   // too short
        badges.AddRange(Visit("CLEANER-B", Day.AddHours(12), TimeSpan.FromMinutes(8)));  // a stand-in
        badges.AddRange(Visit("CLEANER-A", Day.AddHours(15), TimeSpan.FromMinutes(15)));
        badges.AddRange(Visit("CLEANER-A", Day.AddHours(18), TimeSpan.FromMinutes(6)));
        badges.Add(new BadgeRecord(Day.AddHours(20), "CLEANER-A", BadgeAction.CheckIn, null));
        badges.Add(new BadgeRecord(Day.AddHours(22), "CLEANER-A", BadgeAction.Timeout, 7200));

        var result = ToiletAuditCheck.Evaluate(Toilet, badges, [], Rules);

        Assert.Equal(4, result.Cleanings.Count);
        Assert.False(result.EnoughCleanings);
        Assert.Equal(3, result.ByAssignedCleaners);
        Assert.Equal(1, result.ShortVisits);
        Assert.Equal(1, result.UnclosedVisits);
        Assert.Equal(TimeSpan.FromMinutes(290), result.LongestGap);  // 07:10 → 12:00
    }

    [Fact]
    public void LostCheckInStillCountsFromTheNodesDwell()
    {
        var badges = new[] { new BadgeRecord(Day.AddHours(9).AddMinutes(10), "CLEANER-A", BadgeAction.CheckOut, 600) };
        var cleaning = Assert.Single(ToiletAuditCheck.Evaluate(Toilet, badges, [], Rules).Cleanings);
        Assert.Equal(Day.AddHours(9), cleaning.Start);
    }

    [Fact]
    public void OdourAboveTheClassLimitAndItsFallAfterCleaning()
    {
        // Class II: NH3 limit 1.0 mg/m³. NH3 climbs to 1.4 by 10:00; cleaned 10:00–10:15; then 0.3.
        var air = new List<AirRecord>();
        for (var m = 0; m < 240; m += 5)
        {
            var at = Day.AddHours(8).AddMinutes(m);
            var nh3 = at < Day.AddHours(10) ? 0.5 + (m / 120.0 * 0.9) : at < Day.AddHours(10.25) ? 1.0 : 0.3;
            air.Add(new AirRecord(at, nh3, m == 60 ? 0.02 : 0.004, WarmingUp: false));
        }

        air.Add(new AirRecord(Day.AddHours(6), 9.9, 0.5, WarmingUp: true));   // a warm-up spike is not judged

        var result = ToiletAuditCheck.Evaluate(Toilet, Visit("CLEANER-A", Day.AddHours(10), TimeSpan.FromMinutes(15)), air, Rules);

        Assert.All(result.Exceedances.Where(e => e.Gas == "nh3"), e => Assert.True(e.Value > 1.0));
        Assert.Equal(10, result.Exceedances.Count(e => e.Gas == "nh3"));  // 0.5 + 0.9·m/120 > 1.0 from m = 70: 09:10 … 09:55
        Assert.Single(result.Exceedances, e => e.Gas == "sh2");
        var cleaning = Assert.Single(result.Cleanings);
        Assert.True(cleaning.OdourFell);
        Assert.InRange(cleaning.Nh3Before!.Value, 1.1, 1.4);
        Assert.Equal(0.3, cleaning.Nh3After!.Value, 6);
    }

    [Fact]
    public void H2sWithinOneResolutionStepOfTheLimitIsNoMeasuredExceedance()
    {
        // Limit 0.01 mg/m³; the node's ZE03-H2S resolves 0.014: 0.02 is within a step of the limit, 0.03 is not.
        var air = new[]
        {
            new AirRecord(Day.AddHours(8), 0.3, 0.02, WarmingUp: false) { H2sResolution = 0.014 },
            new AirRecord(Day.AddHours(9), 0.3, 0.03, WarmingUp: false) { H2sResolution = 0.014 },
            new AirRecord(Day.AddHours(10), 0.3, 0.02, WarmingUp: false),
        };

        var result = ToiletAuditCheck.Evaluate(Toilet, [], air, Rules);

        Assert.Equal([Day.AddHours(9), Day.AddHours(10)], result.Exceedances.Where(e => e.Gas == "sh2").Select(e => e.Ts));
    }

    [Fact]
    public void NoCleaningAtAllMeansTheWholeDayIsTheGap()
    {
        var result = ToiletAuditCheck.Evaluate(Toilet, [], [], Rules);
        Assert.Empty(result.Cleanings);
        Assert.Equal(TimeSpan.FromHours(16), result.LongestGap);
    }

    private static BadgeRecord[] Visit(string badge, DateTimeOffset start, TimeSpan dwell) =>
    [
        new(start, badge, BadgeAction.CheckIn, null),
        new(start + dwell, badge, BadgeAction.CheckOut, (int)dwell.TotalSeconds),
    ];
}
