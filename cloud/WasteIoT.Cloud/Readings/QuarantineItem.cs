namespace WasteIoT.Cloud.Readings;

public sealed record QuarantineItem(string Gateway, long Batch, int Index, string Reason, string Detail, string Json);
