
namespace WasteIoT.Cloud.Readings;

/// <summary>A local calendar day in the county's time zone, as instants.</summary>
public sealed record DayWindow(DateOnly Date, DateTimeOffset Start, DateTimeOffset End)
{
    public static DayWindow For(DateOnly date, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var start = date.ToDateTime(TimeOnly.MinValue);
        var end = date.AddDays(1).ToDateTime(TimeOnly.MinValue);
        return new DayWindow(date, new DateTimeOffset(start, zone.GetUtcOffset(start)), new DateTimeOffset(end, zone.GetUtcOffset(end)));
    }
}
