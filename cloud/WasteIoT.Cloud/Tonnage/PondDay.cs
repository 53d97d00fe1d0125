namespace WasteIoT.Cloud.Tonnage;

/// <summary>One day of a leachate pond's balance: its volume at the day's last reading, the net inflow, what was treated and what arrived.</summary>
public sealed record PondDay(DateOnly Date, double? VolumeM3, double? NetInflowM3PerDay, double? TreatedM3, double? GrossInflowM3PerDay, bool Alarm);
