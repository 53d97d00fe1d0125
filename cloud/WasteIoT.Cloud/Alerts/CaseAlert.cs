namespace WasteIoT.Cloud.Alerts;

/// <summary>A new case, as pushed to open pages and posted to the webhook.</summary>
public sealed record CaseAlert(long Id, string Kind, string Subject, DateOnly Day, string Contractor, string Title, DateTimeOffset Filed, DateTimeOffset Due);
