using System.Text.Json;
using WasteIoT.Cloud.Store;
using WasteIoT.Contracts.Messages;
using WasteIoT.Contracts.Serialization;

namespace WasteIoT.Cloud.Readings;

/// <summary>Loads one device's stored messages for a day (with a margin before it, for state carried over midnight).</summary>
public sealed class DeviceDay(IReadingStore store)
{
    public async Task<IReadOnlyList<DeviceMessage>> LoadAsync(string device, DayWindow day, TimeSpan lookBack, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(day);
        return Decode(await store.ReadDeviceAsync(device, day.Start - lookBack, day.End, cancellationToken));
    }

    /// <summary>The rows of <c>[start − lookBack, end + lookAhead)</c>: after the day, to know whether its last minutes were heard.</summary>
    public Task<IReadOnlyList<StoredReading>> RowsAsync(string device, DayWindow day, TimeSpan lookBack, TimeSpan lookAhead, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(day);
        return store.ReadDeviceAsync(device, day.Start - lookBack, day.End + lookAhead, cancellationToken);
    }

    /// <summary>The rows of <c>[from, to)</c>: what was stored after a window's newest row.</summary>
    public Task<IReadOnlyList<StoredReading>> RowsAfterAsync(string device, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        store.ReadDeviceAsync(device, from, to, cancellationToken);

    /// <summary>Each device's count of readings stored, by any instance.</summary>
    public Task<IReadOnlyDictionary<string, long>> VersionsAsync(CancellationToken cancellationToken) => store.DeviceVersionsAsync(cancellationToken);

    /// <summary>The device's last row before the day, when its rows of a window do not reach before the day's start (else null: they hold it).</summary>
    public async Task<StoredReading?> BeforeAsync(string device, IReadOnlyList<StoredReading> rows, DayWindow day, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(day);
        return ReachesBefore(rows.Count > 0 ? rows[0].Ts : null, day) ? null : await store.LastBeforeAsync(device, day.Start, cancellationToken);
    }

    /// <summary>Whether a window whose first row is at <paramref name="first"/> holds the device's last row before the day.</summary>
    private static bool ReachesBefore(DateTimeOffset? first, DayWindow day) => first < day.Start;

    /// <summary>
    /// Several devices' windows as <see cref="RowsAsync"/> and <see cref="BeforeAsync"/> give each, in two reads for all:
    /// what a restarted cloud's open day needs of thousands of bins and sites that would each cost two queries.
    /// </summary>
    internal async Task<IReadOnlyDictionary<string, (List<RowStamp> Rows, List<DeviceMessage> Messages, StoredReading? Before)>> WindowsAsync(IReadOnlyCollection<string> devices,
        DayWindow day, TimeSpan lookBack, TimeSpan lookAhead, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(day);
        var rows = await store.ReadDevicesAsync(devices, day.Start - lookBack, day.End + lookAhead,
            static (device, boot, seq, kind, ts, json) => (Stamp: new RowStamp(boot, seq, ts), Message: RowDecoder.Decode(kind, json, device)), cancellationToken);
        List<RowStamp> Stamps(string device) => rows.TryGetValue(device, out var found) ? [.. found.Select(r => r.Stamp)] : [];
        List<DeviceMessage> Messages(string device) => rows.TryGetValue(device, out var found) ? [.. found.Where(r => r.Message is not null).Select(r => r.Message!)] : [];
        var unreached = devices.Where(d => !ReachesBefore(rows.TryGetValue(d, out var found) ? found[0].Stamp.Ts : null, day)).ToList();
        var before = unreached.Count == 0 ? new Dictionary<string, StoredReading>() : await store.LastBeforeAsync(unreached, day.Start, cancellationToken);
        return devices.ToDictionary(d => d, d => (Stamps(d), Messages(d), before.TryGetValue(d, out var last) ? last : null), StringComparer.Ordinal);
    }

    public static List<DeviceMessage> Decode(IReadOnlyList<StoredReading> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var messages = new List<DeviceMessage>(rows.Count);
        foreach (var row in rows)
        {
            if (RowDecoder.Decode(row.Kind, row.Json, row.Device) is { } message)
            {
                messages.Add(message);
            }
        }

        return messages;
    }
}
