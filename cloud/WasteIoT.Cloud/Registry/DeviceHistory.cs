namespace WasteIoT.Cloud.Registry;

/// <summary>
/// Keeps a thing's device history across writes: a device that leaves is closed at the effective time of the change,
/// a device that arrives opens then. Replacing a node never rewrites what the old one measured.
/// </summary>
public static class DeviceHistory
{
    /// <summary>The assignments of <paramref name="thing"/>, or its devices since ever when none are kept.</summary>
    public static IReadOnlyList<DeviceAssignment> Of(IMeasuredThing thing)
    {
        ArgumentNullException.ThrowIfNull(thing);
        return thing.Assignments.Count > 0 ? thing.Assignments : [.. thing.CurrentDevices.Select(d => new DeviceAssignment(d, null, null))];
    }

    /// <summary>The assignments overlapping <c>[from, to)</c>.</summary>
    public static IReadOnlyList<DeviceAssignment> During(IMeasuredThing thing, DateTimeOffset from, DateTimeOffset to) =>
        [.. Of(thing).Where(a => a.Overlaps(from, to))];

    /// <summary>
    /// The incoming row with its history carried from the stored one; <paramref name="error"/> when the effective time
    /// is before a current assignment began (the change cannot predate what it changes).
    /// </summary>
    public static IMeasuredThing Carry(IMeasuredThing? stored, IMeasuredThing incoming, DateTimeOffset effective, bool effectiveGiven, out string? error)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        error = null;
        var current = incoming.CurrentDevices.ToHashSet(StringComparer.Ordinal);
        if (stored is null)
        {
            return incoming.WithAssignments([.. incoming.CurrentDevices.Distinct(StringComparer.Ordinal).Select(d => new DeviceAssignment(d, effectiveGiven ? effective : null, null))]);
        }

        var history = new List<DeviceAssignment>();
        foreach (var assignment in Of(stored))
        {
            if (assignment.To is null && !current.Contains(assignment.Device))
            {
                if (assignment.From is { } from && effective <= from)
                {
                    error = $"effective time {effective:O} is before device '{assignment.Device}' was assigned ({from:O})";
                }

                history.Add(assignment with { To = effective });
            }
            else
            {
                history.Add(assignment);
            }
        }

        foreach (var device in incoming.CurrentDevices.Distinct(StringComparer.Ordinal).Where(d => !history.Any(a => a.To is null && a.Device == d)))
        {
            history.Add(new DeviceAssignment(device, effective, null));
        }

        return incoming.WithAssignments(history);
    }
}
