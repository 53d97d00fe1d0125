using System.Text.Json.Serialization;

namespace WasteIoT.Cloud.Live;

/// <summary>The live feed's events as the stream writes them (the same naming as the API's).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(TruckPositionEvent))]
internal sealed partial class LiveJsonContext : JsonSerializerContext;
