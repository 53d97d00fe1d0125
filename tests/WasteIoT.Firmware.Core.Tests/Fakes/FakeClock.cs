using WasteIoT.Firmware.Core.Hardware;

namespace WasteIoT.Firmware.Core.Tests.Fakes;

internal sealed class FakeClock(long utcStartMs) : IClock
{
    public long UtcNowMs { get; private set; } = utcStartMs;

    public long UptimeMs { get; private set; }

    public void Delay(int milliseconds) => Advance(milliseconds);

    public void Advance(long milliseconds)
    {
        UtcNowMs += milliseconds;
        UptimeMs += milliseconds;
    }

    /// <summary>A reset or deep-sleep wake: uptime restarts, the wall clock runs on.</summary>
    public void Restart(long sleptMs)
    {
        UtcNowMs += sleptMs;
        UptimeMs = 0;
    }
}
