namespace WasteIoT.Firmware.Core.Tests.Gnss;

/// <summary>A gpsd TPV report: time, position, speed (m/s) and track.</summary>
internal sealed record GpsdFix(DateTimeOffset Time, double Lat, double Lon, double? Speed, double? Track);
