using WasteIoT.Cloud.Checks.Evidence;

namespace WasteIoT.Cloud.Checks.Tonnage;

/// <summary>
/// Follows each transfer truck's hauls from the stations to the landfills: every haul (a completed visit hauling out)
/// is matched, in time order, with the truck's next landfill weighing-in within <see cref="TonnageRules.HaulWithin"/>
/// that no earlier haul took. A haul that reached no landfill is where diverted or dumped loads show.
/// </summary>
public static class HaulCheck
{
    /// <param name="heard">Whether every landfill's weighbridge was heard over [from, to].</param>
    public static List<Haul> Evaluate(IReadOnlyList<(string Station, StationVisit Visit)> hauls, IReadOnlyList<(string Landfill, StationVisit Visit)> disposals,
        Func<string, string> contractorOf, Func<DateTimeOffset, DateTimeOffset, bool> heard, TonnageRules rules)
    {
        ArgumentNullException.ThrowIfNull(hauls);
        ArgumentNullException.ThrowIfNull(disposals);
        ArgumentNullException.ThrowIfNull(contractorOf);
        ArgumentNullException.ThrowIfNull(heard);
        ArgumentNullException.ThrowIfNull(rules);
        var taken = new HashSet<int>();
        var result = new List<Haul>();
        foreach (var (station, haul) in hauls.Where(h => h.Visit.Truck is not null && h.Visit.Flow == LedgerFlow.Out).OrderBy(h => h.Visit.Ts))
        {
            var truck = haul.Truck!;
            var match = -1;
            for (var i = 0; i < disposals.Count; i++)
            {
                var d = disposals[i].Visit;
                if (!taken.Contains(i) && d.Truck == truck && d.Ts > haul.Ts && d.Ts <= haul.Ts + rules.HaulWithin && (match < 0 || d.Ts < disposals[match].Visit.Ts))
                {
                    match = i;
                }
            }

            if (match >= 0)
            {
                taken.Add(match);
                var (landfill, visit) = disposals[match];
                result.Add(new Haul(truck, contractorOf(truck), station, haul.Ts, haul.NetKg, landfill, visit.Ts, visit.NetKg, VerdictState.Ok));
            }
            else
            {
                var state = heard(haul.Ts, haul.Ts + rules.HaulWithin) ? VerdictState.Shortfall : VerdictState.Unverified;
                result.Add(new Haul(truck, contractorOf(truck), station, haul.Ts, haul.NetKg, null, null, null, state));
            }
        }

        return result;
    }
}
