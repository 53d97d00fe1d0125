using WasteIoT.Cloud.Checks.Clearance;

namespace WasteIoT.Cloud.Tests.Checks;

/// <summary>Hand-built bin days for 日产日清: one reading an hour unless said otherwise.</summary>
public sealed class DailyClearanceCheckTests
{
    private static readonly DateTimeOffset Day = new(2026, 11, 27, 0, 0, 0, TimeSpan.FromHours(8));
    private static readonly ClearanceRules Rules = new();

    [Fact]
    public void FillsUpIsEmptiedAt7AndEndsLowIsCleared()
    {
        // 0.60 at midnight rising 0.02/h to 0.74 at 07:00, emptied to 0.03 at 08:00, rising again to 0.33 by 23:00.
        var samples = Hours(h => h < 7 ? 0.60 + (0.02 * h) : h == 7 ? 0.74 : 0.03 + (0.02 * (h - 8)));
        var result = DailyClearanceCheck.Evaluate("bin-0001", samples, Rules);
        Assert.Equal(ClearanceVerdict.Cleared, result.Verdict);
        Assert.Equal([Day.AddHours(8)], result.Emptied);
        Assert.Equal(0.33, result.EndLevel!.Value, 2);
    }

    [Fact]
    public void NeverEmptiedIsNotCleared()
    {
        var result = DailyClearanceCheck.Evaluate("bin-0001", Hours(h => 0.4 + (0.02 * h)), Rules);
        Assert.Equal(ClearanceVerdict.NotCleared, result.Verdict);
        Assert.Empty(result.Emptied);
    }

    [Fact]
    public void EmptiedInTheMorningButFullAtNightIsLeftFull()
    {
        var result = DailyClearanceCheck.Evaluate("bin-0001", Hours(h => h < 8 ? 0.7 : 0.05 * (h - 7)), Rules);
        Assert.Equal(ClearanceVerdict.LeftFull, result.Verdict);
        Assert.Equal(0.8, result.EndLevel!.Value, 2);
    }

    [Fact]
    public void SmallDipsAndNoiseAreNotEmptyings()
    {
        // A dropped bag lid or a compressed load: falls of 0.1 are not an emptying.
        var result = DailyClearanceCheck.Evaluate("bin-0001", Hours(h => 0.5 + (h % 2 == 0 ? 0.1 : 0)), Rules);
        Assert.Equal(ClearanceVerdict.NotCleared, result.Verdict);
    }

    [Fact]
    public void OfflineDeviceIsNoDataAndLostEchoesAreASensorFault()
    {
        Assert.Equal(ClearanceVerdict.NoData, DailyClearanceCheck.Evaluate("bin-0002", [], Rules).Verdict);
        var lost = Enumerable.Range(0, 24).Select(h => new LevelSample(Day.AddHours(h), null));
        Assert.Equal(ClearanceVerdict.SensorFault, DailyClearanceCheck.Evaluate("bin-0002", lost, Rules).Verdict);
    }

    [Fact]
    public void LateArrivalAfterABacklogGivesTheSameVerdict()
    {
        var samples = Hours(h => h < 10 ? 0.5 : 0.02).ToList();
        var shuffled = samples.OrderByDescending(s => s.Ts.Minute).ThenBy(_ => Guid.NewGuid()).ToList();
        Assert.Equal(DailyClearanceCheck.Evaluate("b", samples, Rules).Emptied, DailyClearanceCheck.Evaluate("b", shuffled, Rules).Emptied);
    }

    [Fact]
    public void LostEchoesBetweenGoodReadingsDoNotHideTheEmptying()
    {
        var samples = new[] { new LevelSample(Day.AddHours(6), 0.7), new LevelSample(Day.AddHours(7), null), new LevelSample(Day.AddHours(8), 0.05) };
        Assert.Equal(ClearanceVerdict.Cleared, DailyClearanceCheck.Evaluate("b", samples, Rules).Verdict);
    }

    private static IEnumerable<LevelSample> Hours(Func<int, double> level) =>
        Enumerable.Range(0, 24).Select(h => new LevelSample(Day.AddHours(h), Math.Round(level(h), 2)));
}
