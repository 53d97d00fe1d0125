namespace WasteIoT.Cloud.Checks.Ponds;

/// <summary>A pond's surveyed stage (m) → volume (m³) table, interpolated linearly between survey points.</summary>
public sealed class StageVolumeTable
{
    private readonly (double Stage, double Volume)[] _points;

    public StageVolumeTable(IEnumerable<(double Stage, double Volume)> points)
    {
        _points = [.. points.OrderBy(p => p.Stage)];
        if (_points.Length < 2)
        {
            throw new ArgumentException("a stage–volume table needs at least two points", nameof(points));
        }

        for (var i = 1; i < _points.Length; i++)
        {
            if (_points[i].Stage == _points[i - 1].Stage || _points[i].Volume < _points[i - 1].Volume)
            {
                throw new ArgumentException("stages must be distinct and volumes must not fall as the stage rises", nameof(points));
            }
        }
    }

    /// <summary>Volume at a stage; beyond the table the end segments are extended.</summary>
    public double VolumeAt(double stage)
    {
        var i = 1;
        while (i < _points.Length - 1 && stage > _points[i].Stage)
        {
            i++;
        }

        var (s0, v0) = _points[i - 1];
        var (s1, v1) = _points[i];
        return Math.Max(0, v0 + ((stage - s0) / (s1 - s0) * (v1 - v0)));
    }
}
