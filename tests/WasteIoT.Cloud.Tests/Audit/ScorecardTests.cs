using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Time.Testing;
using WasteIoT.Cloud.Audit;
using WasteIoT.Cloud.Cases;
using WasteIoT.Cloud.Storage;

namespace WasteIoT.Cloud.Tests.Audit;

/// <summary>The monthly scorecard from the kept summaries of closed days and the month's cases.</summary>
public sealed class ScorecardTests
{
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

        // The route is daily: 3 households a day for 3 days, 1 served (on the 26th). The toilet never reached 6
        // cleanings (4 on the 26th, none on the other days); the cover violation and the two odour readings are the 26th's.
        Assert.Equal((3, 9, 1, 1, 3, 2), (green.Days, green.HouseholdsScheduled, green.HouseholdsServed, green.OpenCoverViolations, green.ToiletDaysUnderRequired, green.OdourExceedances));
        Assert.Equal(1.0 / 9, green.Coverage, 6);
        Assert.Equal(8, green.Cases.Filed);
        var blue = card.Contractors.Single(c => c.Contractor == "c-blue");
        Assert.Equal((3, 0, 1.0), (blue.Days, blue.HouseholdsScheduled, blue.Coverage));

        var export = await cloud.Client.GetAsync(new Uri("/api/exports/scorecard/2026-11.csv", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Contains("c-green,3,9,1,0.111,1,", await export.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
