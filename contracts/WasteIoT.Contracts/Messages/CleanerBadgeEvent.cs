using System.Text.Json.Serialization;
using WasteIoT.Contracts.Validation;

namespace WasteIoT.Contracts.Messages;

/// <summary>A cleaner's badge at a toilet's reader: check-in, check-out, or a visit the node closed itself.</summary>
public sealed record CleanerBadgeEvent : DeviceMessage
{
    /// <summary>Badge UID, hex.</summary>
    public required string Badge { get; init; }

    public required BadgeAction Action { get; init; }

    /// <summary>Seconds since the matching check-in; present on checkOut and timeout.</summary>
    public int? DwellS { get; init; }

    [JsonIgnore]
    public override string Kind => MessageKinds.Badge;

    public override ContractViolation? ValidateBody() => Check.First(
        Check.Token(Badge, "badge"),
        Check.Defined(Action, "action"),
        Check.Range(DwellS, "dwellS", 0, 86_400));
}
