namespace WasteIoT.Cloud.Checks.SealedTransport;

/// <summary>The truck drove while nothing was heard from its cover sensor: no verdict is possible, which is a finding of its own.</summary>
public sealed record SilentCoverFinding(DateTimeOffset Start, DateTimeOffset End, double DistanceKm);
