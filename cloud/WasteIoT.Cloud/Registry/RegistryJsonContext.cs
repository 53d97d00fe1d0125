using System.Text.Json.Serialization;

namespace WasteIoT.Cloud.Registry;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true, RespectNullableAnnotations = true)]
[JsonSerializable(typeof(Contractor))]
[JsonSerializable(typeof(Truck))]
[JsonSerializable(typeof(Household))]
[JsonSerializable(typeof(CollectionRoute))]
[JsonSerializable(typeof(Site))]
[JsonSerializable(typeof(Bin))]
[JsonSerializable(typeof(Pond))]
[JsonSerializable(typeof(RoadSegment))]
[JsonSerializable(typeof(MuckPermit))]
[JsonSerializable(typeof(AirAlertDay))]
[JsonSerializable(typeof(Badge))]
[JsonSerializable(typeof(ImportReport))]
[JsonSerializable(typeof(RegistryPage))]
[JsonSerializable(typeof(List<RegistryKindSummary>))]
internal sealed partial class RegistryJsonContext : JsonSerializerContext;
