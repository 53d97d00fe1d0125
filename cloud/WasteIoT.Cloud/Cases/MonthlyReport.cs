namespace WasteIoT.Cloud.Cases;

public sealed record MonthlyReport(string Month, MonthlyFigures All, IReadOnlyList<MonthlyFigures> ByContractor, IReadOnlyDictionary<string, int> FiledByKind);
