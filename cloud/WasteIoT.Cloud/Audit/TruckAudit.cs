using WasteIoT.Cloud.Checks.Evidence;
using WasteIoT.Cloud.Checks.SealedTransport;

namespace WasteIoT.Cloud.Audit;

/// <summary>A truck's day: sealed transport over its service hours and its last known position.</summary>
public sealed record TruckAudit(string Truck, string Contractor, SealedTransportResult SealedTransport, PositionFix? LastFix, int Fixes, VerdictState State, WindowEvidence Evidence);
