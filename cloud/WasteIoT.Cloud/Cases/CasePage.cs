namespace WasteIoT.Cloud.Cases;

public sealed record CasePage(int Total, int Offset, int Limit, IReadOnlyList<CaseRecord> Items);
