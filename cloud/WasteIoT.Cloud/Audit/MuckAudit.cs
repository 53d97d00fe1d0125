using WasteIoT.Cloud.Checks.Evidence;
using WasteIoT.Cloud.Checks.Muck;

namespace WasteIoT.Cloud.Audit;

/// <summary>A muck truck's day against its permits (the tarp is its <see cref="TruckAudit"/>'s sealed transport), with the evidence of the whole day: it may drive at any hour.</summary>
public sealed record MuckAudit(string Truck, string Contractor, IReadOnlyList<string> Permits, MuckResult Result, VerdictState State, WindowEvidence Evidence);
