using System.Text.Json.Serialization;
using WasteIoT.Contracts.Serialization;

namespace WasteIoT.Contracts.Downlink;

[JsonConverter(typeof(StrictEnumConverter<ScanOutcome>))]
public enum ScanOutcome
{
    [JsonStringEnumMemberName("accepted")] Accepted,
    [JsonStringEnumMemberName("duplicate")] Duplicate,
    [JsonStringEnumMemberName("notOnRoute")] NotOnRoute,
    [JsonStringEnumMemberName("unknownTag")] UnknownTag,
}
