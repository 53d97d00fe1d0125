namespace WasteIoT.Cloud.Gateways;

/// <summary>
/// A gateway as the data-health page shows it now: whether it is connected and reporting, when it last reported, and
/// what its store held for the cloud then. A gateway that never reported has no report time.
/// </summary>
/// <param name="Contractors">The contractors whose things its devices measure (who may see it).</param>
/// <param name="Connected">Its last presence said online (its last will or a clean stop says otherwise).</param>
/// <param name="Silent">Connected by its last presence, but no report for longer than the cloud allows: its link or power is gone.</param>
/// <param name="Behind">Not connected, silent, or holding a message older than the cloud allows: what the health page flags.</param>
public sealed record GatewayPresence(
    string Gateway,
    IReadOnlyList<string> Contractors,
    int Devices,
    bool Connected,
    bool Silent,
    bool Behind,
    DateTimeOffset? Reported,
    string? Fw,
    long? BacklogRows,
    long? OldestAgeS,
    long? StoreBytes,
    long? Thinned);
