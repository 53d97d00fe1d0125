using System.Text.Json.Serialization;
using WasteIoT.Contracts.Validation;

namespace WasteIoT.Contracts.Messages;

/// <summary>Liquid level of a tank or leachate pond (stage), m above the gauge zero.</summary>
public sealed record LevelReading : DeviceMessage
{
    /// <summary>m; absent unless <see cref="Echo"/> is ok.</summary>
    public double? Level { get; init; }

    public required EchoStatus Echo { get; init; }

    public double? Battery { get; init; }

    [JsonIgnore]
    public override string Kind => MessageKinds.Level;

    public override ContractViolation? ValidateBody() => Check.First(
        Check.Defined(Echo, "echo"),
        Check.Range(Level, "level", 0, 50),
        Check.Range(Battery, "battery", 0, 5),
        Echo == EchoStatus.Ok
            ? (Level is null ? ContractViolation.Missing("level") : null)
            : (Level is not null ? new ContractViolation(ViolationReason.Inconsistent, "level", "a level without a good echo is not a level") : null));
}
