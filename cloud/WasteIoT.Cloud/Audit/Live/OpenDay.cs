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
    private long _wholeReads;

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
        }
    }

    private sealed class Slot<T>
        where T : class
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public T? Value { get; set; }
    }
}
