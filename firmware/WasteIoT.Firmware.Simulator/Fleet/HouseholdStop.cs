namespace WasteIoT.Firmware.Simulator.Fleet;

/// <summary>
/// A household on a truck's route; its bin, if it has a sensor, is emptied at the stop. A work vehicle's or muck
/// truck's stops are places on its way, with no tag to read.
/// </summary>
public sealed record HouseholdStop(string Household, string Tag, double Lat, double Lon)
{
    public string? Bin { get; init; }

    /// <summary>A muck truck raises its body here (a disposal site, or a field it should not tip in).</summary>
    public bool Tip { get; init; }
}
