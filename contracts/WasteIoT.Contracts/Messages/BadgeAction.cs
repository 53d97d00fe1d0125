using System.Text.Json.Serialization;
using WasteIoT.Contracts.Serialization;

namespace WasteIoT.Contracts.Messages;

[JsonConverter(typeof(StrictEnumConverter<BadgeAction>))]
public enum BadgeAction
{
    [JsonStringEnumMemberName("checkIn")] CheckIn,
    [JsonStringEnumMemberName("checkOut")] CheckOut,

    /// <summary>The node closed a visit whose check-out never came.</summary>
    [JsonStringEnumMemberName("timeout")] Timeout,
}
