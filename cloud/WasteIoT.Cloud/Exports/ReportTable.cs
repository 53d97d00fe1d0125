namespace WasteIoT.Cloud.Exports;

/// <summary>A report as rows: what the CSV and XLSX exports write. Cells are strings, numbers or instants.</summary>
public sealed record ReportTable(string Name, IReadOnlyList<string> Headers, IReadOnlyList<object?[]> Rows);
