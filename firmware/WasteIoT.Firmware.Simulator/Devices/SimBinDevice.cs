using WasteIoT.Firmware.Core.Nodes;
using WasteIoT.Firmware.Core.Sensing;
using WasteIoT.Firmware.Core.Storage;
using WasteIoT.Firmware.Simulator.Fleet;
using WasteIoT.Firmware.Simulator.World;

namespace WasteIoT.Firmware.Simulator.Devices;

/// <summary>A battery bin node: each wake is a fresh start of the firmware from flash, like ESP32 deep sleep.</summary>
internal sealed class SimBinDevice : SimDevice
{
    private readonly FillLevelCalibration _calibration;
    private readonly SimRangeSensor _range;
    private BinNode? _node;
    private long _nextWakeAt;

    public SimBinDevice(BinDefinition definition, SimulationTime time, BrokerEndpoint broker, IEnumerable<FaultDefinition> faults, Random random)
        : base(definition.Device, definition.Password ?? broker.DefaultPassword, time, broker, faults, random, LogLayout.BinNode(), 4)
    {
        Model = new BinModel(definition, random);
        _calibration = new FillLevelCalibration { BinDepthMm = definition.DepthMm, DeadZoneMm = 200 };
        _range = new SimRangeSensor(() => Model.SurfaceDistanceMm(_calibration.DeadZoneMm), random);
    }

    public BinModel Model { get; }

    public override void Start()
    {
        Boot(wokeFromDeepSleep: false);
        _nextWakeAt = Time.NowMs + Random.Next(0, 60_000);
    }

    protected override void OnBoot(NodeContext context)
    {
        _node = new BinNode(context, new BinNodeHardware { Range = _range, Climate = new SimClimate(Time) }, _calibration);
    }

    protected override void OnStep(long stepMs)
    {
        Model.Update(Time);
        if (Time.NowMs < _nextWakeAt)
        {
            return;
        }

        _range.DroppedOut = InFault(FaultTypes.SensorDropout);
        var sleepMs = _node!.RunWake();
        _nextWakeAt = Time.NowMs + sleepMs;
        Boot(wokeFromDeepSleep: true);
    }
}
