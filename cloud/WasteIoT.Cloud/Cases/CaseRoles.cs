using WasteIoT.Cloud.Accounts;

namespace WasteIoT.Cloud.Cases;

/// <summary>
/// Who may take which step, as the bureau's process has it: the bureau dispatches, closes and sends back; the party a
/// case is against resolves it — the contractor for its cases, the bureau's own maintainers for a case about a node
/// the bureau keeps (filed against <see cref="CaseFindings.BureauMaintainer"/>).
/// </summary>
public static class CaseRoles
{
    public static bool May(Viewer viewer, string action, CaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(record);
        return action switch
        {
            "dispatch" or "close" or "return" => viewer.IsBureau,
            "resolve" => viewer.IsBureau ? record.Contractor == CaseFindings.BureauMaintainer : viewer.Sees(record.Contractor),
            _ => false,
        };
    }

    /// <summary>The steps this viewer may take on the case in its present state (what the page offers).</summary>
    public static IReadOnlyList<string> Allowed(Viewer viewer, CaseRecord record) =>
        [.. CaseWorkflow.Actions.Where(a => CaseWorkflow.From(a).Contains(record.Status) && May(viewer, a, record))];

    /// <summary>The case as this viewer receives it: the steps it may take and whether it is overdue now.</summary>
    public static CaseRecord View(Viewer viewer, CaseRecord record, DateTimeOffset now) =>
        record with { Actions = Allowed(viewer, record), IsOverdue = record.Status != CaseStatus.Closed && record.Overdue(now) };

    public static string Refusal(Viewer viewer, string action) => action switch
    {
        "resolve" when viewer.IsBureau => "the contractor resolves its own cases; the bureau dispatches, closes or sends back",
        _ => $"only the bureau may {action} a case",
    };
}
