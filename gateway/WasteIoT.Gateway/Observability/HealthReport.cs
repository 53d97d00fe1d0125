namespace WasteIoT.Gateway.Observability;

public sealed record HealthReport(string Status, int BrokerPort, long ConnectedDevices, bool UplinkConnected, long BacklogRows);
