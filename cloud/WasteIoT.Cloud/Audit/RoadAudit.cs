using WasteIoT.Cloud.Checks.Evidence;
using WasteIoT.Cloud.Checks.Roads;
using WasteIoT.Cloud.Registry;

namespace WasteIoT.Cloud.Audit;

/// <summary>A road segment's day: each planned task in its window and the passes made outside every window.</summary>
public sealed record RoadAudit(string Segment, string Name, string Contractor, RoadClass Class, double LengthM, IReadOnlyList<RoadWorkAudit> Work, IReadOnlyList<RoadPass> OutsideWindows)
{
    /// <summary>The segment's worst: a shortfall proven anywhere, else anything unproven, else done.</summary>
    public VerdictState State =>
        Work.Any(w => w.State == VerdictState.Shortfall) ? VerdictState.Shortfall
        : Work.Any(w => w.State == VerdictState.Unverified) ? VerdictState.Unverified
        : Work.Any(w => w.State == VerdictState.NoData) ? VerdictState.NoData
        : VerdictState.Ok;

    /// <summary>Whether its sweeping is proven done (true), proven short (false), or not proven (null); no sweeping planned is null too.</summary>
    public bool? SweptAsPlanned
    {
        get
        {
            var sweeps = Work.Where(w => w.Result.Task == RoadTask.Sweep).ToList();
            return sweeps.Count == 0 ? null
                : sweeps.Any(w => w.State == VerdictState.Shortfall) ? false
                : sweeps.All(w => w.State == VerdictState.Ok) ? true
                : null;
        }
    }
}
