namespace WasteIoT.Cloud.Checks.Ponds;

/// <param name="InflowM3PerDay">Net inflow over the window, m³/day (negative when the pond is being drawn down).</param>
/// <param name="DaysToAlarm">At the current inflow, days until the alarm volume; null when not rising.</param>
public sealed record PondResult(string Pond, double? VolumeM3, bool Alarm, double? InflowM3PerDay, double? DaysToAlarm, DateTimeOffset? At)
{
    /// <summary>Treated by the pond's treatment unit during the day, m³ (null without a treatment unit).</summary>
    public double? TreatedM3 { get; init; }

    /// <summary>Leachate arriving, m³/day: the net inflow plus what was treated over the same days.</summary>
    public double? GrossInflowM3PerDay { get; init; }

    /// <summary>The day's last effluent readings, mg/L.</summary>
    public double? EffluentCod { get; init; }

    public double? EffluentNh3n { get; init; }

    /// <summary>Every reading of the day over a limit (<see cref="LeachateRules"/>: GB 16889 table 2 by default).</summary>
    public IReadOnlyList<EffluentSample> EffluentExceedances { get; init; } = [];

    public bool EffluentOverLimit => EffluentExceedances.Count > 0;
}
