using System.Collections.Concurrent;
using WasteIoT.Cloud.Checks.SealedTransport;
using WasteIoT.Cloud.Readings;

namespace WasteIoT.Cloud.Audit.Live;

/// <summary>
/// What the open days' audits keep of their devices between refreshes: each device's window of rows (decoded) and
/// each lone truck node's folds, brought up to date with the rows stored since — so a refresh of a live county day
/// reads what arrived, not the day. Only the latest two days are kept (today, and yesterday until it settles).
/// </summary>
internal sealed class OpenDay(DeviceDay loader)
{
    private readonly ConcurrentDictionary<(DateOnly Date, string Device, TimeSpan LookBack, TimeSpan LookAhead), Slot<DeviceWindow>> _windows = new();
    private readonly ConcurrentDictionary<(DateOnly Date, string Device), Slot<TruckTrack>> _tracks = new();
    private readonly ConcurrentDictionary<(DateOnly Date, string Device), long> _written = new();
    private readonly ConcurrentDictionary<DateOnly, DateTimeOffset> _lastWrite = new();
    private readonly ConcurrentDictionary<DateOnly, bool> _takenUp = new();
    private long _wholeReads;
    private long _takenUpTracks;
    private long _unread;

    /// <summary>Days whose written truck folds could not be read back (a database error).</summary>
    public long ReadsFailed => Interlocked.Read(ref _unread);

    /// <summary>Truck folds taken up from what an earlier start wrote down (since start).</summary>
    public long TakenUpTracks => Interlocked.Read(ref _takenUpTracks);

    /// <summary>How often the truck folds of an open day are written down: a restart folds in at most this much again.</summary>
    public static readonly TimeSpan WriteEvery = TimeSpan.FromMinutes(5);

    /// <summary>Windows and tracks read whole (first seen, or a late row made the rows stored since not enough).</summary>
    public long WholeReads => Interlocked.Read(ref _wholeReads);

    public async Task<DeviceWindow> WindowAsync(DateOnly date, string device, DayWindow day, TimeSpan lookBack, TimeSpan lookAhead, long version, CancellationToken cancellationToken)
    {
        var slot = _windows.GetOrAdd((date, device, lookBack, lookAhead), _ => new());
        await slot.Gate.WaitAsync(cancellationToken);
        try
        {
            if (slot.Value is { } kept && await kept.TryExtendAsync(loader, device, day, lookAhead, version, cancellationToken))
            {
                return kept;
            }

            Interlocked.Increment(ref _wholeReads);
            return slot.Value = await DeviceWindow.ReadAsync(loader, device, day, lookBack, lookAhead, version, cancellationToken);
        }
        finally
        {
            slot.Gate.Release();
        }
    }

    /// <summary>
    /// Reads the windows of the devices that have none kept, a few hundred devices per query instead of two queries
    /// each: after a restart a county's thousands of bins and sites. The versions are those read before the rows.
    /// </summary>
    public async Task WarmAsync(DateOnly date, IEnumerable<string> devices, DayWindow day, TimeSpan lookBack, TimeSpan lookAhead, Func<string, long> version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        var missing = devices.Distinct(StringComparer.Ordinal).Where(d => !(_windows.TryGetValue((date, d, lookBack, lookAhead), out var kept) && kept.Value is not null)).ToList();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(missing.Chunk(WarmChunk), parallel, async (chunk, ct) =>
        {
            var windows = await loader.WindowsAsync(chunk, day, lookBack, lookAhead, ct);
            foreach (var device in chunk)
            {
                var slot = _windows.GetOrAdd((date, device, lookBack, lookAhead), _ => new());
                await slot.Gate.WaitAsync(ct);
                try
                {
                    if (slot.Value is null)
                    {
                        var (rows, messages, before) = windows[device];
                        slot.Value = DeviceWindow.Of(version(device), rows, messages, before);
                        Interlocked.Increment(ref _wholeReads);
                    }
                }
                finally
                {
                    slot.Gate.Release();
                }
            }
        });
    }

    /// <summary>Devices per bulk read: a county's bins' morning is about 60 rows each, so a chunk is some 30,000 rows held at once.</summary>
    private const int WarmChunk = 200;

    public async Task<TruckTrack> TrackAsync(DateOnly date, string device, DayWindow day, TimeSpan lookBack, TimeSpan maxSilence, long version, SealedTransportRules rules, CancellationToken cancellationToken)
    {
        var slot = _tracks.GetOrAdd((date, device), _ => new());
        await slot.Gate.WaitAsync(cancellationToken);
        try
        {
            if (slot.Value is { } kept && await kept.TryExtendAsync(loader, maxSilence, version, cancellationToken))
            {
                return kept;
            }

            Interlocked.Increment(ref _wholeReads);
            return slot.Value = await TruckTrack.ReadAsync(loader, device, day, lookBack, maxSilence, version, rules, cancellationToken);
        }
        finally
        {
            slot.Gate.Release();
        }
    }

    /// <summary>
    /// Takes up the truck folds written for the day (once per day, at the first computation after a start) whose
    /// window, silence and rules are this computation's; each is then brought up to date like a kept one.
    /// </summary>
    public async Task TakeUpAsync(DateOnly date, KeptThingStore store, DayWindow day, TimeSpan maxSilence, SealedTransportRules rules, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (!_takenUp.TryAdd(date, true))
        {
            return;
        }

        IReadOnlyList<(string Thing, long Registry, long Fingerprint, byte[] Json)> written;
        try
        {
            written = await store.LoadAsync(date, cancellationToken);
        }
        catch (System.Data.Common.DbException)
        {
            // A copy that cannot be read is a copy not there: the trucks' days are read whole.
            Interlocked.Increment(ref _unread);
            return;
        }

        foreach (var (thing, _, version, json) in written)
        {
            if (!thing.StartsWith(TrackPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            try
            {
                if (System.Text.Json.JsonSerializer.Deserialize<TruckTrack.State>(json, KeptJson.Options) is { } state && state.Day == day
                    && state.Evidence.MaxSilence == maxSilence && state.SealedTransport.Rules == rules && state.Version == version)
                {
                    var slot = _tracks.GetOrAdd((date, state.Device), _ => new());
                    if (slot.Value is null)
                    {
                        slot.Value = TruckTrack.Restore(state);
                        _written[(date, state.Device)] = version;
                        Interlocked.Increment(ref _takenUpTracks);
                    }
                }
            }
            catch (System.Text.Json.JsonException)
            {
                // Written by another version of the cloud: read whole again.
            }
        }
    }

    /// <summary>Writes the day's truck folds that moved since last written, at most every <see cref="WriteEvery"/> (a copy: failing never fails the day).</summary>
    public async Task WriteDownAsync(DateOnly date, KeptThingStore store, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (_lastWrite.TryGetValue(date, out var last) && now - last < WriteEvery)
        {
            return;
        }

        _lastWrite[date] = now;
        var moved = _tracks.Where(t => t.Key.Date == date && t.Value.Value is { } track && _written.GetValueOrDefault(t.Key) != track.Version)
            .Select(t => (t.Key.Device, Track: t.Value.Value!)).ToList();
        var rows = moved.Select(m => (TrackPrefix + m.Device, 0L, m.Track.Version, System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(m.Track.Save(), KeptJson.Options))).ToList();
        await store.SaveAsync(date, rows, cancellationToken);
        foreach (var (device, track) in moved)
        {
            _written[(date, device)] = track.Version;
        }
    }

    private const string TrackPrefix = "track ";

    /// <summary>Forgets the days before the one before <paramref name="date"/>, and <paramref name="date"/> itself once it has settled.</summary>
    public void Forget(DateOnly date, bool settled)
    {
        bool Old(DateOnly d) => d < date.AddDays(-1) || (settled && d == date);
        foreach (var key in _windows.Keys.Where(k => Old(k.Date)).ToList())
        {
            _windows.TryRemove(key, out _);
        }

        foreach (var key in _tracks.Keys.Where(k => Old(k.Date)).ToList())
        {
            _tracks.TryRemove(key, out _);
            _written.TryRemove(key, out _);
        }

        foreach (var day in _takenUp.Keys.Where(Old).ToList())
        {
            _takenUp.TryRemove(day, out _);
            _lastWrite.TryRemove(day, out _);
        }
    }

    private sealed class Slot<T>
        where T : class
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public T? Value { get; set; }
    }
}
