namespace WasteIoT.Cloud.Registry;

/// <summary>
/// What a registered vehicle does: collection trucks serve routes and deliver to transfer stations; transfer trucks haul
/// from a station to the landfill or incinerator; work vehicles clean roads; muck trucks haul construction waste under a permit.
/// </summary>
public enum VehicleKind
{
    Collection,
    Sweeper,
    Sprinkler,
    FogCannon,
    Muck,
    Transfer,
}
