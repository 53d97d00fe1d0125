namespace WasteIoT.Cloud.Live;

public sealed record TrackScan(DateTimeOffset Ts, string Tag, double? Lat, double? Lon);
