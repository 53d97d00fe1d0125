using WasteIoT.Cloud.Readings;
using WasteIoT.Cloud.Store;
using WasteIoT.Contracts.Messages;

namespace WasteIoT.Cloud.Audit.Live;

/// <summary>
/// One device's rows of an open day's window, decoded once and kept; each refresh reads only the rows stored since
/// (<see cref="StoredSince"/>), or the window again whole when a late row is missing.
/// </summary>
internal sealed class DeviceWindow
{
    private DeviceWindow(long version, long outside, List<RowStamp> rows, List<DeviceMessage> messages, RowStamp? before)
    {
        Version = version;
        Outside = outside;
        Rows = rows;
        Messages = messages;
        Before = before;
    }

    /// <summary>The device's count of rows stored when the window was last brought up to date.</summary>
    public long Version { get; private set; }

    /// <summary>
    /// Rows of the device outside the window, at most: the count read before the window's rows, less the rows read, so a
    /// row stored between the two reads makes it smaller — a needless read again, never a missed row.
    /// </summary>
    private long Outside { get; }

    /// <summary>The rows' numbering and times in store order (time, boot, seq); their bytes live on decoded in <see cref="Messages"/>.</summary>
    public List<RowStamp> Rows { get; }

    public List<DeviceMessage> Messages { get; }

    /// <summary>The device's last row before the day, when the window does not reach before the day's start.</summary>
    public RowStamp? Before { get; }

    private WindowFacts? _facts;

    /// <summary>
    /// What the window's rows say whatever the clock: the device's data health, its evidence fold (read at any moment)
    /// and its messages before the day's end — worked out once per version, so a refresh that brought the device
    /// nothing only reads the clock against them.
    /// </summary>
    public WindowFacts Facts(string device, DayWindow day, TimeSpan maxSilence)
    {
        ArgumentNullException.ThrowIfNull(day);
        if (_facts is { } known && known.Version == Version)
        {
            return known;
        }

        return _facts = WindowFacts.Of(device, Version, Rows, Messages, Before, day, maxSilence);
    }

    /// <param name="version">The device's count of rows stored, read before this call.</param>
    public static async Task<DeviceWindow> ReadAsync(DeviceDay loader, string device, DayWindow day, TimeSpan lookBack, TimeSpan lookAhead, long version, CancellationToken cancellationToken)
    {
        var rows = await loader.RowsAsync(device, day, lookBack, lookAhead, cancellationToken);
        return Of(version, [.. rows.Select(RowStamp.Of)], DeviceDay.Decode(rows), await loader.BeforeAsync(device, rows, day, cancellationToken));
    }

    /// <param name="version">The device's count of rows stored, read before the rows.</param>
    /// <param name="rows">Every row's stamp, in store order.</param>
    /// <param name="messages">The rows decoded.</param>
    public static DeviceWindow Of(long version, List<RowStamp> rows, List<DeviceMessage> messages, StoredReading? before)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return new DeviceWindow(version, version - rows.Count, rows, messages, before is null ? null : RowStamp.Of(before));
    }

    /// <summary>Reads the rows stored after the newest kept; false when rows are still missing (a late row), and the window must be read again.</summary>
    public async Task<bool> TryExtendAsync(DeviceDay loader, string device, DayWindow day, TimeSpan lookAhead, long version, CancellationToken cancellationToken)
    {
        if (version == Version)
        {
            return true;
        }

        var tail = await StoredSince.ReadAsync(loader, device, Rows.Count, Rows.Count > 0 ? Rows[^1].Ts : default, Outside, day.End + lookAhead, version, cancellationToken);
        if (tail is null)
        {
            return false;
        }

        Rows.AddRange(tail.Select(RowStamp.Of));
        Messages.AddRange(DeviceDay.Decode(tail));
        Version = version;
        return true;
    }
}
