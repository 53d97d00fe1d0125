using WasteIoT.Cloud.Audit;
using WasteIoT.Cloud.Checks.Tonnage;
using WasteIoT.Cloud.Store;

namespace WasteIoT.Cloud.Tests.Audit;

/// <summary>Two instances keeping the same closed day's collection ledger at once (each computed it) must both succeed.</summary>
public sealed class DaySummaryStoreTests
{
    [Fact]
    public async Task TwoInstancesKeepingTheSameDayAtOnceBothSucceed()
    {
        using var database = new PostgresCloudDatabase(WasteIoT.Testing.PostgresCluster.Shared.CreateDatabase());
        var a = new DaySummaryStore(database);
        var b = new DaySummaryStore(database);
        var day = new DateOnly(2026, 11, 26);
        var trucks = Enumerable.Range(0, 200).Select(i => new TruckTonnage($"T-{i:000}", "c-1", $"r-{i:000}", i / 10.0, 1, [], [])).ToList();

        for (var round = 0; round < 10; round++)
        {
            await Task.WhenAll(
                a.SaveAsync(day, new Dictionary<string, DaySummary>(), trucks, DateTimeOffset.UnixEpoch, CancellationToken.None),
                b.SaveAsync(day, new Dictionary<string, DaySummary>(), trucks, DateTimeOffset.UnixEpoch, CancellationToken.None));
        }

        var kept = await a.ReadCollectionAsync(day, day, CancellationToken.None);
        Assert.Equal(200, kept.Count);
        Assert.Equal(0.7, kept.Single(t => t.Truck == "T-007").DeliveredT);
    }
}
