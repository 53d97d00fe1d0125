using WasteIoT.Cloud.Checks.Roads;

namespace WasteIoT.Cloud.Tests.Checks;

/// <summary>The grid over the centre lines finds exactly what projecting onto every edge of every segment finds.</summary>
public sealed class RoadNetworkTests
{
    private const double Lat0 = 30.0;
    private const double Lon0 = 120.0;
    private static readonly double DegreesPerMetreEast = 1 / (111_320.0 * Math.Cos(Lat0 * Math.PI / 180));

    [Theory]
    [InlineData(1, 15)]
    [InlineData(2, 50)]
    [InlineData(3, 5)]
    public void MatchAndNearestAgreeWithEveryEdgeProjected(int seed, double toleranceM)
    {
        var random = new Random(seed);
        // Forty segments of 2 to 12 points wandering across a 3 km square, edges of 5 to 400 m at any angle.
        var paths = new List<IReadOnlyList<RoadPoint>>();
        for (var s = 0; s < 40; s++)
        {
            var (north, east) = (random.NextDouble() * 3_000, random.NextDouble() * 3_000);
            var path = new List<RoadPoint> { Point(north, east) };
            for (var p = 1 + random.Next(11); p > 0; p--)
            {
                var (length, angle) = (5 + (random.NextDouble() * 395), random.NextDouble() * 2 * Math.PI);
                (north, east) = (north + (length * Math.Cos(angle)), east + (length * Math.Sin(angle)));
                path.Add(Point(north, east));
            }

            paths.Add(path);
        }

        var network = new RoadNetwork(paths, toleranceM);
        var lines = paths.Select(p => new CentreLine(p)).ToArray();
        var matches = new List<RoadMatch>();
        for (var i = 0; i < 3_000; i++)
        {
            // Half the positions close to a line, where matching is decided.
            var (north, east) = (random.NextDouble() * 3_000, random.NextDouble() * 3_000);
            if (i % 2 == 0)
            {
                var path = paths[random.Next(paths.Count)];
                var vertex = path[random.Next(path.Count)];
                (north, east) = (((vertex.Lat - Lat0) * 111_320.0) + ((random.NextDouble() - 0.5) * 4 * toleranceM), ((vertex.Lon - Lon0) / DegreesPerMetreEast) + ((random.NextDouble() - 0.5) * 4 * toleranceM));
            }

            var (lat, lon) = (Lat0 + (north / 111_320.0), Lon0 + (east * DegreesPerMetreEast));
            var brute = lines.Select((line, s) => (Segment: s, Across: Enumerable.Range(1, paths[s].Count - 1).Min(e => line.ProjectOnEdge(e, lat, lon).Across))).ToList();

            network.Match(lat, lon, matches);
            var expected = brute.Where(b => b.Across <= toleranceM).Select(b => b.Segment).Order().ToList();
            Assert.Equal(expected, matches.Select(m => m.Segment).Order().ToList());
            foreach (var match in matches)
            {
                Assert.Equal(brute[match.Segment].Across, match.Across, 6);
            }

            var nearest = brute.Min(b => b.Across);
            var found = network.NearestM(lat, lon, 5_000);
            Assert.Equal(nearest, found, 6);
        }
    }

    private static RoadPoint Point(double north, double east) => new(Lat0 + (north / 111_320.0), Lon0 + (east * DegreesPerMetreEast));
}
