namespace WasteIoT.Cloud.Checks.Roads;

/// <summary>A segment's centre line in local metres (equirectangular about its first point: exact enough over a 50 km segment's width).</summary>
internal sealed class CentreLine
{
    private readonly double _lat0;
    private readonly double _lon0;
    private readonly double _cosLat;
    private readonly (double X, double Y)[] _points;
    private readonly double[] _chainage;

    public CentreLine(IReadOnlyList<RoadPoint> path)
    {
        var origin = path.Count > 0 ? path[0] : new RoadPoint(0, 0);
        (_lat0, _lon0, _cosLat) = (origin.Lat, origin.Lon, Math.Cos(origin.Lat * Math.PI / 180));
        _points = [.. path.Select(p => Local(p.Lat, p.Lon))];
        _chainage = new double[Math.Max(1, _points.Length)];
        for (var i = 1; i < _points.Length; i++)
        {
            _chainage[i] = _chainage[i - 1] + Distance(_points[i - 1], _points[i]);
        }
    }

    public double LengthM => _chainage[^1];

    /// <summary>Distance from edge <paramref name="edge"/> (from vertex edge − 1 to vertex edge) and the chainage of the nearest point on it.</summary>
    public (double Across, double Chainage) ProjectOnEdge(int edge, double lat, double lon)
    {
        var p = Local(lat, lon);
        var (a, b) = (_points[edge - 1], _points[edge]);
        var (dx, dy) = (b.X - a.X, b.Y - a.Y);
        var lengthSquared = (dx * dx) + (dy * dy);
        var t = lengthSquared == 0 ? 0 : Math.Clamp((((p.X - a.X) * dx) + ((p.Y - a.Y) * dy)) / lengthSquared, 0, 1);
        var foot = (X: a.X + (t * dx), Y: a.Y + (t * dy));
        return (Distance(p, foot), _chainage[edge - 1] + (t * Math.Sqrt(lengthSquared)));
    }

    private (double X, double Y) Local(double lat, double lon) =>
        ((lon - _lon0) * 111_320.0 * _cosLat, (lat - _lat0) * 111_320.0);

    private static double Distance((double X, double Y) a, (double X, double Y) b) =>
        Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));
}
