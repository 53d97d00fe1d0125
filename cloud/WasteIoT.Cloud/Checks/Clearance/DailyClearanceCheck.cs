namespace WasteIoT.Cloud.Checks.Clearance;

/// <summary>
/// 日产日清 for one bin or container and one day: emptied at least once (seen as a fall in the level between two
/// good readings), and not above the overnight threshold at the day's last reading. A device that sent nothing is
/// <see cref="ClearanceVerdict.NoData"/>, one that sent only lost echoes <see cref="ClearanceVerdict.SensorFault"/>:
/// a missing measurement is never a missed service.
/// </summary>
public static class DailyClearanceCheck
{
    public static ClearanceResult Evaluate(string container, IEnumerable<LevelSample> samples, ClearanceRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var all = samples.OrderBy(s => s.Ts).ToList();
        if (all.Count == 0)
        {
            return new ClearanceResult(container, ClearanceVerdict.NoData, [], null, null, 0);
        }

        var levels = all.Where(s => s.Level is not null).ToList();
        if (levels.Count == 0)
        {
            return new ClearanceResult(container, ClearanceVerdict.SensorFault, [], null, null, all.Count);
        }

        var emptied = new List<DateTimeOffset>();
        for (var i = 1; i < levels.Count; i++)
        {
            var before = levels[i - 1].Level!.Value;
            var after = levels[i].Level!.Value;
            if (before >= rules.EmptyingMinLevel && before - after >= rules.EmptyingDrop)
            {
                emptied.Add(levels[i].Ts);
            }
        }

        var end = levels[^1].Level!.Value;
        var verdict = emptied.Count == 0 ? ClearanceVerdict.NotCleared
            : end >= rules.OvernightThreshold ? ClearanceVerdict.LeftFull
            : ClearanceVerdict.Cleared;
        return new ClearanceResult(container, verdict, emptied, levels.Max(l => l.Level), end, all.Count);
    }
}
