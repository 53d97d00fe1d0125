namespace WasteIoT.Cloud.Readings;

/// <summary>The newest quarantined batch records, for inspection.</summary>
public sealed record QuarantinePage(IReadOnlyList<QuarantineItem> Items);
