namespace WasteIoT.Cloud.Registry;

public sealed record RegistryKindSummary(string Kind, int Count, IReadOnlyList<string> Columns);
