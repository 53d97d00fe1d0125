namespace WasteIoT.Cloud.Store;

/// <summary>A batch record the cloud refused, kept with its reason.</summary>
public sealed record QuarantinedRecord(string Gateway, long Batch, int Index, string Reason, string Detail, byte[] Json);
