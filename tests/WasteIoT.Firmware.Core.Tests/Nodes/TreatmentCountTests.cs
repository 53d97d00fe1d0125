using System.Text;
using WasteIoT.Contracts.Serialization;
using WasteIoT.Firmware.Core.Nodes;
using WasteIoT.Firmware.Core.Sensing;
using WasteIoT.Firmware.Core.Tests.Fakes;
using ContractTreatment = WasteIoT.Contracts.Messages.LeachateTreatment;

namespace WasteIoT.Firmware.Core.Tests.Nodes;

/// <summary>A site node counting a DTRO flow meter's pulses: every pulse once, the total and flow sent with the air readings.</summary>
public sealed class TreatmentCountTests
{
    [Fact]
    public void APulseIsCountedOnceAndAGlitchNotAtAll()
    {
        var totaliser = new PulseTotaliser(litresPerPulse: 10);
        var ms = 0L;
        foreach (var high in new[] { false, true, true, true, false, true, false, false, true, true, true })
        {
            // 10 ms samples: the lone high sample (10 ms) is a glitch, not a pulse.
            totaliser.Sample(high, ms += 10);
        }

        Assert.Equal(2, totaliser.Pulses);
        Assert.Equal(0.02, totaliser.TotalM3, 6);
    }

    [Fact]
    public void TheNodeSendsTheCountedVolumeAndFlowAtItsInterval()
    {
        var rig = new DeviceRig("site-s01");
        var meter = new FakeInput();
        var context = rig.Boot();
        context.State.Config.PublishIntervalS = 300;
        var node = new SiteNode(context, new SiteNodeHardware { FlowMeter = meter, Treated = new PulseTotaliser(litresPerPulse: 10) });

        // 12.5 m³/h for 10 minutes: a 250 ms pulse every 2.88 s, the node ticking every 100 ms.
        var next = 0L;
        for (var t = 0L; t < 600_000; t += 100)
        {
            meter.IsHigh = t >= next && t < next + 250;
            if (t >= next + 250)
            {
                next += 2_880;
            }

            rig.Clock.Advance(100);
            node.Tick();
        }

        var now = DateTimeOffset.FromUnixTimeMilliseconds(rig.Clock.UtcNowMs).AddMinutes(1);
        var sent = rig.Mqtt.Payloads("treat").Select(p => Assert.IsType<ContractTreatment>(WireCodec.DecodeDeviceMessage(Encoding.UTF8.GetBytes(p), now).Value)).ToList();
        Assert.Equal(2, sent.Count);
        Assert.InRange(sent[^1].TotalM3, 2.05, 2.10);
        Assert.InRange(sent[^1].FlowM3h!.Value, 12.2, 12.8);
    }
}
