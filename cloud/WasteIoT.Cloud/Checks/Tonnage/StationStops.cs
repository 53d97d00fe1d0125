using WasteIoT.Cloud.Checks.SealedTransport;

namespace WasteIoT.Cloud.Checks.Tonnage;

/// <summary>
/// Where a truck stood at a weighed station: a run of consecutive fixes within <see cref="TonnageRules.StationRadiusM"/>
/// of it lasting at least <see cref="TonnageRules.MinStationStop"/> (driving past the gate is not a visit). Fixes
/// further apart than the dead-zone gap end a run: what happened unheard is not claimed.
/// </summary>
public static class StationStops
{
    public static List<StationStop> Find(string truck, IReadOnlyList<PositionFix> fixes, IReadOnlyList<StationPlace> stations, TonnageRules rules)
    {
        ArgumentNullException.ThrowIfNull(fixes);
        ArgumentNullException.ThrowIfNull(stations);
        ArgumentNullException.ThrowIfNull(rules);
        var stops = new List<StationStop>();
        if (stations.Count == 0)
        {
            return stops;
        }

        string? at = null;
        DateTimeOffset from = default, last = default;
        void Close()
        {
            if (at is not null && last - from >= rules.MinStationStop)
            {
                stops.Add(new StationStop(truck, at, from, last));
            }

            at = null;
        }

        foreach (var fix in fixes)
        {
            var here = stations.FirstOrDefault(s => Geo.DistanceM(s.Lat, s.Lon, fix.Lat, fix.Lon) <= rules.StationRadiusM)?.Station;
            if (at is not null && (here != at || fix.Ts - last > rules.MaxFixGap))
            {
                Close();
            }

            if (here is not null)
            {
                if (at is null)
                {
                    (at, from) = (here, fix.Ts);
                }

                last = fix.Ts;
            }
        }

        Close();
        return stops;
    }
}
