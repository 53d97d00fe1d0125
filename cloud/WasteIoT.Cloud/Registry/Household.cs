namespace WasteIoT.Cloud.Registry;

/// <summary>A household on a collection route: its door's position and the RFID tag on its bin.</summary>
public sealed record Household(string Id, string Address, string Building, double Lat, double Lon, string Tag) : IRegistryEntity
{
    public string Contractor => string.Empty;
}
