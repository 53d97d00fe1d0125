namespace WasteIoT.Cloud.Health;

public sealed record HealthReport(string Status, string Version, DateTimeOffset Now, string TimeZone);
