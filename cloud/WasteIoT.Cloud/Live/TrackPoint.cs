namespace WasteIoT.Cloud.Live;

/// <summary>One fix of a replayed track with the cover state at that moment (open, closed or unknown) and, for a work vehicle, its equipment's.</summary>
public sealed record TrackPoint(DateTimeOffset Ts, double Lat, double Lon, double Speed, CargoCover Cover)
{
    /// <summary>For a work vehicle, whether any of its work equipment was running; null for other vehicles.</summary>
    public bool? Working { get; init; }
}
