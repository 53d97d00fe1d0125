using System.Diagnostics;
using System.Globalization;
using System.Text;
using WasteIoT.Cloud.Store;

namespace WasteIoT.Benchmarks;

/// <summary>
/// Cloud ingest in gateway-sized batches into SQLite and into PostgreSQL (a throwaway cluster, as the tests use),
/// from several gateways at once as the MQTT endpoint does (issue target: ≥ 50,000 readings/s each).
/// Two traffic shapes: as in the field (1,000 devices behind 100 gateways, 10 each; a batch holds one gateway's
/// devices in time order) and a worst case (every batch spread over all 1,000 devices), which touches a different
/// B-tree page per row and shows what the device-ordered key costs.
/// </summary>
internal static class IngestBenchmark
{
    public static async Task<int> RunAsync(int readings, int batchSize, int gateways, TextWriter output)
    {
        var data = Directory.CreateTempSubdirectory("wiot-ingest-").FullName;
        try
        {
            using (var sqlite = new SqliteCloudDatabase(Path.Combine(data, "cloud.db")))
            using (var store = new SqliteReadingStore(sqlite))
            {
                await MeasureAsync("SQLite (WAL, synchronous=FULL)", store, readings, batchSize, gateways, spread: false, output);
            }

            using (var sqlite = new SqliteCloudDatabase(Path.Combine(data, "worst.db")))
            using (var store = new SqliteReadingStore(sqlite))
            {
                await MeasureAsync("SQLite (WAL, synchronous=FULL)", store, readings / 4, batchSize, gateways, spread: true, output);
            }

            using (var postgres = new PostgresCloudDatabase(WasteIoT.Testing.PostgresCluster.Shared.CreateDatabase()))
            {
                await MeasureAsync("PostgreSQL (COPY, monthly partitions, fsync on)", new PostgresReadingStore(postgres), readings, batchSize, gateways, spread: false, output);
            }

            using (var postgres = new PostgresCloudDatabase(WasteIoT.Testing.PostgresCluster.Shared.CreateDatabase()))
            {
                await MeasureAsync("PostgreSQL (COPY, monthly partitions, fsync on)", new PostgresReadingStore(postgres), readings / 4, batchSize, gateways, spread: true, output);
            }

            return 0;
        }
        finally
        {
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static async Task MeasureAsync(string name, SqlReadingStore store, int readings, int batchSize, int gateways, bool spread, TextWriter output)
    {
        var start = DateTimeOffset.UtcNow.AddDays(-1);
        var batches = new List<List<StoredReading>>();
        for (var i = 0; i < readings; i += batchSize)
        {
            var batch = new List<StoredReading>(batchSize);
            for (var j = i; j < Math.Min(readings, i + batchSize); j++)
            {
                var number = spread ? j % 1000 : ((i / batchSize) % 100 * 10) + (j % 10);
                var device = string.Create(CultureInfo.InvariantCulture, $"dev-{number:0000}");
                var seq = j + 1L;
                var ts = start.AddMilliseconds(j * 50L);
                var json = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $$"""{"kind":"fill","schema":1,"device":"{{device}}","boot":1,"seq":{{seq}},"ts":"{{ts:yyyy-MM-ddTHH:mm:ss.fff}}Z","fillingLevel":0.42,"status":"ok","echo":"ok"}"""));
                batch.Add(new StoredReading(device, 1, seq, "fill", ts, ts, "gw-bench", json));
            }

            batches.Add(batch);
        }

        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, gateways).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < batches.Count; i = Interlocked.Increment(ref next))
            {
                await store.IngestAsync(batches[i], [], CancellationToken.None);
            }
        })));

        var rate = readings / clock.Elapsed.TotalSeconds;
        var stored = await store.CountAsync(CancellationToken.None);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cloud ingest, {name}, {(spread ? "worst case: each batch spread over 1,000 devices" : "field shape: each batch from one gateway's 10 devices")}, {batchSize}-record batches, {gateways} at once: {readings:N0} readings in {clock.Elapsed.TotalSeconds:N2} s = {rate:N0} readings/s; {stored:N0} rows stored"));
    }
}
