using WasteIoT.Firmware.Core.Nodes;
using WasteIoT.Firmware.Core.Session;
using WasteIoT.Firmware.Core.Storage;
using WasteIoT.Firmware.Simulator.Fleet;
using WasteIoT.Firmware.Simulator.Transport;
using WasteIoT.Firmware.Simulator.World;

namespace WasteIoT.Firmware.Simulator.Devices;

/// <summary>
/// One simulated ESP32: its flash (store-and-forward log and device state) outlives reboots, its firmware objects do
/// not — <see cref="Boot"/> builds them again from flash, as a real reset does.
/// </summary>
internal abstract class SimDevice : IDisposable
{
    public const string FirmwareVersion = "1.0.0-sim";

    private readonly LogLayout _layout;
    private readonly MemorySegmentStore _logFiles;
    private readonly MemorySegmentStore _cursorFiles;
    private readonly MemoryFlashRegion _stateFlash = new(1024);
    private readonly int _window;
    private readonly List<FaultDefinition> _faults;
    private bool _rebooted;
    private bool _unpowered;

    /// <param name="layout">The node's store-and-forward log on flash, as its device app sizes it (<see cref="LogLayout"/>).</param>
    /// <param name="window">Publishes in flight, likewise.</param>
    protected SimDevice(string device, string password, SimulationTime time, BrokerEndpoint broker, IEnumerable<FaultDefinition> faults, Random random, LogLayout layout, int window)
    {
        _layout = layout;
        var wear = new LittleFsWearMeter();
        _logFiles = new MemorySegmentStore(wear);
        _cursorFiles = new MemorySegmentStore(wear);
        _window = window;
        Device = device;
        Password = password;
        Time = time;
        Random = random;
        Clock = new DeviceClock(time);
        Transport = new MqttNetTransport(broker.Host, broker.Port);
        Power = new SimPower(3.6, -60 - random.Next(35));
        _faults = faults.Where(f => f.Device == device).ToList();
    }

    public string Device { get; }

    protected string Password { get; }

    protected SimulationTime Time { get; }

    protected Random Random { get; }

    protected DeviceClock Clock { get; }

    public MqttNetTransport Transport { get; }

    protected SimPower Power { get; }

    public GatewaySession? Session { get; private set; }

    public int Boots { get; private set; }

    /// <summary>Advances the device to the world's current time.</summary>
    public void Step(long stepMs)
    {
        var now = Time.TimeOfDay;
        if (Unpowered())
        {
            // No firmware runs and nothing is recorded; the world (the truck's round, the toilet's visitors) goes on.
            if (!_unpowered)
            {
                _unpowered = true;
                Transport.Disconnect();
            }

            OnStepUnpowered(stepMs);
            return;
        }

        if (_unpowered)
        {
            _unpowered = false;
            Boot(wokeFromDeepSleep: false);
        }

        Transport.Blocked = _faults.Any(f => f.Type == FaultTypes.DeadZone && now >= f.From && now < f.To);
        if (!_rebooted && _faults.FirstOrDefault(f => f.Type == FaultTypes.Reboot) is { } reboot && now >= reboot.From)
        {
            _rebooted = true;
            Transport.Disconnect();
            Boot(wokeFromDeepSleep: false);
        }

        OnStep(stepMs);
    }

    protected bool InFault(string type)
    {
        var now = Time.TimeOfDay;
        return _faults.Any(f => f.Type == type && now >= f.From && now < f.To);
    }

    protected FaultDefinition? Fault(string type) => _faults.FirstOrDefault(f => f.Type == type);

    /// <summary>Whether a powerOff fault holds now (by time of day; trucks add their own rule).</summary>
    protected virtual bool Unpowered()
    {
        var now = Time.TimeOfDay;
        return _faults.Any(f => f.Type == FaultTypes.PowerOff && f.AfterStop == 0 && now >= f.From && (f.To == TimeOnly.MinValue || now < f.To));
    }

    /// <summary>The world's step while the node is unpowered.</summary>
    protected virtual void OnStepUnpowered(long stepMs)
    {
    }

    /// <summary>Starts the firmware from what is in flash.</summary>
    protected NodeContext Boot(bool wokeFromDeepSleep)
    {
        Boots += wokeFromDeepSleep ? 0 : 1;
        Power.WokeFromDeepSleep = wokeFromDeepSleep;
        Clock.Restart();
        var state = new DeviceState(_stateFlash);
        state.TryLoad();
        state.BeginBoot(wokeFromDeepSleep, Clock.UtcNowMs);
        state.Save();
        var ring = _layout.Create(_logFiles, _cursorFiles);
        ring.Mount();
        Session = new GatewaySession(Transport, ring, state, Clock, new Random(Random.Next()), Device, Password, FirmwareVersion, _window);
        var context = new NodeContext(Clock, Power, state, Session, FirmwareVersion);
        OnBoot(context);
        return context;
    }

    public abstract void Start();

    protected abstract void OnBoot(NodeContext context);

    protected abstract void OnStep(long stepMs);

    public void Dispose() => Transport.Dispose();
}
