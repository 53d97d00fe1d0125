namespace WasteIoT.Firmware.Simulator.Fleet;

/// <summary>A household on a truck's route; its bin, if it has a sensor, is emptied at the stop.</summary>
public sealed record HouseholdStop(string Household, string Tag, double Lat, double Lon)
{
    public string? Bin { get; init; }
}
