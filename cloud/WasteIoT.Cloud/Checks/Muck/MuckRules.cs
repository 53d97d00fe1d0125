namespace WasteIoT.Cloud.Checks.Muck;

/// <summary>When a muck truck's fixes and tipper count against its permit.</summary>
public sealed record MuckRules
{
    /// <summary>Half the width of an approved route's corridor: the carriageway, a lay-by and GNSS error.</summary>
    public double CorridorM { get; init; } = 50;

    /// <summary>At or below this the truck is standing: a parked truck's GNSS jitter is not driving.</summary>
    public double MovingSpeedKmh { get; init; } = 5;

    /// <summary>A detour shorter than this (a closed lane, a turn) is not claimed.</summary>
    public TimeSpan MinOffRoute { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Driving outside the approved hours shorter than this (a clock at the boundary) is not claimed.</summary>
    public TimeSpan MinOffHours { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Fixes further apart than this (a dead zone) do not join one stretch of driving.</summary>
    public TimeSpan MaxFixGap { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>A raised body is placed at the nearest fix no further than this in time; without one its place is unknown.</summary>
    public TimeSpan TipLocateWithin { get; init; } = TimeSpan.FromMinutes(2);
}
