using System.Text.Json.Serialization;
using WasteIoT.Contracts.Serialization;

namespace WasteIoT.Contracts.Messages;

[JsonConverter(typeof(StrictEnumConverter<CoverState>))]
public enum CoverState
{
    [JsonStringEnumMemberName("closed")] Closed,
    [JsonStringEnumMemberName("open")] Open,
}
