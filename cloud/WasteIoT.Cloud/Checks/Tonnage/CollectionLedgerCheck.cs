namespace WasteIoT.Cloud.Checks.Tonnage;

/// <summary>
/// Tonnes collected per truck from the weighed stations' visits (collection trucks' deliveries), with two cross-checks:
/// a stop at a weighed station with no weighing of that truck there within <see cref="TonnageRules.WeighingNearStop"/>,
/// and a delivery whose net is over the truck's rated load.
/// </summary>
public static class CollectionLedgerCheck
{
    /// <param name="visits">Every station's identified visits, with the station they were weighed at.</param>
    /// <param name="trucks">Collection trucks: id, contractor, rated load (kg; null when not registered), the route it served that day.</param>
    public static List<TruckTonnage> Evaluate(IReadOnlyList<(string Station, StationVisit Visit)> visits, IReadOnlyList<StationStop> stops,
        IReadOnlyList<(string Truck, string Contractor, int? RatedLoadKg, string? Route)> trucks, TonnageRules rules)
    {
        ArgumentNullException.ThrowIfNull(visits);
        ArgumentNullException.ThrowIfNull(stops);
        ArgumentNullException.ThrowIfNull(trucks);
        ArgumentNullException.ThrowIfNull(rules);
        var result = new List<TruckTonnage>();
        foreach (var (truck, contractor, rated, route) in trucks)
        {
            var mine = visits.Where(v => v.Visit.Truck == truck).ToList();
            var delivered = mine.Where(v => v.Visit.Flow == LedgerFlow.In).Select(v => v.Visit).ToList();
            var unweighed = stops.Where(s => s.Truck == truck
                && !mine.Any(v => v.Station == s.Station && v.Visit.Ts >= s.From - rules.WeighingNearStop && v.Visit.Ts <= s.To + rules.WeighingNearStop)).ToList();
            var overloads = rated is { } limit ? delivered.Where(v => v.NetKg > limit).ToList() : [];
            result.Add(new TruckTonnage(truck, contractor, route, Math.Round(delivered.Sum(v => v.NetKg) / 1000.0, 3), delivered.Count, unweighed, overloads));
        }

        return result;
    }
}
