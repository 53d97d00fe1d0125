using WasteIoT.Cloud.Checks.Coverage;
using WasteIoT.Cloud.Checks.Evidence;

namespace WasteIoT.Cloud.Tests.Checks;

/// <summary>When a device was heard: measured from its messages and cadence, never inferred from its numbering alone.</summary>
public sealed class EvidenceCoverageTests
{
    private static readonly DateTimeOffset Midnight = new(2026, 11, 25, 16, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset DayEnd = Midnight.AddDays(1);
    private static readonly DateTimeOffset Later = DayEnd.AddDays(2);
    private static readonly TimeSpan TenMinutes = TimeSpan.FromMinutes(10);
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public void HeartbeatsAtTheCadenceCoverTheWholeDay()
    {
        var evidence = Evaluate(Every(1, 1, Midnight.AddMinutes(-5), DayEnd.AddMinutes(5), 5), heardBefore: true);

        Assert.Equal([new EvidenceSpan(Midnight, DayEnd)], evidence.Heard);
        Assert.Empty(evidence.Outages);
        Assert.Null(evidence.InService);
    }

    [Fact]
    public void HoursOffEndedByARebootAreAnOutageThoughTheNumberingHasNoGap()
    {
        // Boot 7 until 08:00, then nothing until boot 8 starts at seq 1 at 15:00.
        var marks = Every(7, 1, Midnight.AddMinutes(-5), Midnight.AddHours(8), 5).Concat(Every(8, 1, Midnight.AddHours(15), DayEnd.AddMinutes(5), 5));

        var evidence = Evaluate(marks, heardBefore: true);

        var outage = Assert.Single(evidence.Outages);
        Assert.Equal((Midnight.AddHours(8), Midnight.AddHours(15), OutageReason.Silent), (outage.From, outage.To, outage.Reason));
        Assert.Equal(TimeSpan.FromHours(17), Spans.Total(evidence.Heard));
    }

    [Fact]
    public void AQuickRebootIsNoOutage()
    {
        var marks = Every(7, 1, Midnight.AddMinutes(-5), Midnight.AddHours(8), 5).Concat(Every(8, 1, Midnight.AddHours(8).AddMinutes(2), DayEnd.AddMinutes(5), 5));

        Assert.Empty(Evaluate(marks, heardBefore: true).Outages);
    }

    [Fact]
    public void MessagesNumberedButNeverReceivedMakeAnOutageHoweverShort()
    {
        // A ring overflow evicted seqs 50–52; the heartbeat after it counts 3 drops.
        var marks = Every(1, 1, Midnight.AddMinutes(-5), DayEnd.AddMinutes(5), 5).Where(m => m.Seq is < 50 or > 52)
            .Select(m => m.Seq == 60 ? m with { Dropped = 3 } : m.Seq > 1 ? m with { Dropped = m.Seq > 60 ? 3 : 0 } : m);

        var evidence = Evaluate(marks, heardBefore: true);

        var outage = Assert.Single(evidence.Outages);
        Assert.Equal(OutageReason.Lost, outage.Reason);
        Assert.Equal(TimeSpan.FromMinutes(20), outage.Length);
        Assert.Equal(3, evidence.Dropped);
    }

    [Fact]
    public void TimeBeforeTheFirstMessageEverIsNotJudgedAndNotAnOutage()
    {
        var evidence = Evaluate(Every(1, 1, Midnight.AddHours(19), DayEnd.AddMinutes(5), 5), heardBefore: false);

        Assert.Equal(Midnight.AddHours(19), evidence.InService);
        Assert.Empty(evidence.Outages);
        var toilet = WindowEvidence.For([evidence], Midnight.AddHours(6), Midnight.AddHours(22), Later, 0.95, Shanghai);
        Assert.Equal(TimeSpan.FromHours(13), toilet.BeforeService);
        Assert.Equal(TimeSpan.Zero, toilet.Silent);
        Assert.False(toilet.Verified);
    }

    [Fact]
    public void ADeviceNotYetOverdueIsHeardUpToNowAndOneOverdueIsSilentSinceItsLastMessage()
    {
        var marks = Every(1, 1, Midnight.AddMinutes(-5), Midnight.AddHours(10), 5).ToList();

        var fresh = EvidenceCoverage.Evaluate("d", marks, true, Midnight, DayEnd, Midnight.AddHours(10).AddMinutes(4), TenMinutes);
        var overdue = EvidenceCoverage.Evaluate("d", marks, true, Midnight, DayEnd, Midnight.AddHours(11), TenMinutes);

        Assert.Empty(fresh.Outages);
        Assert.Equal(Midnight.AddHours(10).AddMinutes(4), fresh.Heard[^1].To);
        Assert.Equal((Midnight.AddHours(10), Midnight.AddHours(11)), (overdue.Outages[0].From, overdue.Outages[0].To));
    }

    [Fact]
    public void AThingIsHeardOnlyWhenEveryOneOfItsNodesIs()
    {
        var gnss = Evaluate(Every(1, 1, Midnight.AddMinutes(-5), DayEnd.AddMinutes(5), 5), heardBefore: true);
        var rfid = Evaluate(Every(1, 1, Midnight.AddMinutes(-5), Midnight.AddHours(12), 5).Concat(Every(2, 1, Midnight.AddHours(18), DayEnd.AddMinutes(5), 5)), heardBefore: true);

        var window = WindowEvidence.For([gnss, rfid], Midnight.AddHours(6), Midnight.AddHours(18), Later, 0.95, Shanghai);

        Assert.Equal(0.5, window.Coverage);
        Assert.False(window.Verified);
        Assert.Equal(TimeSpan.FromHours(6), window.Silent);
        Assert.Equal(TimeSpan.FromHours(8), window.Outages[0].From.Offset);
    }

    [Fact]
    public void AHouseholdIsMissedOnlyWhereTheTruckWasHeardBetweenItsServedNeighbours()
    {
        // Service 06:00–12:00; the node goes dark at 08:00 for good. h-2 was passed between h-1 (07:00) and h-3 (07:10).
        var truck = Evaluate(Every(1, 1, Midnight.AddHours(5), Midnight.AddHours(8), 5), heardBefore: true);
        var window = WindowEvidence.For([truck], Midnight.AddHours(6), Midnight.AddHours(12), Later, 0.95, Shanghai);
        ScheduledHousehold[] route = [new("h-1", "T1", 31.23, 121.47), new("h-2", "T2", 31.23, 121.471), new("h-3", "T3", 31.23, 121.472), new("h-4", "T4", 31.23, 121.473), new("h-5", "T5", 31.23, 121.474)];
        ScanRecord[] scans = [new("T1", Midnight.AddHours(7), 31.23, 121.47), new("T3", Midnight.AddHours(7).AddMinutes(10), 31.23, 121.472)];

        var coverage = CoverageCheck.Evaluate(route, scans, new CoverageRules(), window);

        Assert.Equal(["h-2"], coverage.Missed.Select(h => h.Household));
        Assert.Equal(["h-4", "h-5"], coverage.Unverified.Select(h => h.Household));
        Assert.Equal(VerdictState.Shortfall, Verdicts.Route(coverage, window));
        Assert.Equal(2.0 / 3, coverage.CoverageRatio, 6);
    }

    [Fact]
    public void ARouteWhoseTruckWasSilentAllDayHasNoData()
    {
        var truck = Evaluate(Every(1, 1, Midnight.AddHours(-3), Midnight.AddHours(-1), 5), heardBefore: true);
        var window = WindowEvidence.For([truck], Midnight.AddHours(6), Midnight.AddHours(12), Later, 0.95, Shanghai);
        ScheduledHousehold[] route = [new("h-1", "T1", 31.23, 121.47), new("h-2", "T2", 31.23, 121.471)];

        var coverage = CoverageCheck.Evaluate(route, [], new CoverageRules(), window);

        Assert.Empty(coverage.Missed);
        Assert.Equal(2, coverage.Unverified.Count);
        Assert.Equal(VerdictState.NoData, Verdicts.Route(coverage, window));
        Assert.Equal(TimeSpan.FromHours(6), window.Silent);
    }

    [Fact]
    public void MeasuredFindingsStandWhateverTheCoverageButShortfallsNeedTheWindowHeard()
    {
        var half = Evaluate(Every(1, 1, Midnight.AddMinutes(-5), Midnight.AddHours(12), 5), heardBefore: true);
        var window = WindowEvidence.For([half], Midnight.AddHours(6), Midnight.AddHours(22), Later, 0.95, Shanghai);

        Assert.Equal(VerdictState.Violation, Verdicts.Event(happened: true, window));
        Assert.Equal(VerdictState.Unverified, Verdicts.Event(happened: false, window));
        Assert.Equal(VerdictState.Ok, Verdicts.Duty(met: true, window));
        Assert.Equal(VerdictState.Unverified, Verdicts.Duty(met: false, window));
    }

    private static DeviceEvidence Evaluate(IEnumerable<MessageMark> marks, bool heardBefore) =>
        EvidenceCoverage.Evaluate("d", marks, heardBefore, Midnight, DayEnd, Later, TenMinutes);

    /// <summary>A boot's messages every <paramref name="minutes"/> over [from, to], numbered from <paramref name="firstSeq"/>.</summary>
    private static IEnumerable<MessageMark> Every(long boot, long firstSeq, DateTimeOffset from, DateTimeOffset to, int minutes)
    {
        var seq = firstSeq;
        for (var ts = from; ts <= to; ts = ts.AddMinutes(minutes))
        {
            yield return new MessageMark(boot, seq++, ts);
        }
    }
}
