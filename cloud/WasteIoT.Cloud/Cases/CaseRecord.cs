namespace WasteIoT.Cloud.Cases;

public sealed record CaseRecord(
    long Id,
    string Kind,
    string Subject,
    DateOnly Day,
    string Finding,
    string Contractor,
    string Title,
    string Detail,
    CaseStatus Status,
    string? Assignee,
    DateTimeOffset Filed,
    DateTimeOffset Due,
    DateTimeOffset? Dispatched,
    DateTimeOffset? Resolved,
    DateTimeOffset? Closed,
    IReadOnlyList<CaseNote> Notes)
{
    public bool Overdue(DateTimeOffset now) => (Resolved ?? now) > Due;

    /// <summary>The steps the asking user may take now (filled in per request; empty in storage).</summary>
    public IReadOnlyList<string> Actions { get; init; } = [];

    /// <summary>Past its due time without being resolved, as of the request (the cloud's clock, not the browser's).</summary>
    public bool IsOverdue { get; init; }
}
