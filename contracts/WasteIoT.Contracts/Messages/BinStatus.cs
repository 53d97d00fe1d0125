using System.Text.Json.Serialization;
using WasteIoT.Contracts.Serialization;

namespace WasteIoT.Contracts.Messages;

/// <summary>FIWARE WasteContainer <c>status</c> values.</summary>
[JsonConverter(typeof(StrictEnumConverter<BinStatus>))]
public enum BinStatus
{
    [JsonStringEnumMemberName("ok")] Ok,
    [JsonStringEnumMemberName("lidOpen")] LidOpen,
    [JsonStringEnumMemberName("dropped")] Dropped,
    [JsonStringEnumMemberName("moved")] Moved,
    [JsonStringEnumMemberName("unknown")] Unknown,
}
