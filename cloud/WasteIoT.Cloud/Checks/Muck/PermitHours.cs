namespace WasteIoT.Cloud.Checks.Muck;

/// <summary>Approved hours in county time; <see cref="To"/> at or before <see cref="From"/> runs over midnight (a night permit, 22:00–05:00).</summary>
public sealed record PermitHours(TimeOnly From, TimeOnly To)
{
    public bool Overnight => To <= From;

    /// <summary>The spans of one local day these hours cover, given how a county time on that day becomes an instant (and the day's end).</summary>
    public IEnumerable<MuckHours> On(Func<TimeOnly, DateTimeOffset> at, DateTimeOffset dayEnd)
    {
        ArgumentNullException.ThrowIfNull(at);
        if (!Overnight)
        {
            yield return new MuckHours(at(From), at(To));
            yield break;
        }

        if (To > TimeOnly.MinValue)
        {
            yield return new MuckHours(at(TimeOnly.MinValue), at(To));
        }

        yield return new MuckHours(at(From), dayEnd);
    }
}
