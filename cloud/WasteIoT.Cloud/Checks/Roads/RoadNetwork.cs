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
        // Samples along an edge are at most half a cell apart, so every point of it is within a quarter cell of one:
        // a position within the tolerance of the edge is then within this reach of a sample, in a registered cell.
        var reach = toleranceM + (CellM / 4) + 1;
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

            var known = -1;
            for (var i = 0; i < into.Count && known < 0; i++)
            {
                known = into[i].Segment == segment ? i : -1;
            }

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

    /// <summary>
    /// The distance from a position to the nearest centre line, searched ring by ring of cells outwards: once the best
    /// found is no further than the rings searched, nothing in a further ring can be nearer. Beyond
    /// <paramref name="withinM"/> (plus a cell) it gives up and answers infinity.
    /// </summary>
    public double NearestM(double lat, double lon, double withinM)
    {
        var (x, y) = Global(lat, lon);
        var (cx, cy) = (Cell(x), Cell(y));
        var best = double.PositiveInfinity;
        for (var ring = 0L; ring * CellM <= withinM + CellM; ring++)
        {
            for (var dx = -ring; dx <= ring; dx++)
            {
                var step = Math.Abs(dx) == ring ? 1 : 2 * ring;
                for (var dy = -ring; dy <= ring; dy += Math.Max(1, step))
                {
                    if (_cells.TryGetValue(Key(cx + dx, cy + dy), out var edges))
                    {
                        foreach (var (segment, edge) in edges)
                        {
                            best = Math.Min(best, _lines[segment].ProjectOnEdge(edge, lat, lon).Across);
                        }
                    }
                }
            }

            if (best <= ring * CellM)
            {
                break;
            }
        }

        return best;
    }

    private (double X, double Y) Global(double lat, double lon) => ((lon - _lon0) * 111_320.0 * _cosLat, (lat - _lat0) * 111_320.0);

    private static long Cell(double metres) => (long)Math.Floor(metres / CellM);

    private static long Key(long cx, long cy) => (cx << 32) ^ (cy & 0xFFFF_FFFF);
}
