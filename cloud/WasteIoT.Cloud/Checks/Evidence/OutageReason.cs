using System.Text.Json.Serialization;

namespace WasteIoT.Cloud.Checks.Evidence;

public enum OutageReason
{
    /// <summary>Nothing at all for longer than the device's cadence allows (off, unplugged, broken).</summary>
    [JsonStringEnumMemberName("silent")]
    Silent,

    /// <summary>The device numbered messages that never arrived (its ring overflowed, or a boot's first ones were lost).</summary>
    [JsonStringEnumMemberName("lost")]
    Lost,
}
