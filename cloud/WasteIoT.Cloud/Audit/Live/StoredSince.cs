using WasteIoT.Cloud.Readings;
using WasteIoT.Cloud.Store;

namespace WasteIoT.Cloud.Audit.Live;

/// <summary>
/// The rows a kept window of a device lacks: those stored after its newest row. A late row (older than the newest) is
/// not in that read; the device's count of rows stored then stands above what the window holds, and the window must be
/// read whole again — as it must when it held no row, since whether the last row before the day still stands depends
/// on the first.
/// </summary>
internal static class StoredSince
{
    /// <param name="held">Rows the window holds.</param>
    /// <param name="outside">Rows of the device outside the window, at most (the count when it was read whole, less its rows).</param>
    /// <param name="version">The device's count of rows stored, read before this call.</param>
    /// <returns>The rows to add, or null when the window must be read whole.</returns>
    public static async Task<IReadOnlyList<StoredReading>?> ReadAsync(DeviceDay loader, string device, int held, DateTimeOffset newest, long outside, DateTimeOffset to,
        long version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(loader);
        if (held == 0)
        {
            return null;
        }

        var tail = await loader.RowsAfterAsync(device, newest.AddMilliseconds(1), to, cancellationToken);
        return held + tail.Count + outside < version ? null : tail;
    }
}
