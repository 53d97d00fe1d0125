namespace WasteIoT.Cloud.Checks.Evidence;

/// <summary>
/// <see cref="EvidenceCoverage"/> kept open: a device's messages are added in number order, each costing only itself,
/// and the evidence up to any moment is read off without closing the fold — so a live day is not measured again from
/// its first message at every refresh. A message numbered before the last one added cannot be taken (the caller
/// measures again from all of them: numbering is the order the outages are judged in).
/// </summary>
public sealed class EvidenceFold(string device, DateTimeOffset from, DateTimeOffset to, TimeSpan maxSilence)
{
    private readonly List<EvidenceSpan> _heard = [];
    private readonly List<Outage> _outages = [];
    private MessageMark? _previous;
    private DateTimeOffset _first = DateTimeOffset.MaxValue;
    private DateTimeOffset _last = DateTimeOffset.MinValue;
    private DateTimeOffset? _lastHeard;
    private long _dropped;
    private long? _previousDropped;

    /// <summary>What the fold holds, to be written down and taken up again (after a restart) by <see cref="Restore"/>.</summary>
    public State Save() => new(device, from, to, maxSilence, [.. _heard], [.. _outages], _previous, _first, _last, _lastHeard, _dropped, _previousDropped);

    public static EvidenceFold Restore(State state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var fold = new EvidenceFold(state.Device, state.From, state.To, state.MaxSilence)
        {
            _previous = state.Previous,
            _first = state.First,
            _last = state.Last,
            _lastHeard = state.LastHeard,
            _dropped = state.Dropped,
            _previousDropped = state.PreviousDropped,
        };
        fold._heard.AddRange(state.Heard);
        fold._outages.AddRange(state.Outages);
        return fold;
    }

    /// <summary>Adds the next message by numbering; false (and nothing added) when it is not after the last one.</summary>
    public bool TryAdd(MessageMark mark)
    {
        if (_previous is { } p && !(mark.Boot > p.Boot || (mark.Boot == p.Boot && mark.Seq > p.Seq)))
        {
            return false;
        }

        Step(mark);
        return true;
    }

    /// <summary>Adds the next point of a sequence already in number order (and free of repeats).</summary>
    internal void Step(MessageMark b)
    {
        if (_previous is { } a)
        {
            var start = a.Ts < b.Ts ? a.Ts : b.Ts;
            var stop = a.Ts < b.Ts ? b.Ts : a.Ts;
            var contiguous = b.Boot == a.Boot ? b.Seq == a.Seq + 1 : b.Seq == 1;
            if (!contiguous)
            {
                _outages.Add(new Outage(device, start, stop, OutageReason.Lost));
            }
            else if (stop - start > maxSilence)
            {
                _outages.Add(new Outage(device, start, stop, OutageReason.Silent));
            }
            else if (_heard.Count > 0 && start <= _heard[^1].To && start >= _heard[^1].From)
            {
                // The common case, a device talking at its cadence: extend the span rather than keep thousands of them.
                if (stop > _heard[^1].To)
                {
                    _heard[^1] = _heard[^1] with { To = stop };
                }
            }
            else
            {
                _heard.Add(new EvidenceSpan(start, stop));
            }
        }

        _previous = b;
        _first = b.Ts < _first ? b.Ts : _first;
        _last = b.Ts > _last ? b.Ts : _last;
        if (b.Ts < to && (_lastHeard is null || b.Ts > _lastHeard))
        {
            _lastHeard = b.Ts;
        }

        // Ring evictions counted by the heartbeats: the rise of the counter within each boot's reports.
        if (b.Ts >= from && b.Ts < to && b.Dropped is { } dropped)
        {
            if (_previousDropped is { } pd && dropped > pd)
            {
                _dropped += dropped - pd;
            }

            _previousDropped = dropped;
        }
    }

    /// <param name="heardBefore">Whether the device sent anything before the range, ever (else its first message puts it in service).</param>
    /// <param name="now">Time not yet lived is neither heard nor silent; a device not yet overdue is still heard up to now.</param>
    public DeviceEvidence Result(bool heardBefore, DateTimeOffset now)
    {
        if (_previous is null)
        {
            return new DeviceEvidence(device, null, [], [], 0, null);
        }

        var end = now < to ? now : to;
        var heard = new List<EvidenceSpan>(_heard);
        var outages = new List<Outage>(_outages);
        if (_last < end)
        {
            // Not overdue yet: its next message may simply not be due (or is on its way through a dead zone).
            if (now - _last <= maxSilence)
            {
                heard.Add(new EvidenceSpan(_last, end));
            }
            else
            {
                outages.Add(new Outage(device, _last, end, OutageReason.Silent));
            }
        }

        DateTimeOffset? inService = !heardBefore && _first > from ? _first : null;
        return new DeviceEvidence(
            device,
            inService,
            Spans.Clip(Spans.Merge(heard), from, end),
            [.. outages.Select(o => o.From < from || o.To > end ? o with { From = o.From < from ? from : o.From, To = o.To > end ? end : o.To } : o).Where(o => o.To > o.From)],
            _dropped,
            _lastHeard);
    }

    /// <summary>An <see cref="EvidenceFold"/> written down.</summary>
    public sealed record State(string Device, DateTimeOffset From, DateTimeOffset To, TimeSpan MaxSilence, List<EvidenceSpan> Heard, List<Outage> Outages,
        MessageMark? Previous, DateTimeOffset First, DateTimeOffset Last, DateTimeOffset? LastHeard, long Dropped, long? PreviousDropped);
}
