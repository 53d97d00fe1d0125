namespace WasteIoT.Cloud.Contract;

/// <summary>What this cloud speaks, so a gateway or an operator can check compatibility.</summary>
public sealed record ContractSummary(
    int Schema,
    string TopicRoot,
    IReadOnlyList<string> DeviceKinds,
    int MaxDevicePayloadBytes,
    int MaxBatchBytes,
    int MaxBatchRecords,
    IReadOnlyList<string> ViolationReasons);
