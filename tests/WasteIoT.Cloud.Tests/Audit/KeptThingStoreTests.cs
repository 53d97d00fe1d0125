using WasteIoT.Cloud.Audit;
using WasteIoT.Cloud.Store;

namespace WasteIoT.Cloud.Tests.Audit;

/// <summary>Two instances writing the same settled day's things at once (each computed it) must both succeed.</summary>
public sealed class KeptThingStoreTests
{
    [Fact]
    public async Task TwoInstancesWritingTheSameDayAtOnceNeitherDeadlocks()
    {
        using var database = new PostgresCloudDatabase(WasteIoT.Testing.PostgresCluster.Shared.CreateDatabase());
        var a = new KeptThingStore(database);
        var b = new KeptThingStore(database);
        var day = new DateOnly(2026, 11, 26);
        var things = Enumerable.Range(0, 400).Select(i => ($"bin b-{i:000}", 1L, (long)i, new byte[] { (byte)i })).ToList();

        for (var round = 0; round < 10; round++)
        {
            // Computed in different orders, as two instances' parallel audits finish their things.
            var reversed = Enumerable.Reverse(things).ToList();
            await Task.WhenAll(a.SaveAsync(day, things, CancellationToken.None), b.SaveAsync(day, reversed, CancellationToken.None));
        }

        var kept = await a.LoadAsync(day, CancellationToken.None);
        Assert.Equal(400, kept.Count);
        Assert.Equal([(byte)7], kept.Single(k => k.Thing == "bin b-007").Json);
    }
}
