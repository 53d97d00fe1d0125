using WasteIoT.Cloud.Checks.Toilets;

namespace WasteIoT.Cloud.Checks.TransferStations;

/// <summary>A transfer station's day: odour at the boundary against its limits, and at least one disinfection.</summary>
public static class TransferStationCheck
{
    public static TransferStationResult Evaluate(string station, IEnumerable<AirRecord> air, IEnumerable<DateTimeOffset> disinfections, TransferStationRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var readings = air.Where(a => !a.WarmingUp).ToList();
        var exceedances = new List<OdourExceedance>();
        foreach (var r in readings.OrderBy(r => r.Ts))
        {
            if (r.Nh3 is { } nh3 && OdourLimit.Exceeds(nh3, rules.Nh3Limit, r.Nh3Resolution))
            {
                exceedances.Add(new OdourExceedance(r.Ts, "nh3", nh3, rules.Nh3Limit));
            }

            if (r.H2s is { } h2s && OdourLimit.Exceeds(h2s, rules.H2sLimit, r.H2sResolution))
            {
                exceedances.Add(new OdourExceedance(r.Ts, "sh2", h2s, rules.H2sLimit));
            }
        }

        var count = disinfections.Count();
        return new TransferStationResult(station, exceedances, count, count >= rules.RequiredDisinfections, readings.Count > 0)
        {
            Episodes = OdourEpisodes.Find(readings, DateTimeOffset.MinValue, DateTimeOffset.MaxValue, rules.Nh3Limit, rules.H2sLimit, rules.OdourEpisodeMin, rules.OdourReadingGap),
        };
    }
}
