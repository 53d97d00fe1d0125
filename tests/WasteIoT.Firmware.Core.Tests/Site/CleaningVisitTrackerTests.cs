using WasteIoT.Firmware.Core.Hardware;
using WasteIoT.Firmware.Core.Protocol;
using WasteIoT.Firmware.Core.Site;

namespace WasteIoT.Firmware.Core.Tests.Site;

public sealed class CleaningVisitTrackerTests
{
    private const long Minute = 60_000;

    [Fact]
    public void SameBadgeTwiceIsAVisit()
    {
        var t = new CleaningVisitTracker();
        Assert.Equal(1, t.OnBadge("04A2", 0));
        Assert.Equal(BadgeAction.CheckIn, t.First.Action);
        Assert.Equal(FeedbackPattern.CheckedIn, t.First.Feedback);

        Assert.Equal(1, t.OnBadge("04A2", 12 * Minute));
        Assert.Equal(BadgeAction.CheckOut, t.First.Action);
        Assert.Equal(720, t.First.DwellS);
        Assert.Equal(FeedbackPattern.CheckedOut, t.First.Feedback);
        Assert.Null(t.OpenBadge);
    }

    [Fact]
    public void DoubleTapIsIgnored()
    {
        var t = new CleaningVisitTracker();
        t.OnBadge("04A2", 0);
        Assert.Equal(0, t.OnBadge("04A2", 3_000));
        Assert.Equal("04A2", t.OpenBadge);
    }

    [Fact]
    public void ShortVisitWarnsTheCleaner()
    {
        var t = new CleaningVisitTracker();
        t.OnBadge("04A2", 0);
        t.OnBadge("04A2", 2 * Minute);
        Assert.Equal(BadgeAction.CheckOut, t.First.Action);
        Assert.Equal(FeedbackPattern.ShortVisit, t.First.Feedback);
    }

    [Fact]
    public void AnotherBadgeClosesTheForgottenVisit()
    {
        var t = new CleaningVisitTracker();
        t.OnBadge("AAAA", 0);
        Assert.Equal(2, t.OnBadge("BBBB", 40 * Minute));
        Assert.Equal(BadgeAction.Timeout, t.First.Action);
        Assert.Equal("AAAA", t.First.Badge);
        Assert.Equal(2400, t.First.DwellS);
        Assert.Equal(BadgeAction.CheckIn, t.Second.Action);
        Assert.Equal("BBBB", t.OpenBadge);
    }

    [Fact]
    public void VisitLeftOpenTimesOut()
    {
        var t = new CleaningVisitTracker();
        t.OnBadge("AAAA", 0);
        Assert.Equal(0, t.Poll(119 * Minute));
        Assert.Equal(1, t.Poll(120 * Minute));
        Assert.Equal(BadgeAction.Timeout, t.First.Action);
        Assert.Null(t.OpenBadge);
        Assert.Equal(0, t.Poll(121 * Minute));
    }
}
