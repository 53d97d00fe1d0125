namespace WasteIoT.Cloud.Checks.Roads;

/// <summary>A work vehicle's fix with whether the equipment for the task was running at that moment.</summary>
public readonly record struct WorkFix(DateTimeOffset Ts, double Lat, double Lon, double SpeedKmh, bool EquipmentOn);
