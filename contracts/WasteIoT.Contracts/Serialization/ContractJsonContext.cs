using System.Text.Json.Serialization;
using WasteIoT.Contracts.Downlink;
using WasteIoT.Contracts.Messages;
using WasteIoT.Contracts.Uplink;

namespace WasteIoT.Contracts.Serialization;

/// <summary>
/// Source-generated (reflection-free, trimming-safe) JSON for every contract type.
/// camelCase names, absent optionals omitted, the canonical timestamp form, and <c>kind</c> accepted anywhere in the object.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowOutOfOrderMetadataProperties = true,
    RespectRequiredConstructorParameters = true,
    NumberHandling = JsonNumberHandling.Strict,
    Converters = [typeof(UtcTimestampConverter)])]
[JsonSerializable(typeof(DeviceMessage))]
[JsonSerializable(typeof(StatusMessage))]
[JsonSerializable(typeof(DeviceConfig))]
[JsonSerializable(typeof(ScanFeedback))]
[JsonSerializable(typeof(DailyRoute))]
[JsonSerializable(typeof(UplinkBatch))]
[JsonSerializable(typeof(CloudAck))]
[JsonSerializable(typeof(GatewayAlarm))]
public sealed partial class ContractJsonContext : JsonSerializerContext;
