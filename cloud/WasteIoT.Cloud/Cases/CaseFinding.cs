namespace WasteIoT.Cloud.Cases;

/// <summary>
/// A violation the checks found. (Kind, Subject, Day, Finding) identifies it, so finding it again — on the next
/// scan, or on another cloud instance — never opens a second case.
/// </summary>
public sealed record CaseFinding(string Kind, string Subject, DateOnly Day, string Finding, string Contractor, string Title, string Detail);
