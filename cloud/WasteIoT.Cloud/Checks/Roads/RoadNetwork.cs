namespace WasteIoT.Cloud.Checks.Roads;

/// <summary>
/// The county's road centre lines with a grid over their edges, so a fix is projected only onto the few edges near
/// it: a county day (tens of vehicles, a fix a second, thousands of segments) would otherwise cost every fix against
/// every segment.
/// </summary>
public sealed class RoadNetwork
{
    private const double CellM = 100;
    private readonly CentreLine[] _lines;
    private readonly double _lat0;
    private readonly double _lon0;
    private readonly double _cosLat;
    private readonly double _toleranceM;
    private readonly Dictionary<long, (int Segment, int Edge)[]> _cells;

    public RoadNetwork(IReadOnlyList<IReadOnlyList<RoadPoint>> paths, double toleranceM)
    {
        ArgumentNullException.ThrowIfNull(paths);
        _toleranceM = toleranceM;
        _lines = [.. paths.Select(p => new CentreLine(p))];
        var first = paths.FirstOrDefault(p => p.Count > 0)?[0] ?? new RoadPoint(0, 0);
        (_lat0, _lon0, _cosLat) = (first.Lat, first.Lon, Math.Cos(first.Lat * Math.PI / 180));
        var cells = new Dictionary<long, List<(int, int)>>();
        var reach = toleranceM + 1;
        for (var s = 0; s < paths.Count; s++)
        {
            var path = paths[s];
            for (var e = 1; e < path.Count; e++)
            {
                var (ax, ay) = Global(path[e - 1].Lat, path[e - 1].Lon);
                var (bx, by) = Global(path[e].Lat, path[e].Lon);
                var steps = (int)Math.Ceiling(Math.Sqrt(((bx - ax) * (bx - ax)) + ((by - ay) * (by - ay))) / (CellM / 2));
                var seen = new HashSet<long>();
                for (var i = 0; i <= steps; i++)
                {
                    var t = steps == 0 ? 0 : (double)i / steps;
                    var (x, y) = (ax + (t * (bx - ax)), ay + (t * (by - ay)));
                    for (var cx = Cell(x - reach); cx <= Cell(x + reach); cx++)
                    {
                        for (var cy = Cell(y - reach); cy <= Cell(y + reach); cy++)
                        {
                            var key = Key(cx, cy);
                            if (seen.Add(key))
                            {
                                if (!cells.TryGetValue(key, out var list))
                                {
                                    cells[key] = list = [];
                                }

                                list.Add((s, e));
                            }
                        }
                    }
                }
            }
        }

        _cells = cells.ToDictionary(c => c.Key, c => c.Value.ToArray());
    }

    public int Count => _lines.Length;

    public double LengthM(int segment) => _lines[segment].LengthM;

    /// <summary>The segments within the tolerance of a position, each once with its distance across and chainage along.</summary>
    public void Match(double lat, double lon, List<RoadMatch> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        into.Clear();
        var (x, y) = Global(lat, lon);
        if (!_cells.TryGetValue(Key(Cell(x), Cell(y)), out var edges))
        {
            return;
        }

        foreach (var (segment, edge) in edges)
        {
            var (across, chainage) = _lines[segment].ProjectOnEdge(edge, lat, lon);
            if (across > _toleranceM)
            {
                continue;
            }

            var known = into.FindIndex(m => m.Segment == segment);
            if (known < 0)
            {
                into.Add(new RoadMatch(segment, across, chainage));
            }
            else if (across < into[known].Across)
            {
                into[known] = new RoadMatch(segment, across, chainage);
            }
        }
    }

    /// <summary>The distance from a segment's centre line however far away (every edge: for the rare position off the grid's reach).</summary>
    public double DistanceM(int segment, double lat, double lon)
    {
        var line = _lines[segment];
        var best = double.PositiveInfinity;
        for (var edge = 1; edge < line.Points; edge++)
        {
            best = Math.Min(best, line.ProjectOnEdge(edge, lat, lon).Across);
        }

        return best;
    }

    private (double X, double Y) Global(double lat, double lon) => ((lon - _lon0) * 111_320.0 * _cosLat, (lat - _lat0) * 111_320.0);

    private static long Cell(double metres) => (long)Math.Floor(metres / CellM);

    private static long Key(long cx, long cy) => (cx << 32) ^ (cy & 0xFFFF_FFFF);
}
