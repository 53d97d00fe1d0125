using WasteIoT.Cloud.Checks.Roads;

namespace WasteIoT.Cloud.Tests.Checks;

/// <summary>The cleaning plan's notation for a segment's work, and on which days each piece of work is due.</summary>
public sealed class RoadWorkNotationTests
{
    [Theory]
    [InlineData("sweep@05:00-07:00")]
    [InlineData("sweep*2@14:00-16:00")]
    [InlineData("sprinkle*3@06:00-20:00/05-09")]
    [InlineData("fog@08:00-18:00!orange")]
    [InlineData("sweep@05:00-07:00/11-02!red")]
    public void WorkIsWrittenBackAsItWasRead(string text)
    {
        Assert.True(RoadWork.TryParse(text, out var work));
        Assert.Equal(text, work.ToString());
    }

    [Theory]
    [InlineData("sweep@05:00-07:00/13-02")]
    [InlineData("sweep@05:00-07:00/5")]
    [InlineData("fog@08:00-18:00!purple")]
    [InlineData("fog@08:00-18:00!orange!red")]
    [InlineData("sweep@05:00-07:00/05-09/10-11")]
    [InlineData("sweep*21@05:00-07:00")]
    [InlineData("plough@05:00-07:00")]
    public void MalformedWorkIsRefused(string text) => Assert.False(RoadWork.TryParse(text, out _));

    [Theory]
    [InlineData("sprinkle*3@06:00-20:00/05-09", "2026-07-15", null, true)]
    [InlineData("sprinkle*3@06:00-20:00/05-09", "2026-11-26", null, false)]
    [InlineData("sweep@05:00-07:00/11-02", "2027-01-10", null, true)]
    [InlineData("sweep@05:00-07:00/11-02", "2026-10-31", null, false)]
    [InlineData("fog@08:00-18:00!orange", "2026-11-26", null, false)]
    [InlineData("fog@08:00-18:00!orange", "2026-11-26", AirAlertLevel.Yellow, false)]
    [InlineData("fog@08:00-18:00!orange", "2026-11-26", AirAlertLevel.Orange, true)]
    [InlineData("fog@08:00-18:00!orange", "2026-11-26", AirAlertLevel.Red, true)]
    [InlineData("sweep@05:00-07:00", "2026-11-26", AirAlertLevel.Red, true)]
    public void WorkIsDueInItsMonthsAndOnItsAlertDays(string text, string date, AirAlertLevel? alert, bool due)
    {
        Assert.True(RoadWork.TryParse(text, out var work));
        Assert.Equal(due, work.DueOn(DateOnly.ParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), alert));
    }
}
