using System.Text.Json.Serialization;
using WasteIoT.Cloud.Contract;
using WasteIoT.Cloud.Health;

namespace WasteIoT.Cloud.Hosting;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(HealthReport))]
[JsonSerializable(typeof(ContractSummary))]
internal sealed partial class CloudJsonContext : JsonSerializerContext;
