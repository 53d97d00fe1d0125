namespace WasteIoT.Cloud.Registry;

public sealed record ImportError(int Line, string? Id, string Message);
