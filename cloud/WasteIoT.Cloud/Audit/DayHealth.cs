using WasteIoT.Cloud.Checks.Evidence;

namespace WasteIoT.Cloud.Audit;

/// <summary>
/// The day's data health, the same evidence the verdicts stand on: messages received and numbered-but-missing, and
/// every thing with how much of its window its nodes were heard, worst first.
/// </summary>
public sealed record DayHealth(DateOnly Date, long Received, long Missing, int Gaps, IReadOnlyList<string> SilentDevices, IReadOnlyList<ThingHealth> Things)
{
    public static DayHealth From(CountyDay day)
    {
        ArgumentNullException.ThrowIfNull(day);
        var things = day.Trucks.Select(t => Row("truck", t.Truck, t.Truck, t.Contractor, t.Evidence))
            .Concat(day.Bins.Concat(day.Stations.SelectMany(s => s.Containers)).Select(b => Row("bin", b.Bin, b.Bin, b.Contractor, b.Evidence)))
            .Concat(day.Toilets.Select(t => Row("toilet", t.Toilet, t.Name, t.Contractor, t.Evidence)))
            .Concat(day.Stations.Select(s => Row("station", s.Station, s.Name, s.Contractor, s.Evidence)))
            .Concat(day.Ponds.Select(p => Row("pond", p.Pond, p.Name, p.Contractor, p.Evidence)))
            .OrderBy(t => t.Verified).ThenBy(t => t.Coverage).ThenBy(t => t.Kind, StringComparer.Ordinal).ThenBy(t => t.Id, StringComparer.Ordinal)
            .ToList();
        return new DayHealth(day.Date, day.DataHealth.Received, day.DataHealth.Missing, day.DataHealth.Gaps.Count, day.DataHealth.SilentDevices, things);
    }

    private static ThingHealth Row(string kind, string id, string name, string contractor, WindowEvidence evidence) =>
        new(kind, id, name, contractor, evidence.Coverage, evidence.Silent, evidence.Outages.Count, evidence.Outages.Count(o => o.Reason == OutageReason.Lost), evidence.Dropped, evidence.Verified);
}
