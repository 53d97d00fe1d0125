using WasteIoT.Cloud.Checks.SealedTransport;
using WasteIoT.Cloud.Checks.Tonnage;

namespace WasteIoT.Cloud.Tests.Checks;

/// <summary>When a truck's fixes say it stood at a weighed station, and when they only say it passed.</summary>
public sealed class StationStopsTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 26, 12, 0, 0, TimeSpan.FromHours(8));
    private static readonly StationPlace[] Stations = [new("ts-01", 30.29, 120.17)];

    [Fact]
    public void StandingInTheYardIsAStopAndDrivingPastTheGateIsNot()
    {
        var yard = Fixes(Noon, 5 * 60, 30.29 + 0.0005).Concat(Fixes(Noon.AddHours(1), 60, 30.29)).ToList();

        var stop = Assert.Single(StationStops.Find("truck", yard, Stations, new TonnageRules()));
        Assert.Equal((Noon, Noon.AddMinutes(5)), (stop.From, stop.To));
    }

    [Fact]
    public void ADeadZoneInTheYardSplitsTheStopAndFarAwayIsNowhere()
    {
        var fixes = Fixes(Noon, 4 * 60, 30.29).Concat(Fixes(Noon.AddMinutes(10), 4 * 60, 30.29)).Concat(Fixes(Noon.AddHours(2), 600, 30.30)).ToList();

        Assert.Equal(2, StationStops.Find("truck", fixes, Stations, new TonnageRules()).Count);
    }

    private static IEnumerable<PositionFix> Fixes(DateTimeOffset from, int seconds, double lat) =>
        Enumerable.Range(0, (seconds / 10) + 1).Select(i => new PositionFix(from.AddSeconds(i * 10), lat, 120.17, 0));
}
