using WasteIoT.Cloud.Checks.SealedTransport;

namespace WasteIoT.Cloud.Audit;

/// <summary>A truck's day: sealed transport and its last known position.</summary>
public sealed record TruckAudit(string Truck, string Contractor, SealedTransportResult SealedTransport, PositionFix? LastFix, int Fixes);
