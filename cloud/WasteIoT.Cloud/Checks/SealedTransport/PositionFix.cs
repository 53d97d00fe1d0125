namespace WasteIoT.Cloud.Checks.SealedTransport;

public sealed record PositionFix(DateTimeOffset Ts, double Lat, double Lon, double SpeedKmh);
