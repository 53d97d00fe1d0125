using WasteIoT.Firmware.Core.Hardware;
using WasteIoT.Firmware.Core.Protocol;
using WasteIoT.Firmware.Core.Truck;

namespace WasteIoT.Firmware.Core.Tests.Truck;

public sealed class TruckInputTests
{
    [Fact]
    public void SameTagWithinWindowIsOneScan()
    {
        var d = new ScanDebouncer(4) { WindowMs = 30_000 };
        Assert.True(d.Accept("E280A", 0));
        Assert.False(d.Accept("E280A", 500));
        Assert.False(d.Accept("E280A", 29_000));
        Assert.True(d.Accept("E280B", 29_500));
        Assert.True(d.Accept("E280A", 60_000));
        Assert.Equal(2, d.Suppressed);
    }

    [Fact]
    public void DebouncerForgetsOldestTagsBeyondCapacity()
    {
        var d = new ScanDebouncer(2);
        d.Accept("A", 0);
        d.Accept("B", 1);
        d.Accept("C", 2);
        Assert.True(d.Accept("A", 3), "A was pushed out of the ring");
        Assert.False(d.Accept("C", 4));
    }

    [Fact]
    public void ChatteringSwitchChangesStateOnlyWhenStable()
    {
        var s = new SwitchDebouncer { StableMs = 1000 };
        Assert.False(s.Update(false, 0));
        var t = 0L;
        foreach (var raw in new[] { true, false, true, false, true })
        {
            t += 200;
            Assert.False(s.Update(raw, t));
        }

        Assert.False(s.State);
        Assert.False(s.Update(true, t + 900));
        Assert.True(s.Update(true, t + 1000));
        Assert.True(s.State);
        Assert.False(s.Update(true, t + 5000));
    }

    [Fact]
    public void GatewayAnswersBecomeFeedbackAndSilenceBecomesUnconfirmed()
    {
        var f = new ScanFeedbackTracker(4) { AnswerTimeoutMs = 2000 };
        f.Sent(10, 0);
        f.Sent(11, 100);
        Assert.Equal(FeedbackPattern.NotOnRoute, f.Answered(new ScanFeedback { Seq = 10, Outcome = ScanOutcome.NotOnRoute }));
        Assert.Equal(FeedbackPattern.Off, f.Answered(new ScanFeedback { Seq = 10, Outcome = ScanOutcome.Accepted }));
        Assert.Equal(FeedbackPattern.Off, f.Poll(1000));
        Assert.Equal(FeedbackPattern.Unconfirmed, f.Poll(2100));
        Assert.Equal(FeedbackPattern.Off, f.Poll(5000));
    }
}
