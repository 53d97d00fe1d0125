using System.Text.Json.Serialization;

namespace WasteIoT.Cloud.Checks.Evidence;

/// <summary>What a verdict proves: a case may rest only on <see cref="Violation"/> or <see cref="Shortfall"/>.</summary>
public enum VerdictState
{
    /// <summary>The service was measured and met.</summary>
    [JsonStringEnumMemberName("ok")]
    Ok,

    /// <summary>Something measured happened that must not (cover open while driving, odour over the limit).</summary>
    [JsonStringEnumMemberName("violation")]
    Violation,

    /// <summary>Something due did not happen, and the devices were heard throughout the window it was due in.</summary>
    [JsonStringEnumMemberName("shortfall")]
    Shortfall,

    /// <summary>Not proven either way: the devices were not heard for enough of the window.</summary>
    [JsonStringEnumMemberName("unverified")]
    Unverified,

    /// <summary>Nothing was heard from the thing's devices in the window.</summary>
    [JsonStringEnumMemberName("noData")]
    NoData,
}
