namespace WasteIoT.Cloud.Checks.Tonnage;

/// <summary>
/// The ledger of one station's day from its weighbridge. A completed visit (the pass carrying gross, tare and net)
/// counts in when a collection truck delivered, out when a transfer truck hauled away, by the registered vehicle its
/// card or plate names; an unknown vehicle's visit is listed, not guessed. Unsettled readings never count.
/// </summary>
public static class StationLedgerCheck
{
    /// <param name="identify">The registered truck a pass names (by card, then plate) and which way its load goes; null when unknown.</param>
    public static StationLedger Evaluate(IReadOnlyList<WeighRecord> day, double carriedT, double ratedT, Func<WeighRecord, (string Truck, LedgerFlow Flow)?> identify, TonnageRules rules)
    {
        ArgumentNullException.ThrowIfNull(day);
        ArgumentNullException.ThrowIfNull(identify);
        ArgumentNullException.ThrowIfNull(rules);
        var visits = new List<StationVisit>();
        var unidentified = new List<StationVisit>();
        var open = new Dictionary<string, int>(StringComparer.Ordinal);
        var unstable = 0;
        foreach (var pass in day.OrderBy(p => p.Ts))
        {
            if (!pass.Stable)
            {
                unstable++;
                continue;
            }

            var key = pass.Tag ?? pass.Vehicle;
            if (pass.NetKg is not { } net || pass.GrossKg is not { } gross || pass.TareKg is not { } tare)
            {
                // A first pass: open until its vehicle's completing pass.
                if (key is not null)
                {
                    open[key] = open.GetValueOrDefault(key) + 1;
                }

                continue;
            }

            if (key is not null && open.TryGetValue(key, out var waiting))
            {
                if (waiting > 1)
                {
                    open[key] = waiting - 1;
                }
                else
                {
                    open.Remove(key);
                }
            }

            var who = identify(pass);
            var visit = new StationVisit(pass.Ts, who?.Truck, pass.Tag, pass.Ticket, who?.Flow ?? LedgerFlow.Other, gross, tare, net);
            (who is null ? unidentified : visits).Add(visit);
        }

        var inT = visits.Where(v => v.Flow == LedgerFlow.In).Sum(v => v.NetKg) / 1000.0;
        var outT = visits.Where(v => v.Flow == LedgerFlow.Out).Sum(v => v.NetKg) / 1000.0;

        // More hauled out than held means stock older than the ledger's start: a station holds no negative stock.
        return new StationLedger(Math.Round(carriedT, 3), Math.Round(inT, 3), Math.Round(outT, 3), Math.Round(Math.Max(0, carriedT + inT - outT), 3), ratedT, rules.ToleranceT(ratedT),
            visits, unidentified, open.Values.Sum(), unstable);
    }
}
