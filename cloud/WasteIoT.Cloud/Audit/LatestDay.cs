using WasteIoT.Cloud.Store;

namespace WasteIoT.Cloud.Audit;

/// <summary>
/// The day the pages open on: the county-local day of the newest reading stored, or today when nothing is stored yet
/// (<see cref="HasData"/> false). A day whose data so far ends before <see cref="ServiceStarts"/> is the tail of the
/// night before (a demo replayed to just past midnight, a live county at 00:30): the day before opens instead.
/// </summary>
public sealed record LatestDay(DateOnly Date, bool HasData, DateTimeOffset? Newest)
{
    /// <summary>The default start of service hours (routes' <c>starts</c>).</summary>
    public static readonly TimeOnly ServiceStarts = new(6, 0);

    public static async Task<LatestDay> FindAsync(IReadingStore store, TimeZoneInfo zone, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(zone);

        // A device's clock ahead of the county's is not tomorrow's data.
        var newest = await store.NewestAsync(now.AddMinutes(1), cancellationToken);
        if (newest is not { } at)
        {
            return new LatestDay(Local(now, zone), false, null);
        }

        var local = TimeZoneInfo.ConvertTime(at, zone);
        var day = DateOnly.FromDateTime(local.DateTime);
        if (TimeOnly.FromDateTime(local.DateTime) < ServiceStarts)
        {
            var midnight = new DateTimeOffset(local.Date, local.Offset);
            if (await store.NewestAsync(midnight, cancellationToken) is { } before)
            {
                day = Local(before, zone);
            }
        }

        return new LatestDay(day, true, at);
    }

    private static DateOnly Local(DateTimeOffset at, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
}
