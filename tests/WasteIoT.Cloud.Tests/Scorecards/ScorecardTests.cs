using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Time.Testing;
using WasteIoT.Cloud.Audit;
using WasteIoT.Cloud.Cases;
using WasteIoT.Cloud.Scorecards;
using WasteIoT.Cloud.Store;
using WasteIoT.Cloud.Tests.Audit;

namespace WasteIoT.Cloud.Tests.Scorecards;

/// <summary>The monthly scorecard from the kept summaries of closed days and the month's cases.</summary>
public sealed class ScorecardTests
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task StreetsAndMuckTrucksAddUpPerContractor(string database)
    {
        // The road day (c-green: rd-02's 400 m swept as planned, rd-01's 600 m short) and the muck day (c-haul) together.
        await using var cloud = await HandBuiltCounty.StartAsync(database, HandBuiltCounty.Both, RoadDaysTests.SweepAndSprinkleDay(), MuckDaysTests.BreachDay());

        var card = (await cloud.Client.GetFromJsonAsync<Scorecard>("/api/scorecard/2026-11"))!;
        var green = card.Contractors.Single(c => c.Contractor == "c-green");
        Assert.Equal(0.4, green.SweepRate!.Value, 3);
        Assert.Equal((0.4, 0.6, 2), (Math.Round(green.SweptKm, 1), Math.Round(green.SweepShortKm, 1), green.RoadWorkShort));
        Assert.Equal((0, 0), (green.MuckViolations, green.SuspectedDumping));
        var haul = card.Contractors.Single(c => c.Contractor == "c-haul");
        Assert.Equal((4, 1), (haul.MuckViolations, haul.SuspectedDumping));
        Assert.Null(haul.SweepRate);
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task ClosedDaysAreKeptAndAddUpPerContractor(string database)
    {
        // 10:00 local on the 27th: the filer computes the 26th, 25th and 24th (closed) and keeps their summaries.
        await using var cloud = await RunningCloud.StartOnAsync(database, new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero)));
        await CountyAuditTests.SeedRegistryAsync(cloud.Client);
        await SmallCountyDay.StoreAsync(cloud.Service<IReadingStore>());
        await cloud.Service<CaseFiler>().ScanAsync(fresh: true, CancellationToken.None);

        var card = await cloud.Client.GetFromJsonAsync<Scorecard>("/api/scorecard/2026-11");

        Assert.Equal(3, card!.DaysKept);
        var green = card.Contractors.Single(c => c.Contractor == "c-green");

        // The route is daily: 3 households a day for 3 days. On the 26th 1 was served and 2 proven missed; on the 24th
        // and 25th the truck's node was not yet in service, so those 6 are unverified and left out of the rate. The
        // toilet fell short only on the 26th (4 cleanings): its node came into service at 23:00 on the 25th.
        Assert.Equal((3, 9, 1, 2, 6), (green.Days, green.HouseholdsScheduled, green.HouseholdsServed, green.HouseholdsMissed, green.HouseholdsUnverified));
        Assert.Equal((1, 1, 1, 2, 4, 2), (green.OpenCoverViolations, green.ToiletDaysUnderRequired, green.ToiletDaysVerified, green.ToiletDaysUnverified, green.OdourExceedances, green.OdourEpisodes));
        Assert.Equal(1.0 / 3, green.Coverage, 6);
        Assert.Equal(0, green.CleaningRate);
        Assert.Equal(7, green.Cases.Filed);
        var blue = card.Contractors.Single(c => c.Contractor == "c-blue");
        Assert.Equal((3, 0, 1.0), (blue.Days, blue.HouseholdsScheduled, blue.Coverage));

        var export = await cloud.Client.GetAsync(new Uri("/api/exports/scorecard/2026-11.csv", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Contains("c-green,3,9,1,2,6,0.333,1,", await export.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
