namespace WasteIoT.Firmware.Simulator.World;

/// <summary>The simulated wall clock every device and model reads; advanced by the runner only.</summary>
public sealed class SimulationTime(DateTimeOffset start)
{
    public DateTimeOffset Start { get; } = start;

    public long NowMs { get; private set; } = start.ToUnixTimeMilliseconds();

    public DateTimeOffset Now => DateTimeOffset.FromUnixTimeMilliseconds(NowMs).ToOffset(Start.Offset);

    /// <summary>Local time of day in the fleet's time zone.</summary>
    public TimeOnly TimeOfDay => TimeOnly.FromDateTime(Now.DateTime);

    public void Advance(long milliseconds) => NowMs += milliseconds;

    /// <summary>The instant of a local time of day on the simulated start's date.</summary>
    public long At(TimeOnly time) => new DateTimeOffset(Start.Date + time.ToTimeSpan(), Start.Offset).ToUnixTimeMilliseconds();
}
