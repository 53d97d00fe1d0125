using System.Globalization;
using WasteIoT.Cloud.Checks.Muck;
using WasteIoT.Cloud.Checks.Roads;

namespace WasteIoT.Cloud.Registry;

/// <summary>Geometry in a CSV cell: points as <c>lat:lon</c>, circles as <c>lat:lon:radiusM</c>, separated by <c>;</c>.</summary>
internal static class PathCells
{
    public static List<RoadPoint> Points(CsvRow row, IEnumerable<string> items, string column)
    {
        var path = new List<RoadPoint>();
        foreach (var pair in items)
        {
            var parts = pair.Split(':');
            if (parts.Length == 2 && TryNumber(parts[0], out var lat) && TryNumber(parts[1], out var lon))
            {
                path.Add(new RoadPoint(lat, lon));
            }
            else
            {
                row.Errors.Add($"{column} point '{pair}' is not lat:lon");
            }
        }

        return path;
    }

    public static List<Geofence> Circles(CsvRow row, string column, bool required)
    {
        var fences = new List<Geofence>();
        foreach (var item in row.List(column, required))
        {
            var parts = item.Split(':');
            if (parts.Length == 3 && TryNumber(parts[0], out var lat) && TryNumber(parts[1], out var lon) && TryNumber(parts[2], out var radius))
            {
                fences.Add(new Geofence(lat, lon, radius));
            }
            else
            {
                row.Errors.Add($"{column} '{item}' is not lat:lon:radiusM");
            }
        }

        return fences;
    }

    public static string Format(IEnumerable<RoadPoint> points) => string.Join(';', points.Select(p => Number(p.Lat) + ":" + Number(p.Lon)));

    public static string Format(IEnumerable<Geofence> fences) => string.Join(';', fences.Select(g => Number(g.Lat) + ":" + Number(g.Lon) + ":" + Number(g.RadiusM)));

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
