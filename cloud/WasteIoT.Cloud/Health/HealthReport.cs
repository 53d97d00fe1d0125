namespace WasteIoT.Cloud.Health;

/// <param name="County">The county this instance (or, in a city, this host name) answers for.</param>
/// <param name="TakesGateways">Whether this instance takes the county's gateways and runs its background work.</param>
/// <param name="Audit">The audit's copies kept for the next computation and the next start: how they are doing since this start.</param>
/// <param name="Peers">Notices to and from the county's other instances (PostgreSQL only; else null).</param>
public sealed record HealthReport(string Status, string Version, DateTimeOffset Now, string TimeZone, string County, bool TakesGateways, AuditCopies Audit, PeerNotices? Peers);
