using System.ComponentModel.DataAnnotations;

namespace WasteIoT.Cloud.Cases;

/// <summary>The <c>Cloud:Cases</c> section.</summary>
public sealed class CaseOptions
{
    public const string Section = "Cloud:Cases";

    /// <summary>How often the day's checks are scanned for new violations.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Findings that need the whole day (missed households, bins not cleared, too few cleanings, no disinfection)
    /// are filed this long after the day ends, so data still draining from a dead zone has time to arrive.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "2.00:00:00")]
    public TimeSpan CloseDayAfter { get; set; } = TimeSpan.FromHours(2);

    /// <summary>
    /// A past day is scanned only once no data of it has arrived for this long: while a truck's backlog drains, its
    /// route would look half-missed.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan SettleAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many closed days back are scanned again (late data can still reveal a violation).</summary>
    [Range(0, 31)]
    public int ClosedDaysScanned { get; set; } = 2;

    /// <summary>A case must be resolved within this time of filing to be on time.</summary>
    [Range(typeof(TimeSpan), "00:10:00", "30.00:00:00")]
    public TimeSpan DueWithin { get; set; } = TimeSpan.FromHours(24);
}
