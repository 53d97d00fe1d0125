namespace WasteIoT.Cloud.Checks.Ponds;

/// <summary>
/// Leachate pond: volume from the latest stage reading through the stage–volume table; alarm at
/// <c>alarmVolume</c> (10,000 m³ by default: where the emergency DTRO unit must start), and the days left at the
/// inflow seen over the readings given (first and last good reading).
/// </summary>
public static class LeachatePondCheck
{
    public const double DefaultAlarmVolumeM3 = 10_000;

    public static PondResult Evaluate(string pond, StageVolumeTable table, IEnumerable<(DateTimeOffset Ts, double? StageM)> readings, double alarmVolumeM3 = DefaultAlarmVolumeM3)
    {
        ArgumentNullException.ThrowIfNull(table);
        var good = readings.Where(r => r.StageM is not null).OrderBy(r => r.Ts).ToList();
        if (good.Count == 0)
        {
            return new PondResult(pond, null, false, null, null, null);
        }

        var last = good[^1];
        var volume = table.VolumeAt(last.StageM!.Value);
        double? inflow = null;
        double? daysLeft = null;
        if (good.Count >= 2 && (last.Ts - good[0].Ts).TotalHours >= 1)
        {
            inflow = (volume - table.VolumeAt(good[0].StageM!.Value)) / (last.Ts - good[0].Ts).TotalDays;
            if (inflow > 0 && volume < alarmVolumeM3)
            {
                daysLeft = (alarmVolumeM3 - volume) / inflow;
            }
        }

        return new PondResult(pond, volume, volume >= alarmVolumeM3, inflow, volume >= alarmVolumeM3 ? 0 : daysLeft, last.Ts);
    }
}
