namespace WasteIoT.Cloud.Registry;

/// <summary>What a CSV import did: good rows are kept even when others are refused; each refusal names its line.</summary>
public sealed record ImportReport(string Kind, int Imported, IReadOnlyList<ImportError> Errors);
