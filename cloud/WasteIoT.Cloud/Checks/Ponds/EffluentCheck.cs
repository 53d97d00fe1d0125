namespace WasteIoT.Cloud.Checks.Ponds;

/// <summary>The day's effluent readings against the limits: every reading over either limit, in time order.</summary>
public static class EffluentCheck
{
    public static IReadOnlyList<EffluentSample> OverLimit(IEnumerable<EffluentSample> samples, LeachateRules rules)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(rules);
        return [.. samples.Where(s => s.Cod > rules.EffluentCodMgL || s.Nh3n > rules.EffluentNh3nMgL).OrderBy(s => s.Ts)];
    }
}
