using System.Text.Json.Serialization;
using WasteIoT.Contracts.Validation;

namespace WasteIoT.Contracts.Messages;

/// <summary>Bin node reading; field names follow FIWARE WasteContainer where one exists.</summary>
public sealed record BinFillReading : DeviceMessage
{
    /// <summary>0..1 of the bin's usable depth; absent unless <see cref="Echo"/> is ok.</summary>
    public double? FillingLevel { get; init; }

    /// <summary>Raw sensor-to-surface distance, mm; absent unless <see cref="Echo"/> is ok.</summary>
    public int? DistanceMm { get; init; }

    /// <summary>°C.</summary>
    public double? Temperature { get; init; }

    public required BinStatus Status { get; init; }

    public required EchoStatus Echo { get; init; }

    /// <summary>Battery voltage, V.</summary>
    public double? Battery { get; init; }

    [JsonIgnore]
    public override string Kind => MessageKinds.Fill;

    public override ContractViolation? ValidateBody() => Check.First(
        Check.Defined(Status, "status"),
        Check.Defined(Echo, "echo"),
        Check.Range(FillingLevel, "fillingLevel", 0, 1),
        Check.Range(DistanceMm, "distanceMm", 0, 10_000),
        Check.Range(Temperature, "temperature", -40, 85),
        Check.Range(Battery, "battery", 0, 5),
        Echo == EchoStatus.Ok
            ? (FillingLevel is null ? ContractViolation.Missing("fillingLevel") : null)
            : (FillingLevel is not null || DistanceMm is not null
                ? new ContractViolation(ViolationReason.Inconsistent, "fillingLevel", "a level without a good echo is not a level")
                : null));
}
