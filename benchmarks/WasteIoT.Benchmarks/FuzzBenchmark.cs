using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using WasteIoT.Cloud.Gateways;
using WasteIoT.Cloud.Ingest;
using WasteIoT.Cloud.Store;
using WasteIoT.Contracts.Serialization;
using WasteIoT.Firmware.Core.Protocol;
using WasteIoT.Testing;

namespace WasteIoT.Benchmarks;

/// <summary>
/// The long fuzzing run: seeded hostile payloads through every reader in turn — the gateway's decoder, the cloud's
/// batch judge (with the payload forwarded as the gateway forwards it, raw), and the firmware's reader. Prints the
/// outcomes and the rate; any exception that escapes is counted and fails the run.
/// </summary>
internal static class FuzzBenchmark
{
    private static readonly (string Topic, string Json)[] Templates =
    [
        ("wiot/v1/dev/bin-0001/up/fill", """{"kind":"fill","schema":1,"device":"bin-0001","boot":7,"seq":42,"ts":"2026-11-27T06:15:00Z","fillingLevel":0.72,"distanceMm":310,"temperature":12.5,"status":"ok","echo":"ok","battery":3.61}"""),
        ("wiot/v1/dev/bin-0001/up/pos", """{"kind":"pos","schema":1,"device":"bin-0001","boot":12,"seq":5001,"ts":"2026-11-27T07:30:01Z","lat":31.2304,"lon":121.4737,"speed":23.5,"heading":87,"hdop":0.9,"sats":14,"fix":1}"""),
        ("wiot/v1/dev/bin-0001/up/badge", """{"kind":"badge","schema":1,"device":"bin-0001","boot":3,"seq":880,"ts":"2026-11-27T08:10:00Z","badge":"04A20001","action":"checkOut","dwellS":620}"""),
        ("wiot/v1/dev/bin-0001/up/hb", """{"kind":"hb","schema":1,"device":"bin-0001","boot":7,"seq":44,"ts":"2026-11-27T07:00:00Z","uptimeS":86400,"battery":3.6,"rssi":-97,"fw":"1.0.0","buffered":3,"dropped":0}"""),
    ];

    public static int Run(int inputs, TextWriter output)
    {
        var now = new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);
        var directory = Path.Combine(Path.GetTempPath(), "wiot-fuzz-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        using var database = new SqliteCloudDatabase(Path.Combine(directory, "cloud.db"));
        var registry = new GatewayRegistry(database, new FakeTimeProvider(now));
        registry.Provision("gw-fuzz", ["bin-0001"]);
        var judge = new BatchProcessor(registry, new FakeTimeProvider(now));
        var firmware = new MessageCodec();
        var mutator = new PayloadMutator(seed: 20261129);
        long gatewayAccepted = 0, cloudAccepted = 0, firmwareAccepted = 0, escaped = 0, disagreements = 0;
        var reasons = new Dictionary<string, long>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < inputs; i++)
        {
            var (topic, json) = Templates[i % Templates.Length];
            var payload = mutator.Mutate(json);
            try
            {
                var decoded = WireCodec.DecodeDevicePublish(topic, payload, now);
                if (decoded.IsValid)
                {
                    gatewayAccepted++;

                    // Forwarded as the gateway forwards it: the device's bytes, raw, inside a batch.
                    var head = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $$"""{"kind":"batch","schema":1,"gateway":"gw-fuzz","batch":{{i}},"sent":"2026-11-27T08:00:00Z","records":[{"rx":"2026-11-27T08:00:00Z","msg":"""));
                    byte[] batch = [.. head, .. payload, .. "}]}"u8];
                    var (good, _, _, _, violation) = judge.Judge("gw-fuzz", batch);
                    cloudAccepted += good.Count;
                    disagreements += violation is not null || good.Count != 1 ? 1 : 0;
                }
                else
                {
                    reasons[decoded.Violation!.Reason] = reasons.GetValueOrDefault(decoded.Violation.Reason) + 1;
                }

                firmwareAccepted += firmware.TryDecode(payload, 0, payload.Length, out _, out _) ? 1 : 0;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                escaped++;
                if (escaped <= 5)
                {
                    output.WriteLine($"  escaped at input {i}: {ex.GetType().Name}: {ex.Message}");
                }
            }
        }

        clock.Stop();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fuzz: {inputs:N0} hostile payloads in {clock.Elapsed.TotalSeconds:0.0} s ({inputs / clock.Elapsed.TotalSeconds:N0}/s) through gateway decode, cloud batch judge and firmware reader"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  gateway accepted {gatewayAccepted:N0}; cloud accepted {cloudAccepted:N0} of them (disagreements {disagreements:N0}); firmware reader accepted {firmwareAccepted:N0}"));
        output.WriteLine("  refused by reason: " + string.Join(", ", reasons.OrderByDescending(r => r.Value).Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Key} {r.Value:N0}"))));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  exceptions escaped: {escaped:N0}"));
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }

        return escaped == 0 && disagreements == 0 ? 0 : 1;
    }
}
