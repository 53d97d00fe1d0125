using WasteIoT.Cloud.Checks.Coverage;
using WasteIoT.Cloud.Checks.Evidence;

namespace WasteIoT.Cloud.Audit;

/// <summary>A route's day: whether it was due, and its door-to-door coverage when it was, with the evidence of its service hours.</summary>
public sealed record RouteAudit(string Route, string Name, string Contractor, string Truck, bool Due, CoverageResult? Coverage)
{
    public VerdictState? State { get; init; }

    public WindowEvidence? Evidence { get; init; }
}
