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
}
