namespace WasteIoT.Cloud.Cases;

/// <summary>A step in a case's workflow, as posted to <c>/api/cases/{id}/{action}</c>.</summary>
/// <param name="Assignee">Who must act (required to dispatch).</param>
public sealed record CaseAction(string? Assignee, string? Note);
