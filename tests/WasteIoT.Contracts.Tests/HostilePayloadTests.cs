using System.Text;
using WasteIoT.Contracts;
using WasteIoT.Contracts.Serialization;
using WasteIoT.Contracts.Validation;
using WasteIoT.Testing;

namespace WasteIoT.Contracts.Tests;

/// <summary>
/// The fast slice of the fuzzing: seeded hostile payloads through the decoder every hop uses. Nothing may escape as an
/// exception; every refusal carries a documented reason. (The long run is <c>WasteIoT.Benchmarks fuzz</c>.)
/// </summary>
public sealed class HostilePayloadTests
{
    internal static readonly (string Topic, string Json)[] Valid =
    [
        ("wiot/v1/dev/bin-0001/up/fill", """{"kind":"fill","schema":1,"device":"bin-0001","boot":7,"seq":42,"ts":"2026-11-27T06:15:00Z","fillingLevel":0.72,"distanceMm":310,"temperature":12.5,"status":"ok","echo":"ok","battery":3.61}"""),
        ("wiot/v1/dev/truck-07/up/pos", """{"kind":"pos","schema":1,"device":"truck-07","boot":12,"seq":5001,"ts":"2026-11-27T07:30:01Z","lat":31.2304,"lon":121.4737,"speed":23.5,"heading":87,"hdop":0.9,"sats":14,"fix":1}"""),
        ("wiot/v1/dev/truck-07/up/scan", """{"kind":"scan","schema":1,"device":"truck-07","boot":12,"seq":5002,"ts":"2026-11-27T07:30:05Z","tag":"E28011606000000100000001","rssi":-52,"lat":31.2304,"lon":121.4737}"""),
        ("wiot/v1/dev/site-t01/up/badge", """{"kind":"badge","schema":1,"device":"site-t01","boot":3,"seq":880,"ts":"2026-11-27T08:10:00Z","badge":"04A20001","action":"checkOut","dwellS":620}"""),
        ("wiot/v1/dev/bin-0001/up/hb", """{"kind":"hb","schema":1,"device":"bin-0001","boot":7,"seq":44,"ts":"2026-11-27T07:00:00Z","uptimeS":86400,"battery":3.6,"rssi":-97,"fw":"1.0.0","buffered":3,"dropped":0}"""),
    ];

    private static readonly DateTimeOffset Now = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void SeededHostilePayloadsAreRefusedWithAReasonAndNeverThrow()
    {
        var mutator = new PayloadMutator(seed: 20261129);
        var reasons = new Dictionary<string, int>(StringComparer.Ordinal);
        var accepted = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var (topic, json) = Valid[i % Valid.Length];
            var payload = mutator.Mutate(json);
            var result = WireCodec.DecodeDevicePublish(topic, payload, Now);
            if (result.IsValid)
            {
                accepted++;
                Assert.Equal(topic.Split('/')[^1], result.Value.Kind);
                continue;
            }

            Assert.Contains(result.Violation!.Reason, ViolationReason.All);
            reasons[result.Violation.Reason] = reasons.GetValueOrDefault(result.Violation.Reason) + 1;
        }

        // The mutations reach deep: most are malformed, many trip a field rule, some stay valid (an ignored unknown field).
        Assert.True(reasons.GetValueOrDefault(ViolationReason.MalformedJson) > 5_000, string.Join(", ", reasons));
        Assert.True(reasons.Count >= 4, string.Join(", ", reasons));
        Assert.InRange(accepted, 100, 10_000);
    }

    [Theory]
    [InlineData("\"kind\":\"\\ud800\"")]
    [InlineData("\"device\":\"\\udfff\"")]
    [InlineData("\"status\":\"\\ud83d\"")]
    [InlineData("\"ts\":\"\\ud800\"")]
    public void EscapedLoneSurrogateInAReadFieldIsMalformed(string field)
    {
        var name = field[..field.IndexOf(':', StringComparison.Ordinal)];
        var json = System.Text.RegularExpressions.Regex.Replace(Valid[0].Json, name + "\\:(\"[^\"]*\"|[^,}]*)", field);

        var result = WireCodec.DecodeDevicePublish(Valid[0].Topic, Encoding.UTF8.GetBytes(json), Now);

        Assert.False(result.IsValid);
        Assert.Equal(ViolationReason.MalformedJson, result.Violation!.Reason);
    }

    [Fact]
    public void RandomBatchesAreRefusedAndNeverThrow()
    {
        var mutator = new PayloadMutator(seed: 7);
        for (var i = 0; i < 2_000; i++)
        {
            var batch = $$"""{"kind":"batch","schema":1,"gateway":"gw-1","batch":{{i}},"sent":"2026-11-27T08:00:00Z","records":[{"rx":"2026-11-27T08:00:00Z","msg":{{Valid[i % Valid.Length].Json}}}]}""";
            var result = WireCodec.Decode(mutator.Mutate(batch), ContractJsonContext.Default.UplinkBatch, WireLimits.MaxBatchBytes);
            Assert.True(result.IsValid || ViolationReason.All.Contains(result.Violation!.Reason));
        }
    }
}
