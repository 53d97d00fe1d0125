using WasteIoT.Firmware.Core.Nodes;
using WasteIoT.Firmware.Core.Session;
using WasteIoT.Firmware.Core.Storage;

namespace WasteIoT.Firmware.Core.Tests.Fakes;

/// <summary>One device's flash, clock and radio; <see cref="Boot"/> starts (or restarts) its firmware on them.</summary>
internal sealed class DeviceRig
{
    public static readonly long Start = new DateTimeOffset(2026, 11, 27, 6, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    public DeviceRig(string device)
    {
        Device = device;
    }

    public string Device { get; }

    private MemorySegmentStore? _logFiles;
    private MemorySegmentStore? _cursorFiles;

    public LittleFsWearMeter Wear { get; } = new();

    public MemorySegmentStore LogFiles => _logFiles ??= new MemorySegmentStore(Wear);

    public MemorySegmentStore CursorFiles => _cursorFiles ??= new MemorySegmentStore(Wear);

    public MemoryFlashRegion StateFlash { get; } = new(512);

    public FakeClock Clock { get; } = new(Start);

    public FakeMqtt Mqtt { get; } = new();

    /// <summary>The transport the session uses; <see cref="Mqtt"/> unless a test wraps it.</summary>
    public WasteIoT.Firmware.Core.Hardware.IMqttTransport? Transport { get; set; }

    public FakePower Power { get; } = new();

    public NodeContext Boot(bool wokeFromDeepSleep = false)
    {
        Power.WokeFromDeepSleep = wokeFromDeepSleep;
        var state = new DeviceState(StateFlash);
        state.TryLoad();
        state.BeginBoot(wokeFromDeepSleep, Clock.UtcNowMs);
        state.Save();
        var log = new SegmentLog(LogFiles, CursorFiles, 1024, 16);
        log.Mount();
        var session = new GatewaySession(Transport ?? Mqtt, log, state, Clock, new Random(1), Device, "secret", "1.0.0", 4);
        return new NodeContext(Clock, Power, state, session, "1.0.0");
    }
}
