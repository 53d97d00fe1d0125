namespace WasteIoT.Cloud.Store;

/// <summary>
/// The cloud's storage of device data. One batch is one transaction: its good records and its quarantined ones
/// are committed together before the gateway gets its PUBACK. Idempotent on <c>(device, boot, seq)</c>.
/// </summary>
public interface IReadingStore
{
    Task<IngestOutcome> IngestAsync(IReadOnlyList<StoredReading> readings, IReadOnlyList<QuarantinedRecord> quarantined, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredReading>> ReadDeviceAsync(string device, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>
    /// Several devices' rows of <c>[from, to)</c> in one read, each device's in <c>(ts, boot, seq)</c> order and made into
    /// what <paramref name="read"/> makes of it (its bytes are lent only for the call); a device with none is absent.
    /// </summary>
    Task<IReadOnlyDictionary<string, List<T>>> ReadDevicesAsync<T>(IReadOnlyCollection<string> devices, DateTimeOffset from, DateTimeOffset to, StoredRowReader<T> read,
        CancellationToken cancellationToken);

    /// <summary>Several devices' last reading before an instant, in one read; a device with none is absent.</summary>
    Task<IReadOnlyDictionary<string, StoredReading>> LastBeforeAsync(IReadOnlyCollection<string> devices, DateTimeOffset before, CancellationToken cancellationToken);

    Task<IReadOnlyList<QuarantinedRecord>> ReadQuarantineAsync(int max, CancellationToken cancellationToken);

    Task<long> CountAsync(CancellationToken cancellationToken);

    /// <summary>A device's last reading (any kind) before an instant.</summary>
    Task<StoredReading?> LastBeforeAsync(string device, DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>A device's latest reading of one kind, by device time.</summary>
    Task<StoredReading?> LatestAsync(string device, string kind, CancellationToken cancellationToken);

    /// <summary>The time of the newest reading stored (any device) before <paramref name="before"/> (null: ever), or null when there is none.</summary>
    Task<DateTimeOffset?> NewestAsync(DateTimeOffset? before, CancellationToken cancellationToken);

    /// <summary>Each device's count of readings stored (by any instance, retransmissions not counted): a device whose count has not moved has no new readings.</summary>
    Task<IReadOnlyDictionary<string, long>> DeviceVersionsAsync(CancellationToken cancellationToken);
}
