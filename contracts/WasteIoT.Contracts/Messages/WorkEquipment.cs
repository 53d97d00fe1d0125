using System.Text.Json.Serialization;
using WasteIoT.Contracts.Serialization;

namespace WasteIoT.Contracts.Messages;

/// <summary>The work equipment a vehicle's node watches, each on a debounced digital input.</summary>
[JsonConverter(typeof(StrictEnumConverter<WorkEquipment>))]
public enum WorkEquipment
{
    /// <summary>A sweeper's brushes and suction (扫刷/吸口).</summary>
    [JsonStringEnumMemberName("brush")] Brush,

    /// <summary>A sprinkler's spray pump (洒水泵).</summary>
    [JsonStringEnumMemberName("pump")] Pump,

    /// <summary>A fog-cannon truck's cannon (雾炮).</summary>
    [JsonStringEnumMemberName("cannon")] Cannon,

    /// <summary>A muck truck's body raised to tip its load (渣土车举升).</summary>
    [JsonStringEnumMemberName("tipper")] Tipper,
}
