using System.Text.Json.Serialization;
using WasteIoT.Contracts.Validation;

namespace WasteIoT.Contracts.Messages;

/// <summary>
/// A vehicle weighed on a transfer station's or landfill's weighbridge (地磅): the weight on the platform at this
/// pass, and on the pass that completes a visit (or from a printed ticket) the visit's gross, tare and net.
/// </summary>
public sealed record Weighing : DeviceMessage
{
    /// <summary>Truck scales weigh up to 200 t; the indicator's division is 10–50 kg.</summary>
    public const int MaxKg = 200_000;

    public required WeighDirection Direction { get; init; }

    /// <summary>Weight on the platform at <c>ts</c>, kg.</summary>
    public required int WeightKg { get; init; }

    /// <summary>Whether the indicator's reading had settled (a capture or a printed ticket always has).</summary>
    public required bool Stable { get; init; }

    /// <summary>The vehicle's IC card or tag, hex.</summary>
    public string? Tag { get; init; }

    /// <summary>The plate as typed at the indicator, when it has one.</summary>
    public string? Vehicle { get; init; }

    /// <summary>The indicator's ticket number.</summary>
    public string? Ticket { get; init; }

    /// <summary>The completed visit: loaded weight, kg (with <see cref="TareKg"/> and <see cref="NetKg"/>, all or none).</summary>
    public int? GrossKg { get; init; }

    public int? TareKg { get; init; }

    public int? NetKg { get; init; }

    [JsonIgnore]
    public override string Kind => MessageKinds.Weigh;

    public override ContractViolation? ValidateBody() => Check.First(
        Check.Defined(Direction, "direction"),
        Check.Range(WeightKg, "weightKg", 0, MaxKg),
        Check.Token(Tag, "tag", required: false),
        Vehicle is { Length: 0 or > 16 } || (Vehicle is not null && Vehicle.Any(char.IsControl)) ? new ContractViolation(ViolationReason.InvalidId, "vehicle", "must be 1..16 characters without control characters") : null,
        Check.Token(Ticket, "ticket", required: false),
        Check.Range(GrossKg, "grossKg", 0, MaxKg),
        Check.Range(TareKg, "tareKg", 0, MaxKg),
        Check.Range(NetKg, "netKg", 0, MaxKg),
        Visit());

    /// <summary>Gross, tare and net come together and add up: a visit's net is what the platform saw between its two passes.</summary>
    private ContractViolation? Visit()
    {
        var given = (GrossKg is null ? 0 : 1) + (TareKg is null ? 0 : 1) + (NetKg is null ? 0 : 1);
        return given switch
        {
            0 => null,
            3 when GrossKg == TareKg + NetKg => null,
            3 => new ContractViolation(ViolationReason.Inconsistent, "netKg", $"gross {GrossKg} kg is not tare {TareKg} + net {NetKg} kg"),
            _ => new ContractViolation(ViolationReason.Inconsistent, "grossKg", "grossKg, tareKg and netKg come together or not at all"),
        };
    }
}
