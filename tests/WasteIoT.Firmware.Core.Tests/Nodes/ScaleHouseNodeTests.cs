using System.Text;
using WasteIoT.Contracts.Serialization;
using WasteIoT.Firmware.Core.Hardware;
using WasteIoT.Firmware.Core.Nodes;
using WasteIoT.Firmware.Core.Tests.Fakes;
using WasteIoT.Firmware.Core.Weighbridge;
using ContractWeighing = WasteIoT.Contracts.Messages.Weighing;

namespace WasteIoT.Firmware.Core.Tests.Nodes;

/// <summary>A site node in a scale house: the indicator's recorded output on its UART, drivers' cards on its reader, weighings on the wire.</summary>
public sealed class ScaleHouseNodeTests
{
    [Fact]
    public void ATrucksTwoPassesArePublishedAsAVisitAndItsCardIsNoCleanersBadge()
    {
        var rig = new DeviceRig("scale-ts01");
        var scale = new FakeStream();
        var cards = new FakeTags();
        var indicator = new FakeIndicator();
        var node = new SiteNode(rig.Boot(), new SiteNodeHardware
        {
            BadgeReader = cards,
            Indicator = indicator,
            Scale = scale,
            ScaleFrames = new Xk3190A9Parser(kgPerUnit: 1),
            ScaleCapture = new WeighingCapture(minLoadKg: 500, divisionKg: 20, holdMs: 2_000, visitMs: 4 * 3_600_000L),
        });

        // In loaded: the card, then the recorded drive-on at the indicator's 10 frames a second.
        cards.Pending.Enqueue("04A1B2C3");
        var recorded = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "weighbridge", "xk3190-a9-truck-kg.bin"));
        for (var offset = 0; offset < recorded.Length; offset += 12)
        {
            scale.Push(recorded[offset..Math.Min(recorded.Length, offset + 12)]);
            Tick(rig, node);
        }

        // Out empty half an hour later.
        for (var i = 0; i < 18_000; i++)
        {
            Tick(rig, node);
        }

        cards.Pending.Enqueue("04A1B2C3");
        for (var i = 0; i < 40; i++)
        {
            scale.Push(Frame(i < 35 ? 9_860 : 0));
            Tick(rig, node);
        }

        var now = DateTimeOffset.FromUnixTimeMilliseconds(rig.Clock.UtcNowMs).AddMinutes(1);
        var weighings = rig.Mqtt.Payloads("weigh").Select(p => Assert.IsType<ContractWeighing>(WireCodec.DecodeDeviceMessage(Encoding.UTF8.GetBytes(p), now).Value)).ToList();
        Assert.Equal(
            [(WasteIoT.Contracts.Messages.WeighDirection.In, 15_240, (int?)null), (WasteIoT.Contracts.Messages.WeighDirection.Out, 9_860, 5_380)],
            weighings.Select(w => (w.Direction, w.WeightKg, w.NetKg)));
        Assert.All(weighings, w => Assert.Equal("04A1B2C3", w.Tag));
        Assert.Empty(rig.Mqtt.Payloads("badge"));
        Assert.Equal([FeedbackPattern.Accepted, FeedbackPattern.Accepted], indicator.Shown);
    }

    [Fact]
    public void EachPrintedTicketIsACompletedVisitWithItsNumberPlateAndCard()
    {
        var rig = new DeviceRig("scale-ts01");
        var scale = new FakeStream();
        var cards = new FakeTags();
        var node = new SiteNode(rig.Boot(), new SiteNodeHardware
        {
            BadgeReader = cards,
            Scale = scale,
            ScaleTickets = new TicketParser(),
            ScaleCapture = new WeighingCapture(minLoadKg: 500, divisionKg: 20, holdMs: 2_000, visitMs: 4 * 3_600_000L),
        });

        // The card at the second pass, then the printer port's bytes a line at a time: a torn ticket, two good, one that does not add up.
        cards.Pending.Enqueue("04A1B2C3");
        Tick(rig, node);
        var recorded = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "weighbridge", "tickets-en.bin"));
        for (var offset = 0; offset < recorded.Length; offset += 16)
        {
            scale.Push(recorded[offset..Math.Min(recorded.Length, offset + 16)]);
            Tick(rig, node);
        }

        var now = DateTimeOffset.FromUnixTimeMilliseconds(rig.Clock.UtcNowMs).AddMinutes(1);
        var weighings = rig.Mqtt.Payloads("weigh").Select(p => Assert.IsType<ContractWeighing>(WireCodec.DecodeDeviceMessage(Encoding.UTF8.GetBytes(p), now).Value)).ToList();
        Assert.Equal(
            [("T20261127-0042", "ZJA-D1234", "04A1B2C3", 15_240, 9_860, 5_380), ("T20261127-0043", null, null, 32_180, 12_020, 20_160)],
            weighings.Select(w => (w.Ticket, w.Vehicle, w.Tag, w.GrossKg, w.TareKg, w.NetKg)));
        Assert.All(weighings, w => Assert.Equal((WasteIoT.Contracts.Messages.WeighDirection.Out, true), (w.Direction, w.Stable)));
        Assert.Empty(rig.Mqtt.Payloads("badge"));
    }

    private static void Tick(DeviceRig rig, SiteNode node)
    {
        rig.Clock.Advance(100);
        node.Tick();
    }

    private static byte[] Frame(int kg) => Xk3190A9Frame.Encode(kg, 0);
}
