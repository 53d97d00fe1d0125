namespace WasteIoT.Cloud.Ingest;

/// <summary>
/// Tells the rest of the instance that readings were committed: a counter for caches to notice new data, and an
/// event for live views. Subscribers run on the ingest path, so they must only hand the readings on.
/// </summary>
public sealed class IngestFeed
{
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

        Interlocked.Increment(ref _version);
        Stored?.Invoke(readings);
    }
}
