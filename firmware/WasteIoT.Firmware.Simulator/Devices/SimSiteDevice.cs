using WasteIoT.Firmware.Core.Hardware;
using WasteIoT.Firmware.Core.Nodes;
using WasteIoT.Firmware.Core.Sensing;
using WasteIoT.Firmware.Core.Storage;
using WasteIoT.Firmware.Core.Weighbridge;
using WasteIoT.Firmware.Simulator.Fleet;
using WasteIoT.Firmware.Simulator.World;

namespace WasteIoT.Firmware.Simulator.Devices;

/// <summary>A toilet or transfer-station node: the cleaner comes and goes, visitors raise the odour.</summary>
internal sealed class SimSiteDevice : SimDevice
{
    private static readonly long TickMs = 200;

    // The cells the site node's BOM names, calibrated as its device app calibrates them.
    private readonly GasCellCalibration _nh3 = GasCellCalibration.Ze03Nh3();
    private readonly GasCellCalibration _h2s = GasCellCalibration.Ze03H2s();
    private readonly SimTagReader _badges = new();
    private readonly List<(long CheckIn, long CheckOut, bool Disinfect)> _visits = [];
    private readonly List<(long At, string Card)> _cards;
    private SiteNode? _node;
    private long _nextTickAt;
    private bool _button;
    private long _buttonUntil;

    public SimSiteDevice(SiteDefinition definition, SimulationTime time, BrokerEndpoint broker, IEnumerable<FaultDefinition> faults, Random random)
        : base(definition.Device, definition.Password ?? broker.DefaultPassword, time, broker, faults, random, LogLayout.SiteNode(), 8)
    {
        var cleanings = Fault(FaultTypes.CleaningsOnly)?.Count ?? definition.CleaningsPerDay;
        Model = new ToiletModel(definition, time, random, cleanings);
        foreach (var start in Model.CleaningStarts)
        {
            var dwell = random.Next(8 * 60_000, 15 * 60_000);
            _visits.Add((start, start + dwell, definition.Kind != "toilet" || random.NextDouble() < 0.5));
        }

        _cards = [.. definition.Weighings.SelectMany(v => new[] { time.At(v.At) - 2_000, time.At(v.At) + (8 * 60_000) - 2_000 }.Select(at => (at, v.Card)))];
        if (definition.Kind == "scale")
        {
            // A scale house: the reader's cards are the vehicles'; no cleaner, no disinfection.
            _visits.Clear();
        }
        else if (definition.Kind != "toilet")
        {
            // A transfer station is disinfected once a day, at the end of the morning shift.
            _visits.Add((time.At(new TimeOnly(11, 30)), time.At(new TimeOnly(11, 40)), true));
        }

        _visits.Sort();
    }

    public ToiletModel Model { get; }

    public SimIndicator Indicator { get; } = new();

    public override void Start() => Boot(wokeFromDeepSleep: false);

    protected override void OnBoot(NodeContext context)
    {
        var hardware = new SiteNodeHardware
        {
            Nh3 = new SimGasInput(() => Model.Nh3, _nh3, Random),
            Nh3Calibration = _nh3,
            H2s = new SimGasInput(() => Model.H2s, _h2s, Random),
            H2sCalibration = _h2s,
            Climate = new SimClimate(Time),
            BadgeReader = _badges,
            DisinfectButton = new SimSwitch(() => _button),
            Indicator = Indicator,
        };
        if (Model.Definition.Kind == "scale")
        {
            hardware = new SiteNodeHardware
            {
                BadgeReader = _badges,
                Indicator = Indicator,
                Scale = new SimScale(Time, SimScale.Passes(Time, Model.Definition.Weighings)),
                ScaleFrames = new Xk3190A9Parser(kgPerUnit: 1),
                ScaleCapture = new WeighingCapture(minLoadKg: 500, divisionKg: 20, holdMs: 2_000, visitMs: 4 * 3_600_000L),
            };
        }

        if (Model.Definition.PondGaugeZeroMm > 0)
        {
            hardware.Level = new SimRangeSensor(() => Model.Definition.PondGaugeZeroMm - (int)(Model.PondLevelM * 1000), Random);
            hardware.LevelGaugeZeroMm = Model.Definition.PondGaugeZeroMm;
        }

        _node = new SiteNode(context, hardware);
    }

    protected override void OnStepUnpowered(long stepMs) => Model.Update(Time);

    protected override void OnStep(long stepMs)
    {
        Model.Update(Time);
        var now = Time.NowMs;
        foreach (var (checkIn, checkOut, disinfect) in _visits)
        {
            if (now - stepMs < checkIn && checkIn <= now)
            {
                _badges.Present(Model.Definition.Cleaner);
            }

            if (now - stepMs < checkOut && checkOut <= now)
            {
                if (disinfect)
                {
                    _button = true;
                    _buttonUntil = now + 2_000;
                }

                Model.Clean();
                _badges.Present(Model.Definition.Cleaner);
            }
        }

        foreach (var (at, card) in _cards)
        {
            if (now - stepMs < at && at <= now)
            {
                _badges.Present(card);
            }
        }

        if (_button && now >= _buttonUntil)
        {
            _button = false;
        }

        while (_nextTickAt <= now)
        {
            _nextTickAt = (_nextTickAt == 0 ? now : _nextTickAt) + TickMs;
            _node!.Tick();
        }
    }
}
