namespace WasteIoT.Cloud.Health;

/// <param name="Audit">The audit's copies kept for the next computation and the next start: how they are doing since this start.</param>
public sealed record HealthReport(string Status, string Version, DateTimeOffset Now, string TimeZone, AuditCopies Audit);
