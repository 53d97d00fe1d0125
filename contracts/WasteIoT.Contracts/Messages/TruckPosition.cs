using System.Text.Json.Serialization;
using WasteIoT.Contracts.Validation;

namespace WasteIoT.Contracts.Messages;

/// <summary>A GNSS fix from a truck node (WGS-84).</summary>
public sealed record TruckPosition : DeviceMessage
{
    /// <summary>Degrees, WGS-84.</summary>
    public required double Lat { get; init; }

    /// <summary>Degrees, WGS-84.</summary>
    public required double Lon { get; init; }

    /// <summary>Speed over ground, km/h.</summary>
    public required double Speed { get; init; }

    /// <summary>Course over ground, degrees true.</summary>
    public double? Heading { get; init; }

    public double? Hdop { get; init; }

    /// <summary>Satellites used in the fix.</summary>
    public int? Sats { get; init; }

    /// <summary>GGA fix quality: 1 GPS, 2 DGPS, 4 RTK fixed, 5 RTK float, 6 dead reckoning. 0 (no fix) is never sent.</summary>
    public required int Fix { get; init; }

    [JsonIgnore]
    public override string Kind => MessageKinds.Position;

    public override ContractViolation? ValidateBody() => Check.First(
        Check.Range(Lat, "lat", -90, 90),
        Check.Range(Lon, "lon", -180, 180),
        Check.Range(Speed, "speed", 0, 250),
        Check.Range(Heading, "heading", 0, 360),
        Check.Range(Hdop, "hdop", 0, 99.9),
        Check.Range(Sats, "sats", 0, 99),
        Check.Range(Fix, "fix", 1, 8));
}
