namespace WasteIoT.Cloud.Ingest;

/// <summary>
/// Tells the rest of the instance that readings were committed: a counter for caches to notice new data, and an
/// event for live views. Subscribers run on the ingest path, so they must only hand the readings on.
/// </summary>
public sealed class IngestFeed
{
    private long _version;

    /// <summary>Readings committed, by this instance or (on PostgreSQL) by another instance of the county.</summary>
    public event Action<IReadOnlyList<Store.StoredReading>>? Stored;

    /// <summary>Readings committed by this instance only: what it tells the county's other instances.</summary>
    public event Action<IReadOnlyList<Store.StoredReading>>? StoredHere;

    public long Version => Interlocked.Read(ref _version);

    /// <param name="byPeer">Stored by another instance of the county (told through the database), not by this one.</param>
    public void Publish(IReadOnlyList<Store.StoredReading> readings, bool byPeer = false)
    {
        ArgumentNullException.ThrowIfNull(readings);

        // A peer's notice may carry no rows a live view needs (a bin's batch): the count still tells the caches data came.
        if (readings.Count == 0 && !byPeer)
        {
            return;
        }

        Interlocked.Increment(ref _version);
        if (readings.Count == 0)
        {
            return;
        }

        Stored?.Invoke(readings);
        if (!byPeer)
        {
            StoredHere?.Invoke(readings);
        }
    }
}
