using WasteIoT.Cloud.Checks.Muck;
using WasteIoT.Cloud.Registry;

namespace WasteIoT.Cloud.Audit;

/// <summary>What a muck truck's permits allow on a day: every permit issued to it and valid that day, together (a second permit adds sites, routes and hours).</summary>
internal static class MuckAudits
{
    public static (MuckPlan? Plan, List<string> Permits) Plan(Truck truck, RegistrySnapshot snapshot, DateOnly date, Func<TimeOnly, DateTimeOffset> at, DateTimeOffset dayEnd)
    {
        var permits = snapshot.Of<MuckPermit>(RegistryKinds.Permits).Where(p => p.Truck == truck.Id && p.ValidOn(date)).OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        if (permits.Count == 0)
        {
            return (null, []);
        }

        var plan = new MuckPlan(
            string.Join(", ", permits.Select(p => p.Id)),
            [.. permits.SelectMany(p => p.Origins)],
            [.. permits.SelectMany(p => p.Disposals)],
            [.. permits.SelectMany(p => p.Routes)],
            // A permit with no route allows any road: then no corridor applies.
            [.. permits.SelectMany(p => p.Hours).SelectMany(h => h.On(at, dayEnd))]);
        if (permits.Any(p => p.Routes.Count == 0))
        {
            plan = plan with { Routes = [] };
        }

        return (plan, [.. permits.Select(p => p.Id)]);
    }
}
