using WasteIoT.Firmware.Core.Protocol;
using WasteIoT.Testing;

namespace WasteIoT.Firmware.Core.Tests.Protocol;

/// <summary>
/// The firmware's own reader meets the same seeded hostile payloads as the gateway: what comes down (a config) or is
/// read back from flash must be refused with an error, never throw — a throw on the device would be a reboot loop.
/// </summary>
public sealed class HostilePayloadTests
{
    private const string Config = """{"kind":"config","schema":1,"device":"bin-0001","revision":3,"measureIntervalS":900,"publishIntervalS":3600,"heartbeatIntervalS":21600,"fillChangeThreshold":0.1}""";
    private const string Fill = """{"kind":"fill","schema":1,"device":"bin-0001","boot":7,"seq":42,"ts":"2026-11-27T06:15:00Z","fillingLevel":0.72,"distanceMm":310,"temperature":12.5,"status":"ok","echo":"ok","battery":3.61}""";

    [Fact]
    public void SeededHostilePayloadsAreRefusedNeverThrown()
    {
        var mutator = new PayloadMutator(seed: 1129);
        var codec = new MessageCodec();
        var refused = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var payload = mutator.Mutate(i % 2 == 0 ? Config : Fill);
            if (i % 2 == 0)
            {
                var config = new DeviceConfig();
                if (!codec.TryParse(payload, 0, payload.Length, out var parseError) || !config.TryApply(codec.Fields, "bin-0001", out _))
                {
                    refused++;
                }
            }
            else if (!codec.TryDecode(payload, 0, payload.Length, out _, out var error))
            {
                Assert.False(string.IsNullOrEmpty(error));
                refused++;
            }
        }

        Assert.InRange(refused, 5_000, 19_990);
    }
}
