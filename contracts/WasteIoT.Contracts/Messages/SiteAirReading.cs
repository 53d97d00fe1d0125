using System.Text.Json.Serialization;
using WasteIoT.Contracts.Validation;

namespace WasteIoT.Contracts.Messages;

/// <summary>Toilet or transfer-station air; names follow FIWARE AirQualityObserved.</summary>
public sealed record SiteAirReading : DeviceMessage
{
    /// <summary>Ammonia, mg/m³.</summary>
    public double? Nh3 { get; init; }

    /// <summary>Hydrogen sulphide, mg/m³ (FIWARE's name is <c>sh2</c>).</summary>
    public double? Sh2 { get; init; }

    /// <summary>
    /// Smallest NH3 step the node's cell resolves, mg/m³: a limit closer to the reading than this cannot be judged from it.
    /// </summary>
    public double? Nh3Resolution { get; init; }

    /// <summary>Smallest H2S step the node's cell resolves, mg/m³ (an H2S cell's is often coarser than a toilet's limit).</summary>
    public double? Sh2Resolution { get; init; }

    /// <summary>µg/m³.</summary>
    public double? Pm25 { get; init; }

    /// <summary>µg/m³.</summary>
    public double? Pm10 { get; init; }

    /// <summary>°C.</summary>
    public double? Temperature { get; init; }

    /// <summary>0..1, as in FIWARE.</summary>
    public double? RelativeHumidity { get; init; }

    /// <summary>The electrochemical or MOS cells are still in their warm-up period; values are indicative only.</summary>
    public bool WarmingUp { get; init; }

    [JsonIgnore]
    public override string Kind => MessageKinds.Air;

    public override ContractViolation? ValidateBody() => Check.First(
        Check.Range(Nh3, "nh3", 0, 100),
        Check.Range(Sh2, "sh2", 0, 100),
        Check.Range(Nh3Resolution, "nh3Resolution", 0, 100),
        Check.Range(Sh2Resolution, "sh2Resolution", 0, 100),
        Check.Range(Pm25, "pm25", 0, 1000),
        Check.Range(Pm10, "pm10", 0, 2000),
        Check.Range(Temperature, "temperature", -40, 85),
        Check.Range(RelativeHumidity, "relativeHumidity", 0, 1),
        Nh3 is null && Sh2 is null && Pm25 is null && Pm10 is null && Temperature is null && RelativeHumidity is null
            ? ContractViolation.Missing("nh3")
            : null);
}
