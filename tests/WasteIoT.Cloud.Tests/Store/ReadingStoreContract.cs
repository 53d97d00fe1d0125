using System.Globalization;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using WasteIoT.Cloud.Gateways;
using WasteIoT.Cloud.Store;

namespace WasteIoT.Cloud.Tests.Store;

/// <summary>What every cloud database must do; run once per database by the derived classes.</summary>
public abstract class ReadingStoreContract : IDisposable
{
    private static readonly DateTimeOffset Day = new(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);
    private readonly List<IDisposable> _owned = [];

    public void Dispose()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            owned.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task ResentReadingsAreStoredOnce()
    {
        var store = NewStore(out _);
        var batch = Enumerable.Range(1, 50).Select(i => Reading("bin-0001", 1, i, Day.AddMinutes(i))).ToList();

        var first = await store.IngestAsync(batch, [], CancellationToken.None);
        var again = await store.IngestAsync(batch, [], CancellationToken.None);

        Assert.Equal(new IngestOutcome(50, 0), first);
        Assert.Equal(new IngestOutcome(0, 50), again);
        Assert.Equal(50, await store.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task DuplicateInsideOneBatchCountsOnce()
    {
        var store = NewStore(out _);
        var reading = Reading("bin-0001", 1, 7, Day);

        var outcome = await store.IngestAsync([reading, reading, Reading("bin-0001", 2, 7, Day.AddSeconds(1))], [], CancellationToken.None);

        Assert.Equal(new IngestOutcome(2, 1), outcome);
    }

    [Fact]
    public async Task QuarantinedRecordsAreKeptBesideGoodOnes()
    {
        var store = NewStore(out _);
        var bad = new QuarantinedRecord("gw-1", 9, 1, "outOfRange", "fillingLevel 1.7 is out of range", "{\"kind\":\"fill\"}"u8.ToArray());

        await store.IngestAsync([Reading("bin-0001", 1, 1, Day)], [bad], CancellationToken.None);

        Assert.Equal(1, await store.CountAsync(CancellationToken.None));
        var kept = Assert.Single(await store.ReadQuarantineAsync(10, CancellationToken.None));
        Assert.Equal(bad with { Json = kept.Json }, kept);
        Assert.Equal(bad.Json, kept.Json);
    }

    [Fact]
    public async Task DeviceRangeReadsAcrossMonthsInTimeOrder()
    {
        var store = NewStore(out _);
        var late = new DateTimeOffset(2026, 11, 30, 23, 59, 0, TimeSpan.Zero);

        // Arrives out of order and spans a month boundary (two partitions on PostgreSQL).
        await store.IngestAsync([Reading("truck-07", 2, 1, late.AddMinutes(2)), Reading("truck-07", 1, 9, late), Reading("truck-08", 1, 1, late)], [], CancellationToken.None);
        await store.IngestAsync([Reading("truck-07", 1, 10, late.AddMinutes(1))], [], CancellationToken.None);

        var rows = await store.ReadDeviceAsync("truck-07", late, late.AddMinutes(3), CancellationToken.None);
        Assert.Equal([(1L, 9L), (1L, 10L), (2L, 1L)], rows.Select(r => (r.Boot, r.Seq)));
        Assert.Equal(late.AddMinutes(2), rows[2].Ts);
        Assert.Equal("{\"seq\":1}", Encoding.UTF8.GetString(rows[2].Json));
        Assert.Empty(await store.ReadDeviceAsync("truck-07", late.AddMinutes(3), late.AddMinutes(9), CancellationToken.None));
    }

    [Fact]
    public async Task ManyDevicesReadAtOnceGiveWhatEachReadAloneGives()
    {
        var store = NewStore(out _);
        var random = new Random(3);
        var devices = Enumerable.Range(0, 40).Select(i => $"bin-{i:0000}").ToList();

        // Same-time rows of two boots, rows on both sides of the window and a month boundary, devices with none inside.
        var rows = devices.Take(30).SelectMany(d => Enumerable.Range(1, random.Next(1, 30))
            .Select(seq => Reading(d, 1 + (seq % 2), seq, Day.AddDays(4).AddHours(random.Next(-30, 150)).AddMinutes(seq % 3)))).ToList();
        await store.IngestAsync(rows, [], CancellationToken.None);
        var (from, to) = (Day.AddDays(4).AddHours(24), Day.AddDays(4).AddHours(96));

        var asked = devices.Append("bin-nowhere").ToList();
        var together = await store.ReadDevicesAsync(asked, from, to, static (device, boot, seq, kind, ts, json) => (device, boot, seq, ts, kind, Encoding.UTF8.GetString(json)), CancellationToken.None);
        var before = await store.LastBeforeAsync(asked, from, CancellationToken.None);
        foreach (var device in asked)
        {
            var alone = await store.ReadDeviceAsync(device, from, to, CancellationToken.None);
            Assert.Equal(alone.Select(r => (r.Device, r.Boot, r.Seq, r.Ts, r.Kind, Encoding.UTF8.GetString(r.Json))), together.TryGetValue(device, out var read) ? read : []);
            var last = await store.LastBeforeAsync(device, from, CancellationToken.None);
            Assert.Equal(last?.Ts, before.TryGetValue(device, out var lastRead) ? lastRead.Ts : null);
            Assert.Equal(last?.Seq, lastRead?.Seq);
            Assert.Equal(last?.Boot, lastRead?.Boot);
        }

        Assert.Contains(together.Values, r => r.Count > 1);
        Assert.True(before.Count > 5);
        Assert.DoesNotContain("bin-nowhere", together.Keys);
    }

    [Fact]
    public async Task ConcurrentBatchesAllLand()
    {
        var store = NewStore(out _);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(g => Task.Run(() => store.IngestAsync(
            Enumerable.Range(1, 200).Select(i => Reading($"dev-{g}", 1, i, Day.AddSeconds(i))).ToList(), [], CancellationToken.None))));

        Assert.Equal(1600, await store.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ReopeningAppliesNoMigrationTwiceAndKeepsData()
    {
        var store = NewStore(out var database);
        await store.IngestAsync([Reading("bin-0001", 1, 1, Day)], [], CancellationToken.None);
        var reopened = Reopen(database);
        _owned.Add(reopened);

        using var connection = reopened.Open();
        Assert.Equal(1L, Convert.ToInt64(connection.Scalar("SELECT COUNT(*) FROM readings"), CultureInfo.InvariantCulture));
        Assert.Equal(Convert.ToInt64(connection.Scalar("SELECT COUNT(*) FROM schema_version"), CultureInfo.InvariantCulture), Convert.ToInt64(connection.Scalar("SELECT MAX(version) FROM schema_version"), CultureInfo.InvariantCulture));
    }

    [Fact]
    public void GatewayAssignedOnAnotherInstanceIsSeenWithinSeconds()
    {
        NewStore(out var database);
        var registry = new GatewayRegistry(database, new FakeTimeProvider(Day));
        var secret = registry.Provision("gw-truck-07", ["truck-07"]);
        var clock = new FakeTimeProvider(Day);
        var other = new GatewayRegistry(database, clock);

        Assert.True(other.Verify("gw-truck-07", secret));
        Assert.False(other.Verify("gw-truck-07", secret + "x"));
        Assert.True(other.IsAssigned("gw-truck-07", "truck-07"));
        Assert.False(other.IsAssigned("gw-truck-07", "truck-08"));
        registry.Provision("gw-truck-07", ["truck-08"]);
        clock.Advance(TimeSpan.FromSeconds(6));
        Assert.True(other.IsAssigned("gw-truck-07", "truck-08"));
    }

    protected abstract CloudDatabase CreateDatabase();

    protected abstract CloudDatabase Reopen(CloudDatabase database);

    protected abstract SqlReadingStore CreateStore(CloudDatabase database);

    private static StoredReading Reading(string device, long boot, long seq, DateTimeOffset ts) =>
        new(device, boot, seq, "fill", ts, ts.AddSeconds(1), "gw-1", Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{{\"seq\":{seq}}}")));

    private SqlReadingStore NewStore(out CloudDatabase database)
    {
        database = CreateDatabase();
        _owned.Add(database);
        var store = CreateStore(database);
        if (store is IDisposable disposable)
        {
            _owned.Add(disposable);
        }

        return store;
    }
}
