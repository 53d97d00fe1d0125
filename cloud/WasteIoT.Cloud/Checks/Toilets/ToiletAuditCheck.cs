using WasteIoT.Contracts.Messages;
namespace WasteIoT.Cloud.Checks.Toilets;

/// <summary>
/// The toilet cleaning audit for one toilet and one day: verified cleanings (a check-out whose dwell reaches the
/// minimum; the node's own dwell count is used, so a lost check-in does not lose the cleaning; visits that overlap or
/// follow within <see cref="ToiletRules.SessionGap"/> are one session, counted once), count against the
/// requirement, the longest gap in opening hours, who cleaned, odour readings over the class limit (warm-up readings
/// excluded) and whether the ammonia fell after each cleaning.
/// </summary>
public static class ToiletAuditCheck
{
    public static ToiletAuditResult Evaluate(ToiletDay day, IEnumerable<BadgeRecord> badges, IEnumerable<AirRecord> air, ToiletRules rules)
    {
        ArgumentNullException.ThrowIfNull(day);
        ArgumentNullException.ThrowIfNull(rules);
        var readings = air.Where(a => !a.WarmingUp).OrderBy(a => a.Ts).ToList();
        var visits = new List<(DateTimeOffset Start, DateTimeOffset End, string Badge)>();
        var shortVisits = 0;
        var unclosed = 0;
        foreach (var badge in badges.OrderBy(b => b.Ts))
        {
            if (badge.Action == BadgeAction.Timeout)
            {
                unclosed++;
                continue;
            }

            if (badge.Action != BadgeAction.CheckOut || badge.DwellS is not { } dwellS)
            {
                continue;
            }

            var start = badge.Ts - TimeSpan.FromSeconds(dwellS);
            if (TimeSpan.FromSeconds(dwellS) < rules.MinDwell)
            {
                shortVisits++;
                continue;
            }

            if (badge.Ts < day.Opens.AddHours(-2) || start > day.Closes.AddHours(2))
            {
                continue;
            }

            visits.Add((start, badge.Ts, badge.Badge));
        }

        var cleanings = new List<Cleaning>();
        foreach (var session in Sessions(visits, rules.SessionGap))
        {
            var (start, end) = (session[0].Start, session.Max(v => v.End));
            var cleaners = session.Select(v => v.Badge).Distinct(StringComparer.Ordinal).ToList();
            cleanings.Add(new Cleaning(start, end, cleaners[0], cleaners.Any(day.AssignedCleaners.Contains), MeanNh3(readings, start - rules.OdourWindow, start), MeanNh3(readings, end, end + rules.OdourWindow))
            {
                Cleaners = cleaners,
            });
        }

        var nh3Limit = rules.Nh3Limit(day.Class);
        var exceedances = new List<OdourExceedance>();
        foreach (var reading in readings.Where(r => r.Ts >= day.Opens && r.Ts < day.Closes))
        {
            if (reading.Nh3 is { } nh3 && OdourLimit.Exceeds(nh3, nh3Limit, reading.Nh3Resolution))
            {
                exceedances.Add(new OdourExceedance(reading.Ts, "nh3", nh3, nh3Limit));
            }

            if (reading.H2s is { } h2s && OdourLimit.Exceeds(h2s, rules.H2sLimit, reading.H2sResolution))
            {
                exceedances.Add(new OdourExceedance(reading.Ts, "sh2", h2s, rules.H2sLimit));
            }
        }

        return new ToiletAuditResult(day.Toilet, cleanings, rules.RequiredCleanings, shortVisits, unclosed, LongestGap(day, cleanings), exceedances, readings.Count > 0)
        {
            Episodes = OdourEpisodes.Find(readings, day.Opens, day.Closes, nh3Limit, rules.H2sLimit, rules.OdourEpisodeMin, rules.OdourReadingGap),
        };
    }

    /// <summary>Visits in order of arrival, grouped while each starts before the session so far ends plus the gap.</summary>
    private static List<List<(DateTimeOffset Start, DateTimeOffset End, string Badge)>> Sessions(List<(DateTimeOffset Start, DateTimeOffset End, string Badge)> visits, TimeSpan gap)
    {
        var sessions = new List<List<(DateTimeOffset Start, DateTimeOffset End, string Badge)>>();
        var end = DateTimeOffset.MinValue;
        foreach (var visit in visits.OrderBy(v => v.Start))
        {
            if (sessions.Count == 0 || visit.Start > end + gap)
            {
                sessions.Add([]);
                end = visit.End;
            }

            sessions[^1].Add(visit);
            end = visit.End > end ? visit.End : end;
        }

        return sessions;
    }

    private static TimeSpan LongestGap(ToiletDay day, List<Cleaning> cleanings)
    {
        var longest = TimeSpan.Zero;
        var since = day.Opens;
        foreach (var cleaning in cleanings.Where(c => c.End > day.Opens && c.Start < day.Closes).OrderBy(c => c.Start))
        {
            var gap = cleaning.Start - since;
            if (gap > longest)
            {
                longest = gap;
            }

            if (cleaning.End > since)
            {
                since = cleaning.End;
            }
        }

        var tail = day.Closes - since;
        return tail > longest ? tail : longest;
    }

    private static double? MeanNh3(List<AirRecord> readings, DateTimeOffset from, DateTimeOffset to)
    {
        var values = readings.Where(r => r.Ts >= from && r.Ts < to && r.Nh3 is not null).Select(r => r.Nh3!.Value).ToList();
        return values.Count == 0 ? null : values.Average();
    }
}
