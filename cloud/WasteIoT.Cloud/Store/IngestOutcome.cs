namespace WasteIoT.Cloud.Store;

/// <summary>What a committed batch changed.</summary>
public sealed record IngestOutcome(int Accepted, int Duplicates);
