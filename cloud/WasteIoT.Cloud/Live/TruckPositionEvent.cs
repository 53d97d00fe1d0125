namespace WasteIoT.Cloud.Live;

/// <summary>A truck's position as pushed to the live map (WGS-84; the page converts for its tiles).</summary>
public sealed record TruckPositionEvent(string Truck, string Contractor, string Device, DateTimeOffset Ts, double Lat, double Lon, double Speed, double? Heading, CargoCover Cover);
