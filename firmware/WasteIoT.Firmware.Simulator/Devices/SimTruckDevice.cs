using WasteIoT.Firmware.Core.Nodes;
using WasteIoT.Firmware.Core.Storage;
using WasteIoT.Firmware.Simulator.Fleet;
using WasteIoT.Firmware.Simulator.World;

namespace WasteIoT.Firmware.Simulator.Devices;

/// <summary>A truck node riding a simulated truck.</summary>
internal sealed class SimTruckDevice : SimDevice
{
    private readonly SimGnssReceiver _gnss;
    private readonly SimTagReader _reader = new();
    private readonly Action<string> _binEmptied;
    private readonly string? _equipment;
    private TruckNode? _node;
    private long _nextFixAt;

    public SimTruckDevice(TruckDefinition definition, SimulationTime time, BrokerEndpoint broker, IEnumerable<FaultDefinition> faults, Random random, Action<string> binEmptied)
        : base(definition.Device, definition.Password ?? broker.DefaultPassword, time, broker, faults, random, LogLayout.TruckNode(), 8)
    {
        Model = new TruckModel(definition, time, faults);
        _gnss = new SimGnssReceiver(random);
        _binEmptied = binEmptied;
        _equipment = definition.Equipment;
    }

    public TruckModel Model { get; }

    public SimIndicator Indicator { get; } = new();

    public override void Start() => Boot(wokeFromDeepSleep: false);

    protected override void OnBoot(NodeContext context)
    {
        _node = new TruckNode(context, new TruckNodeHardware
        {
            Gnss = _gnss,
            TagReader = _reader,
            Cover = new SimSwitch(() => Model.CoverOpen),
            Indicator = Indicator,
            Equipment = _equipment is null ? null : [new EquipmentInput(_equipment, new SimSwitch(() => Model.EquipmentRunning))],
        });
    }

    protected override bool Unpowered() =>
        base.Unpowered() || (Fault(FaultTypes.PowerOff) is { AfterStop: > 0 } off && Model.StopsDone >= off.AfterStop);

    protected override void OnStepUnpowered(long stepMs)
    {
        Model.Update(Time, stepMs);
        if (Model.BinEmptied is { } bin)
        {
            _binEmptied(bin);
        }
    }

    protected override void OnStep(long stepMs)
    {
        Model.Update(Time, stepMs);
        if (Model.TagRead is { } tag)
        {
            _reader.Present(tag);
        }

        if (Model.BinEmptied is { } bin)
        {
            _binEmptied(bin);
        }

        if (Time.NowMs >= _nextFixAt)
        {
            _nextFixAt = Time.NowMs - (Time.NowMs % 1000) + 1000;
            _gnss.Emit(Time.Now, Model.Lat, Model.Lon, Model.SpeedKmh, Model.Heading);
        }

        _node!.Tick();
    }
}
