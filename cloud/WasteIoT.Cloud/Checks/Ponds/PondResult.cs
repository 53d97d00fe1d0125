namespace WasteIoT.Cloud.Checks.Ponds;

/// <param name="InflowM3PerDay">Net inflow over the window, m³/day (negative when the pond is being drawn down).</param>
/// <param name="DaysToAlarm">At the current inflow, days until the alarm volume; null when not rising.</param>
public sealed record PondResult(string Pond, double? VolumeM3, bool Alarm, double? InflowM3PerDay, double? DaysToAlarm, DateTimeOffset? At);
