namespace WasteIoT.Cloud.Checks.Muck;

/// <summary>An approved site (a construction site a muck truck loads at, a disposal site it may tip at) as a circle (WGS-84, metres).</summary>
public sealed record Geofence(double Lat, double Lon, double RadiusM)
{
    /// <summary>How far outside the fence a position lies (negative inside).</summary>
    public double OutsideM(double lat, double lon) => Geo.DistanceM(Lat, Lon, lat, lon) - RadiusM;
}
