using WasteIoT.Cloud.Checks.Evidence;
using WasteIoT.Cloud.Readings;
using WasteIoT.Contracts.Messages;

namespace WasteIoT.Cloud.Audit.Live;

/// <summary>What a device's rows of a day's window say, whatever the clock: its evidence is read off the fold at any moment.</summary>
/// <param name="BeforeEnd">The window's messages before the day's end (the day's and its look-back's).</param>
internal sealed record WindowFacts(long Version, DeviceObservation Health, EvidenceFold Evidence, bool HeardBefore, List<DeviceMessage> BeforeEnd)
{
    /// <param name="rows">The device's rows of the window, in store order.</param>
    /// <param name="messages">The same rows decoded.</param>
    /// <param name="before">Its last row before the day, when the rows do not reach before the day's start.</param>
    public static WindowFacts Of(string device, long version, IReadOnlyList<RowStamp> rows, List<DeviceMessage> messages, RowStamp? before, DayWindow day, TimeSpan maxSilence)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(day);
        var marks = messages.Select(m => new MessageMark(m.Boot, m.Seq, m.Ts, (m as DeviceHeartbeat)?.Dropped)).ToList();
        if (before is { } last)
        {
            marks.Insert(0, new MessageMark(last.Boot, last.Seq, last.Ts));
        }

        return new WindowFacts(
            version,
            HealthTracker.Observation(device, [.. rows.Where(r => r.Ts < day.End)], before, day.Start, day.End),
            EvidenceCoverage.Fold(device, marks, day.Start, day.End, maxSilence),
            before is not null || (rows.Count > 0 && rows[0].Ts < day.Start),
            [.. messages.Where(m => m.Ts < day.End)]);
    }
}
