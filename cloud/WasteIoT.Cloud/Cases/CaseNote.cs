namespace WasteIoT.Cloud.Cases;

public sealed record CaseNote(DateTimeOffset At, string Author, CaseStatus Status, string Note);
