namespace WasteIoT.Cloud.Checks;

/// <summary>Great-circle distance (haversine, WGS-84 mean radius).</summary>
public static class Geo
{
    private const double EarthRadiusM = 6_371_008.8;

    public static double DistanceM(double lat1, double lon1, double lat2, double lon2)
    {
        var r = Math.PI / 180;
        var a = Math.Pow(Math.Sin((lat2 - lat1) * r / 2), 2) + (Math.Cos(lat1 * r) * Math.Cos(lat2 * r) * Math.Pow(Math.Sin((lon2 - lon1) * r / 2), 2));
        return 2 * EarthRadiusM * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
