using System.Text.Json.Serialization;
using WasteIoT.Contracts.Validation;

namespace WasteIoT.Contracts.Messages;

/// <summary>A household's RFID tag read at pickup, with the truck's latest fix.</summary>
public sealed record PickupScan : DeviceMessage
{
    /// <summary>Household tag UID, hex.</summary>
    public required string Tag { get; init; }

    /// <summary>Latest fix, degrees WGS-84; absent (with <see cref="Lon"/>) when the truck had none.</summary>
    public double? Lat { get; init; }

    public double? Lon { get; init; }

    public double? Hdop { get; init; }

    /// <summary>Age of that fix when the tag was read, s.</summary>
    public int? FixAgeS { get; init; }

    [JsonIgnore]
    public override string Kind => MessageKinds.Scan;

    public override ContractViolation? ValidateBody() => Check.First(
        Check.Token(Tag, "tag"),
        Check.Range(Lat, "lat", -90, 90),
        Check.Range(Lon, "lon", -180, 180),
        Check.Range(Hdop, "hdop", 0, 99.9),
        Check.Range(FixAgeS, "fixAgeS", 0, 86_400),
        (Lat is null) != (Lon is null)
            ? new ContractViolation(ViolationReason.Inconsistent, "lat", "lat and lon come together or not at all")
            : null);
}
