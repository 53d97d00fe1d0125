using System.Collections.Concurrent;
using System.Text.Json;
using WasteIoT.Cloud.Registry;

namespace WasteIoT.Cloud.Audit;

/// <summary>
/// The things of settled days, kept between computations: a thing is taken as it was while the registry kinds it
/// reads hash the same and the sum of its devices' versions (each only grows) has not moved; its data-health
/// observations are replayed with it. The latest <see cref="DaysKept"/> days stay in memory; with a store, each thing
/// computed is also written there, and a restarted cloud reads a settled day's things back from it.
/// </summary>
internal sealed class KeptThings(KeptThingStore? store)
{
    private const int DaysKept = 4;
    private readonly RegistryKindHashes _kinds = new();
    private readonly ConcurrentDictionary<DateOnly, bool> _loaded = new();
    private readonly ConcurrentDictionary<(DateOnly Date, string Thing), Kept> _kept = new();
    private long _reused;
    private long _unsaved;
    private long _unread;

    public long Reused => Interlocked.Read(ref _reused);

    public long WritesFailed => Interlocked.Read(ref _unsaved);

    public long ReadsFailed => Interlocked.Read(ref _unread);

    /// <summary>One computation of a settled day; the versions must have been read before any of the day's rows.</summary>
    public async Task<Run> BeginAsync(DateOnly date, RegistrySnapshot snapshot, IReadOnlyDictionary<string, long> versions, CancellationToken cancellationToken)
    {
        if (store is not null && _loaded.TryAdd(date, true))
        {
            await LoadAsync(date, cancellationToken);
        }

        return new Run(this, date, snapshot, versions);
    }

    /// <summary>Forgets all but the latest days and writes what this computation made (a copy: failing to write never fails the day).</summary>
    public async Task EndAsync(Run run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        Evict();
        if (store is null || run.Computed.IsEmpty)
        {
            return;
        }

        await CopyAsync(() => store.SaveAsync(run.Date, [.. run.Computed.Select(c => (c.Thing, c.Kept.Registry, c.Kept.Fingerprint, Write(c.Thing, c.Kept)))], cancellationToken));
    }

    /// <summary>Writes a copy kept for a restart: a database error never fails the day, it is counted.</summary>
    public async Task CopyAsync(Func<Task> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        try
        {
            await write();
        }
        catch (System.Data.Common.DbException)
        {
            // The day stands; what was computed is written again next time (another instance may be writing it now).
            Interlocked.Increment(ref _unsaved);
        }
    }

    private async Task LoadAsync(DateOnly date, CancellationToken cancellationToken)
    {
        IReadOnlyList<(string Thing, long Registry, long Fingerprint, byte[] Json)> kept;
        try
        {
            kept = await store!.LoadAsync(date, cancellationToken);
        }
        catch (System.Data.Common.DbException)
        {
            // A copy that cannot be read is a copy not there: the day's things are computed from their readings.
            Interlocked.Increment(ref _unread);
            return;
        }

        foreach (var (thing, registry, fingerprint, json) in kept)
        {
            try
            {
                object? value = thing[..Math.Max(0, thing.IndexOf(' ', StringComparison.Ordinal))] switch
                {
                    "truck" => Read<TruckOutputs>(json),
                    "bin" => Read<BinAudit>(json),
                    "toilet" => Read<ToiletAudit>(json),
                    "station" => Read<StationAudit>(json),
                    "pond" => Read<PondAudit>(json),
                    "landfill" => Read<LandfillAudit>(json),
                    _ => null,
                };
                if (value is not null && JsonSerializer.Deserialize<KeptHealth>(json, KeptJson.Options)?.Health is { } health)
                {
                    _kept.TryAdd((date, thing), new Kept(registry, fingerprint, value, health));
                }
            }
            catch (Exception ex) when (ex is JsonException or NotSupportedException)
            {
                // Written by another version of the cloud: computed again.
            }
        }

        static T? Read<T>(byte[] json)
            where T : class => JsonSerializer.Deserialize<KeptRow<T>>(json, KeptJson.Options)?.Value;
    }

    private static byte[] Write(string thing, Kept kept) => kept.Value switch
    {
        TruckOutputs v => Row(v, kept),
        BinAudit v => Row(v, kept),
        ToiletAudit v => Row(v, kept),
        StationAudit v => Row(v, kept),
        PondAudit v => Row(v, kept),
        LandfillAudit v => Row(v, kept),
        _ => throw new InvalidOperationException($"no kept form for {thing}"),
    };

    private static byte[] Row<T>(T value, Kept kept) => JsonSerializer.SerializeToUtf8Bytes(new KeptRow<T>(value, kept.Health), KeptJson.Options);

    private void Evict()
    {
        var days = _kept.Keys.Select(k => k.Date).Distinct().OrderDescending().Skip(DaysKept).ToHashSet();
        foreach (var key in days.Count == 0 ? [] : _kept.Keys.Where(k => days.Contains(k.Date)).ToList())
        {
            _kept.TryRemove(key, out _);
        }

        foreach (var day in days)
        {
            _loaded.TryRemove(day, out _);
        }
    }

    /// <summary>One computation of one settled day: takes or computes each thing, noting what it computed.</summary>
    internal sealed class Run(KeptThings owner, DateOnly date, RegistrySnapshot snapshot, IReadOnlyDictionary<string, long> versions)
    {
        public DateOnly Date => date;

        public ConcurrentBag<(string Thing, Kept Kept)> Computed { get; } = [];

        /// <param name="reads">The registry kinds the thing's audit reads.</param>
        public async Task<T> OnceAsync<T>(string thing, IEnumerable<string> devices, string[] reads, HealthTracker health, Func<HealthTracker, Task<T>> compute)
            where T : class
        {
            ArgumentNullException.ThrowIfNull(health);
            ArgumentNullException.ThrowIfNull(compute);
            var fingerprint = devices.Sum(d => versions.GetValueOrDefault(d));
            var registry = owner._kinds.Of(snapshot, reads);
            if (owner._kept.TryGetValue((date, thing), out var kept) && kept.Value is T value && kept.Registry == registry && kept.Fingerprint == fingerprint)
            {
                foreach (var observation in kept.Health)
                {
                    health.Add(observation);
                }

                Interlocked.Increment(ref owner._reused);
                return value;
            }

            var record = new List<DeviceObservation>();
            var result = await compute(health.Recording(record));
            var made = new Kept(registry, fingerprint, result, record);
            owner._kept[(date, thing)] = made;
            Computed.Add((thing, made));
            return result;
        }
    }

    internal sealed record Kept(long Registry, long Fingerprint, object Value, IReadOnlyList<DeviceObservation> Health);

    private sealed record KeptRow<T>(T Value, IReadOnlyList<DeviceObservation> Health);

    private sealed record KeptHealth(IReadOnlyList<DeviceObservation> Health);
}
