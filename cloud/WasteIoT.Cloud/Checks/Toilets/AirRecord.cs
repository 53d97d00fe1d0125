namespace WasteIoT.Cloud.Checks.Toilets;

public sealed record AirRecord(DateTimeOffset Ts, double? Nh3, double? H2s, bool WarmingUp);
