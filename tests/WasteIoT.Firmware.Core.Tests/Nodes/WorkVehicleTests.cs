using System.Text;
using WasteIoT.Contracts.Messages;
using WasteIoT.Contracts.Serialization;
using WasteIoT.Firmware.Core.Nodes;
using WasteIoT.Firmware.Core.Tests.Fakes;

namespace WasteIoT.Firmware.Core.Tests.Nodes;

/// <summary>A sweeper carries the truck node with its brushes and its spray pump on debounced inputs.</summary>
[Collection(SerialCollection.Name)]
public sealed class WorkVehicleTests
{
    private readonly DeviceRig _rig = new("truck-21");
    private readonly FakeInput _brush = new();
    private readonly FakeInput _pump = new();
    private readonly TruckNode _node;

    public WorkVehicleTests()
    {
        _node = new TruckNode(_rig.Boot(), new TruckNodeHardware
        {
            Gnss = new FakeStream(),
            Equipment = [new EquipmentInput(WasteIoT.Firmware.Core.Protocol.WorkEquipment.Brush, _brush), new EquipmentInput(WasteIoT.Firmware.Core.Protocol.WorkEquipment.Pump, _pump)],
        });
    }

    [Fact]
    public void EquipmentIsReportedAtBootAndOnceEachStableChange()
    {
        Run(1_500);

        // The brushes bounce on a kerb for a second (each flap shorter than the 1 s debounce), then run; later stop.
        for (var i = 0; i < 10; i++)
        {
            _brush.IsHigh = !_brush.IsHigh;
            Run(100);
        }

        _brush.IsHigh = true;
        Run(1_500);
        _brush.IsHigh = false;
        Run(1_500);

        var events = _rig.Mqtt.Payloads("work").Select(Decode).ToList();
        Assert.Equal(
            [(WorkEquipment.Brush, false), (WorkEquipment.Pump, false), (WorkEquipment.Brush, true), (WorkEquipment.Brush, false)],
            events.Select(e => (e.Equipment, e.On)));
        Assert.All(events, e => Assert.Equal("truck-21", e.Device));
        Assert.Equal(events.Select(e => e.Seq).Order(), events.Select(e => e.Seq));
    }

    [Fact]
    public void ACollectionTruckWithoutEquipmentSendsNone()
    {
        var rig = new DeviceRig("truck-07");
        var node = new TruckNode(rig.Boot(), new TruckNodeHardware { Gnss = new FakeStream(), Cover = new FakeInput() });
        for (var t = 0; t < 3_000; t += 100)
        {
            rig.Clock.Advance(100);
            node.Tick();
        }

        Assert.Empty(rig.Mqtt.Payloads("work"));
        Assert.Single(rig.Mqtt.Payloads("cover"));
    }

    // Each one as the gateway would read it: through the contract's decoder, every rule applied.
    private EquipmentEvent Decode(string payload)
    {
        var decoded = WireCodec.DecodeDeviceMessage(Encoding.UTF8.GetBytes(payload), DateTimeOffset.FromUnixTimeMilliseconds(_rig.Clock.UtcNowMs).AddMinutes(1));
        Assert.True(decoded.IsValid, $"{payload}: {decoded.Violation}");
        return Assert.IsType<EquipmentEvent>(decoded.Value);
    }

    private void Run(int milliseconds)
    {
        for (var t = 0; t < milliseconds; t += 100)
        {
            _rig.Clock.Advance(100);
            _node.Tick();
        }
    }
}
