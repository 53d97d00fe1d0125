namespace WasteIoT.Contracts.Validation;

/// <summary>
/// Why a receiver refused a message. The codes are part of the contract: they appear in
/// quarantine rows, in the cloud's acknowledgement and as the <c>reason</c> label of reject metrics.
/// </summary>
public static class ViolationReason
{
    public const string TooLarge = "tooLarge";
    public const string MalformedJson = "malformedJson";
    public const string UnsupportedSchema = "unsupportedSchema";
    public const string UnknownKind = "unknownKind";
    public const string MissingField = "missingField";
    public const string OutOfRange = "outOfRange";
    public const string InvalidId = "invalidId";
    public const string TopicMismatch = "topicMismatch";
    public const string ClockNotSet = "clockNotSet";
    public const string ClockAhead = "clockAhead";
    public const string Inconsistent = "inconsistent";

    /// <summary>A gateway forwarded a message of a device that is not assigned to it.</summary>
    public const string UnassignedDevice = "unassignedDevice";

    public static readonly IReadOnlyList<string> All =
    [
        TooLarge, MalformedJson, UnsupportedSchema, UnknownKind, MissingField, OutOfRange,
        InvalidId, TopicMismatch, ClockNotSet, ClockAhead, Inconsistent, UnassignedDevice,
    ];
}
