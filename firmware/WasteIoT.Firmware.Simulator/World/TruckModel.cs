using WasteIoT.Firmware.Simulator.Fleet;

namespace WasteIoT.Firmware.Simulator.World;

/// <summary>
/// A truck's day: leaves the depot, drives straight between households at its cruising speed, stops at
/// each (cover opened, tag scanned, bin tipped, cover closed), and returns. Faults change what the crew does.
/// </summary>
internal sealed class TruckModel
{
    private readonly TruckDefinition _definition;
    private readonly List<(double Lat, double Lon, HouseholdStop? Stop)> _legs = [];
    private readonly HashSet<string> _skip;
    private readonly HashSet<string> _notTipped;
    private readonly int _coverLeftOpenAfterStop;
    private int _leg;
    private long _phaseStartedAt;
    private bool _atStop;
    private bool _scanned;
    private int _stopsDone;
    private bool _tipping;

    public TruckModel(TruckDefinition definition, SimulationTime time, IEnumerable<FaultDefinition> faults)
    {
        _definition = definition;
        Lat = definition.DepotLat;
        Lon = definition.DepotLon;
        var mine = faults.Where(f => f.Device == definition.Device).ToList();
        _skip = mine.Where(f => f.Type == FaultTypes.SkipHousehold && f.Household is not null).Select(f => f.Household!).ToHashSet(StringComparer.Ordinal);
        _notTipped = mine.Where(f => f.Type == FaultTypes.BinNotTipped && f.Household is not null).Select(f => f.Household!).ToHashSet(StringComparer.Ordinal);
        _coverLeftOpenAfterStop = mine.FirstOrDefault(f => f.Type == FaultTypes.CoverOpenWhileDriving)?.AfterStop ?? -1;
        foreach (var stop in definition.Households)
        {
            _legs.Add((stop.Lat, stop.Lon, _skip.Contains(stop.Household) ? null : stop));
        }

        _legs.Add((definition.DepotLat, definition.DepotLon, null));
        DepartAt = time.At(definition.DepartAt);
        _phaseStartedAt = DepartAt;
    }

    public long DepartAt { get; }

    public double Lat { get; private set; }

    public double Lon { get; private set; }

    public double SpeedKmh { get; private set; }

    public double Heading { get; private set; }

    public bool CoverOpen { get; private set; }

    /// <summary>
    /// A work vehicle's equipment runs while it drives between its points and stops when it halts; a muck truck's
    /// body is up from 6 s into a stop marked to tip until 6 s before it leaves.
    /// </summary>
    public bool EquipmentRunning => _definition.Equipment == "tipper" ? _tipping : _definition.Equipment is not null && SpeedKmh > 0;

    public bool Finished => _leg >= _legs.Count;

    /// <summary>Households stopped at so far.</summary>
    public int StopsDone => _stopsDone;

    /// <summary>The tag read at this step, if any.</summary>
    public string? TagRead { get; private set; }

    /// <summary>The bin tipped at this step, if any.</summary>
    public string? BinEmptied { get; private set; }

    public void Update(SimulationTime time, long stepMs)
    {
        TagRead = null;
        BinEmptied = null;
        if (time.NowMs < DepartAt || Finished)
        {
            SpeedKmh = 0;
            return;
        }

        var (lat, lon, stop) = _legs[_leg];
        if (_atStop)
        {
            Stop(time, stop!);
            return;
        }

        var stepM = _definition.SpeedKmh / 3.6 * stepMs / 1000.0;
        var (north, east) = Offset(Lat, Lon, lat, lon);
        var remaining = Math.Sqrt((north * north) + (east * east));
        if (remaining <= stepM)
        {
            Lat = lat;
            Lon = lon;
            SpeedKmh = 0;
            if (stop is null)
            {
                _leg++;
                return;
            }

            _atStop = true;
            _scanned = false;
            _phaseStartedAt = time.NowMs;
            return;
        }

        Heading = (Math.Atan2(east, north) * 180 / Math.PI + 360) % 360;
        SpeedKmh = _definition.SpeedKmh;
        Lat += north / remaining * stepM / 111_320.0;
        Lon += east / remaining * stepM / (111_320.0 * Math.Cos(Lat * Math.PI / 180));
    }

    private void Stop(SimulationTime time, HouseholdStop stop)
    {
        SpeedKmh = 0;
        var elapsed = time.NowMs - _phaseStartedAt;
        CoverOpen = elapsed >= 3_000 && elapsed < (_definition.StopSeconds - 4) * 1000L;
        _tipping = stop.Tip && elapsed >= 6_000 && elapsed < (_definition.StopSeconds - 6) * 1000L;
        if (!_scanned && elapsed >= 6_000)
        {
            _scanned = true;
            TagRead = stop.Tag.Length > 0 ? stop.Tag : null;
            BinEmptied = _notTipped.Contains(stop.Household) ? null : stop.Bin;
        }

        if (elapsed >= _definition.StopSeconds * 1000L)
        {
            _atStop = false;
            _tipping = false;
            _stopsDone++;
            _leg++;
            CoverOpen = _stopsDone == _coverLeftOpenAfterStop;
        }
    }

    private static (double North, double East) Offset(double lat1, double lon1, double lat2, double lon2) =>
        ((lat2 - lat1) * 111_320.0, (lon2 - lon1) * 111_320.0 * Math.Cos(lat1 * Math.PI / 180));
}
