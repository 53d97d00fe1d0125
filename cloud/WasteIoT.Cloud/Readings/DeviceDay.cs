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
        return rows.Count > 0 && rows[0].Ts < day.Start ? null : await store.LastBeforeAsync(device, day.Start, cancellationToken);
    }

    /// <summary>
    /// Several devices' windows as <see cref="RowsAsync"/> and <see cref="BeforeAsync"/> give each, in two reads for all:
    /// what a restarted cloud's open day needs of thousands of bins and sites that would each cost two queries.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, (IReadOnlyList<StoredReading> Rows, StoredReading? Before)>> WindowsAsync(IReadOnlyCollection<string> devices, DayWindow day,
        TimeSpan lookBack, TimeSpan lookAhead, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(day);
        var rows = await store.ReadDevicesAsync(devices, day.Start - lookBack, day.End + lookAhead, cancellationToken);
        IReadOnlyList<StoredReading> Of(string device) => rows.TryGetValue(device, out var found) ? found : [];
        var unreached = devices.Where(d => Of(d) is not [var first, ..] || first.Ts >= day.Start).ToList();
        var before = unreached.Count == 0 ? new Dictionary<string, StoredReading>() : await store.LastBeforeAsync(unreached, day.Start, cancellationToken);
        return devices.ToDictionary(d => d, d => (Of(d), before.TryGetValue(d, out var last) ? last : null), StringComparer.Ordinal);
    }

    public static List<DeviceMessage> Decode(IReadOnlyList<StoredReading> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var messages = new List<DeviceMessage>(rows.Count);
        foreach (var row in rows)
        {
            if (row.Kind == WasteIoT.Contracts.Messages.MessageKinds.Position && PositionReader.TryRead(row.Json, out var position))
            {
                messages.Add(position!);
                continue;
            }

            if (row.Kind == WasteIoT.Contracts.Messages.MessageKinds.Fill && FillReader.TryRead(row.Json, row.Device, out var fill))
            {
                messages.Add(fill!);
                continue;
            }

            // Stored rows passed validation at ingest; read them back without judging them again.
            if (JsonSerializer.Deserialize(row.Json, ContractJsonContext.Default.DeviceMessage) is { } message)
            {
                // The row's device name is one string for all its rows; the decoded one a copy per message (a kept open
                // day holds some 300,000 of them).
                messages.Add(message.Device == row.Device ? message with { Device = row.Device } : message);
            }
        }

        return messages;
    }
}
