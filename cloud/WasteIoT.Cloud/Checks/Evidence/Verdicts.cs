using WasteIoT.Cloud.Checks.Clearance;
using WasteIoT.Cloud.Checks.Coverage;
using WasteIoT.Cloud.Checks.Tonnage;

namespace WasteIoT.Cloud.Checks.Evidence;

/// <summary>
/// The one rule that turns a check's result and its evidence into what it proves. What was measured stands whatever
/// the coverage (a violation seen, a cleaning counted); what a window lacked is a shortfall only when the window was
/// heard for at least the minimum share; nothing heard is no data.
/// </summary>
public static class Verdicts
{
    /// <summary>A duty that must be met in the window (cleanings, disinfection).</summary>
    public static VerdictState Duty(bool met, WindowEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        return met ? VerdictState.Ok : evidence.NothingHeard ? VerdictState.NoData : evidence.Complete ? VerdictState.Shortfall : VerdictState.Unverified;
    }

    /// <summary>Something that must not happen in the window (cover open while driving, odour over the limit, pond over its alarm).</summary>
    public static VerdictState Event(bool happened, WindowEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        return happened ? VerdictState.Violation : evidence.NothingHeard ? VerdictState.NoData : evidence.Verified ? VerdictState.Ok : VerdictState.Unverified;
    }

    public static VerdictState Route(CoverageResult coverage, WindowEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(coverage);
        ArgumentNullException.ThrowIfNull(evidence);
        return coverage.Missed.Count > 0 ? VerdictState.Shortfall
            : coverage.Served == 0 && evidence.NothingHeard ? VerdictState.NoData
            : coverage.Unverified.Count > 0 ? VerdictState.Unverified
            : VerdictState.Ok;
    }

    /// <summary>
    /// 日产日清 in tonnes: cleared stands on what was weighed; not cleared is a shortfall only with the weighbridge heard
    /// over the opening hours and nothing in the ledger unknown (an unidentified truck, a pass left open) that could be
    /// the missing haul.
    /// </summary>
    public static VerdictState Ledger(StationLedger ledger, WindowEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(evidence);
        return ledger.Cleared ? VerdictState.Ok
            : evidence.NothingHeard ? VerdictState.NoData
            : evidence.Complete && ledger.Complete ? VerdictState.Shortfall
            : VerdictState.Unverified;
    }

    public static VerdictState Clearance(ClearanceResult clearance, WindowEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(clearance);
        return clearance.Verdict switch
        {
            ClearanceVerdict.Cleared => VerdictState.Ok,
            ClearanceVerdict.NoData => VerdictState.NoData,
            ClearanceVerdict.SensorFault => VerdictState.Unverified,
            _ => Duty(false, evidence),
        };
    }
}
