using WasteIoT.Cloud.Checks.Evidence;
using WasteIoT.Cloud.Checks.Muck;
using WasteIoT.Cloud.Checks.SealedTransport;

namespace WasteIoT.Cloud.Audit;

/// <summary>
/// A muck truck's day against its permits, with the evidence of the whole day (it may drive at any hour). The tarp
/// open while moving (篷布未遮盖) is its <see cref="TruckAudit"/>'s sealed-transport check, repeated here for the page.
/// </summary>
public sealed record MuckAudit(string Truck, string Contractor, IReadOnlyList<string> Permits, MuckResult Result, VerdictState State, WindowEvidence Evidence)
{
    public IReadOnlyList<OpenCoverViolation> TarpOpen { get; init; } = [];
}
