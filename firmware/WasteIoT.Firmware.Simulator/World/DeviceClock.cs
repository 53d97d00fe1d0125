using WasteIoT.Firmware.Core.Hardware;

namespace WasteIoT.Firmware.Simulator.World;

/// <summary>
/// One device's view of simulated time. <see cref="Delay"/> moves only this device ahead (a bin node waiting
/// 60 ms between pings must not hold up the fleet); the lead is absorbed as the world catches up.
/// </summary>
internal sealed class DeviceClock(SimulationTime world) : IClock
{
    private long _bootAt = world.NowMs;
    private long _lead;
    private long _seenWorld = world.NowMs;

    public long UtcNowMs
    {
        get
        {
            Absorb();
            return world.NowMs + _lead;
        }
    }

    public long UptimeMs => UtcNowMs - _bootAt;

    public void Delay(int milliseconds)
    {
        Absorb();
        _lead += milliseconds;
    }

    /// <summary>A reset or deep-sleep wake: uptime restarts.</summary>
    public void Restart()
    {
        _bootAt = UtcNowMs;
    }

    private void Absorb()
    {
        var elapsed = world.NowMs - _seenWorld;
        _seenWorld = world.NowMs;
        _lead = Math.Max(0, _lead - elapsed);
    }
}
