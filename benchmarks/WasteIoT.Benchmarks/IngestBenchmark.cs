using System.Diagnostics;
using System.Globalization;
using System.Text;
using WasteIoT.Cloud.Storage;

namespace WasteIoT.Benchmarks;

/// <summary>Cloud ingest into the embedded SQLite store in gateway-sized batches (issue target: ≥ 50,000 readings/s).</summary>
internal static class IngestBenchmark
{
    public static async Task<int> RunAsync(int readings, int batchSize, TextWriter output)
    {
        var data = Directory.CreateTempSubdirectory("wiot-ingest-").FullName;
        try
        {
            var store = new SqliteReadingStore(Path.Combine(data, "cloud.db"));
            var start = DateTimeOffset.UtcNow.AddDays(-1);
            var batches = new List<List<StoredReading>>();
            for (var i = 0; i < readings; i += batchSize)
            {
                var batch = new List<StoredReading>(batchSize);
                for (var j = i; j < Math.Min(readings, i + batchSize); j++)
                {
                    var device = string.Create(CultureInfo.InvariantCulture, $"dev-{j % 1000:0000}");
                    var seq = (j / 1000) + 1;
                    var ts = start.AddMilliseconds(j * 50L);
                    var json = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $$"""{"kind":"fill","schema":1,"device":"{{device}}","boot":1,"seq":{{seq}},"ts":"{{ts:yyyy-MM-ddTHH:mm:ss.fff}}Z","fillingLevel":0.42,"status":"ok","echo":"ok"}"""));
                    batch.Add(new StoredReading(device, 1, seq, "fill", ts, ts, "gw-bench", json));
                }

                batches.Add(batch);
            }

            var clock = Stopwatch.StartNew();
            foreach (var batch in batches)
            {
                await store.IngestAsync(batch, [], CancellationToken.None);
            }

            var rate = readings / clock.Elapsed.TotalSeconds;
            var stored = await store.CountAsync(CancellationToken.None);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cloud ingest, SQLite (WAL, synchronous=FULL), {batchSize}-record batches: {readings:N0} readings in {clock.Elapsed.TotalSeconds:N2} s = {rate:N0} readings/s; {stored:N0} rows stored"));
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
}
