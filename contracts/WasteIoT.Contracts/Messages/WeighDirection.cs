using System.Text.Json.Serialization;
using WasteIoT.Contracts.Serialization;

namespace WasteIoT.Contracts.Messages;

/// <summary>Which pass over the weighbridge: the vehicle's first weighing of a visit (in) or its second (out).</summary>
[JsonConverter(typeof(StrictEnumConverter<WeighDirection>))]
public enum WeighDirection
{
    [JsonStringEnumMemberName("in")] In,

    [JsonStringEnumMemberName("out")] Out,
}
