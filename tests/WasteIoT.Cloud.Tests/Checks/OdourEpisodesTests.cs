using WasteIoT.Cloud.Checks.Toilets;

namespace WasteIoT.Cloud.Tests.Checks;

public sealed class OdourEpisodesTests
{
    private static readonly DateTimeOffset Day = new(2026, 11, 27, 0, 0, 0, TimeSpan.FromHours(8));
    private static readonly TimeSpan Min = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan Gap = TimeSpan.FromMinutes(15);

    [Fact]
    public void OneReadingOverIsNotAnEpisodeTwoInARowAre()
    {
        var air = Readings(8, 0.3, 1.2, 0.3, 0.3, 1.3, 1.6, 1.1, 0.4);

        var episode = Assert.Single(Find(air));

        Assert.Equal(("nh3", Day.AddHours(8).AddMinutes(15), Day.AddHours(8).AddMinutes(30)), (episode.Gas, episode.Start, episode.End));
        Assert.Equal(TimeSpan.FromMinutes(15), episode.Duration);
        Assert.Equal((1.6, Day.AddHours(8).AddMinutes(25), 3), (episode.Peak, episode.PeakAt, episode.Readings));
    }

    [Fact]
    public void SilenceLongerThanTheGapEndsAnEpisode()
    {
        var air = Readings(8, 1.2, 1.3).Concat(Readings(9, 1.4, 1.5)).ToList();

        var episodes = Find(air);

        Assert.Equal([Day.AddHours(8).AddMinutes(-5), Day.AddHours(9).AddMinutes(-5)], episodes.Select(e => e.Start));
    }

    [Fact]
    public void ReadingWithinOneResolutionStepOfTheLimitDoesNotStartOne()
    {
        var air = Enumerable.Range(0, 4).Select(i => new AirRecord(Day.AddHours(8).AddMinutes(5 * i), 0.2, 0.02, false) { H2sResolution = 0.014 }).ToList();
        Assert.Empty(Find(air));

        var strong = air.Select(a => a with { H2s = 0.05 }).ToList();
        var episode = Assert.Single(Find(strong));
        Assert.Equal("sh2", episode.Gas);
    }

    [Fact]
    public void ToiletDayJudgesOdourOnEpisodes()
    {
        var toilet = new ToiletDay("t-01", ToiletClass.II, Day.AddHours(6), Day.AddHours(22), new HashSet<string>());
        var air = Readings(9, 0.5, 1.1, 0.5, 0.5, 1.2, 1.4, 0.8);

        var result = ToiletAuditCheck.Evaluate(toilet, [], air, new ToiletRules());

        Assert.Equal(3, result.Exceedances.Count);
        var episode = Assert.Single(result.Episodes);
        Assert.Equal((Day.AddHours(9).AddMinutes(15), Day.AddHours(9).AddMinutes(25)), (episode.Start, episode.End));
    }

    private static IReadOnlyList<OdourEpisode> Find(IEnumerable<AirRecord> air) =>
        OdourEpisodes.Find(air, Day, Day.AddDays(1), nh3Limit: 1.0, h2sLimit: 0.01, Min, Gap);

    /// <summary>NH3 five-minute averages from the hour given, H2S well under its limit.</summary>
    private static List<AirRecord> Readings(int hour, params double[] nh3) =>
        [.. nh3.Select((v, i) => new AirRecord(Day.AddHours(hour).AddMinutes(5 * i), v, 0.001, false))];
}
