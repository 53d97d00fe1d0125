using System.Text.Json.Serialization;
using WasteIoT.Contracts.Validation;

namespace WasteIoT.Contracts.Messages;

/// <summary>
/// A leachate treatment unit's (the DTRO's) treated volume from its flow meter: the node's running total since it
/// started counting (it restarts at a reboot; the cloud adds up each boot's increase), and effluent readings where the
/// plant reports them (GB 16889 table 2 limits: COD 100 mg/L, NH3-N 25 mg/L).
/// </summary>
public sealed record LeachateTreatment : DeviceMessage
{
    /// <summary>Treated volume counted since the node's boot, m³.</summary>
    public required double TotalM3 { get; init; }

    /// <summary>Flow over the last interval, m³/h.</summary>
    public double? FlowM3h { get; init; }

    /// <summary>Effluent COD, mg/L.</summary>
    public double? Cod { get; init; }

    /// <summary>Effluent ammonia nitrogen (NH3-N), mg/L.</summary>
    public double? Nh3n { get; init; }

    [JsonIgnore]
    public override string Kind => MessageKinds.Treat;

    public override ContractViolation? ValidateBody() => Check.First(
        Check.Range(TotalM3, "totalM3", 0, 1_000_000_000),
        Check.Range(FlowM3h, "flowM3h", 0, 10_000),
        Check.Range(Cod, "cod", 0, 100_000),
        Check.Range(Nh3n, "nh3n", 0, 10_000));
}
