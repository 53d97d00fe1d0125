using System.Text.Json.Serialization;

namespace WasteIoT.Cloud.Audit;

/// <summary>Day summaries as kept in <c>day_summaries</c> (the same naming as the API's).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(DaySummary))]
internal sealed partial class AuditJsonContext : JsonSerializerContext;
