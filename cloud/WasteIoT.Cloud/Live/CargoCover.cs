using System.Text.Json.Serialization;

namespace WasteIoT.Cloud.Live;

/// <summary>A truck's cargo cover as the cloud knows it: what its node last reported, or unknown when it has reported none.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CargoCover>))]
public enum CargoCover
{
    [JsonStringEnumMemberName("unknown")] Unknown,
    [JsonStringEnumMemberName("open")] Open,
    [JsonStringEnumMemberName("closed")] Closed,
}
