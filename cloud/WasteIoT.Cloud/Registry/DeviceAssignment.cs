namespace WasteIoT.Cloud.Registry;

/// <summary>
/// A device measuring a thing from <see cref="From"/> (null: since the thing was registered) until <see cref="To"/>
/// (null: still). Kept by the registry whenever a thing's devices change, so a day is read with the devices it had.
/// </summary>
public sealed record DeviceAssignment(string Device, DateTimeOffset? From, DateTimeOffset? To)
{
    public bool Covers(DateTimeOffset at) => (From is null || From <= at) && (To is null || at < To);

    public bool Overlaps(DateTimeOffset from, DateTimeOffset to) => (From is null || From < to) && (To is null || To > from);
}
