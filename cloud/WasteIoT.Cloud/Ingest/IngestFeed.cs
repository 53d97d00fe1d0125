namespace WasteIoT.Cloud.Ingest;

/// <summary>
/// Tells the rest of the instance that readings were committed: a counter for caches to notice new data, and an
/// event for live views. Subscribers run on the ingest path, so they must only hand the readings on.
/// </summary>
public sealed class IngestFeed
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _devices = new(StringComparer.Ordinal);
    private long _version;

    public event Action<IReadOnlyList<Store.StoredReading>>? Stored;

    public long Version => Interlocked.Read(ref _version);

    public void Publish(IReadOnlyList<Store.StoredReading> readings)
    {
        ArgumentNullException.ThrowIfNull(readings);
        if (readings.Count == 0)
        {
            return;
        }

        var version = Interlocked.Increment(ref _version);
        foreach (var reading in readings)
        {
            _devices[reading.Device] = version;
        }

        Stored?.Invoke(readings);
    }

    /// <summary>The <see cref="Version"/> at which this instance last stored a reading of <paramref name="device"/> (0: none since it started).</summary>
    public long DeviceVersion(string device) => _devices.TryGetValue(device, out var version) ? version : 0;
}
