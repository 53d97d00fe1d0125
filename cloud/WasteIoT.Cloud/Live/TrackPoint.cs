namespace WasteIoT.Cloud.Live;

/// <summary>One fix of a replayed track with the cover state at that moment (open, closed or unknown).</summary>
public sealed record TrackPoint(DateTimeOffset Ts, double Lat, double Lon, double Speed, CargoCover Cover);
