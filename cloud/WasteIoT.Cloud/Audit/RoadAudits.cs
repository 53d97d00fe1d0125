using WasteIoT.Cloud.Checks.Evidence;
using WasteIoT.Cloud.Checks.Roads;
using WasteIoT.Cloud.Registry;
using WasteIoT.Contracts.Messages;

namespace WasteIoT.Cloud.Audit;

/// <summary>
/// The road-cleaning plan against the work vehicles' day. A vehicle works a task with the equipment that does it
/// (brushes sweep, the pump sprinkles, the cannon fogs); it may do a task when its kind says so or it reported that
/// equipment. A shortfall needs every such vehicle of the contractor heard over the window; when some were heard
/// the window is unverified, when none were it has no data.
/// </summary>
internal static class RoadAudits
{
    public static RoadTask? TaskOf(VehicleKind kind) => kind switch
    {
        VehicleKind.Sweeper => RoadTask.Sweep,
        VehicleKind.Sprinkler => RoadTask.Sprinkle,
        VehicleKind.FogCannon => RoadTask.Fog,
        _ => null,
    };

    public static bool IsWorkVehicle(VehicleKind kind) => TaskOf(kind) is not null;

    public static RoadTask? TaskOf(WorkEquipment equipment) => equipment switch
    {
        WorkEquipment.Brush => RoadTask.Sweep,
        WorkEquipment.Pump => RoadTask.Sprinkle,
        WorkEquipment.Cannon => RoadTask.Fog,
        _ => null,
    };

    /// <summary>The county's air alert on a day, if it declared one.</summary>
    public static AirAlertLevel? AlertOn(RegistrySnapshot snapshot, DateOnly date) =>
        snapshot.Find<AirAlertDay>(RegistryKinds.AirAlerts, date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))?.Level;

    /// <summary>The windows, as instants, of the work due on <paramref name="date"/> that a vehicle of this kind could do for its contractor.</summary>
    public static (DateTimeOffset From, DateTimeOffset To)? WorkHours(Truck truck, RegistrySnapshot snapshot, DateOnly date, Func<TimeOnly, bool, DateTimeOffset> at)
    {
        if (TaskOf(truck.Vehicle) is not { } task)
        {
            return null;
        }

        var alert = AlertOn(snapshot, date);
        var windows = snapshot.Of<RoadSegment>(RegistryKinds.Roads).Where(r => r.Contractor == truck.Contractor)
            .SelectMany(r => r.Work).Where(w => w.Task == task && w.DueOn(date, alert)).ToList();
        return windows.Count == 0 ? null : (windows.Min(w => at(w.From, false)), windows.Max(w => at(w.To, true)));
    }

    /// <param name="at">A county time on the day as an instant; <c>true</c> for a window's end, where 00:00 is the day's end.</param>
    /// <param name="evidence">The evidence of devices over a window, as every other verdict takes it.</param>
    public static List<RoadAudit> Evaluate(RegistrySnapshot snapshot, DateOnly date, IReadOnlyCollection<WorkVehicleDay> vehicles, Func<TimeOnly, bool, DateTimeOffset> at,
        Func<IReadOnlyList<DeviceEvidence>, DateTimeOffset, DateTimeOffset, WindowEvidence> evidence, RoadRules rules)
    {
        // Only the work due that day: a summer sprinkle is not due in November, a fog run "on orange" only on an alert day.
        var alert = AlertOn(snapshot, date);
        var roads = snapshot.Of<RoadSegment>(RegistryKinds.Roads).Select(r => r with { Work = [.. r.Work.Where(w => w.DueOn(date, alert))] })
            .Where(r => r.Work.Count > 0).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        if (roads.Count == 0)
        {
            return [];
        }

        var planned = roads.Select(r => new PlannedSegment(r.Id, r.Contractor, r.Path, [.. r.Work.Select(w => new PlannedWork(w, at(w.From, false), at(w.To, true)))])).ToList();
        var tracks = new List<WorkTrack>();
        var capable = new Dictionary<(string Contractor, RoadTask Task), List<WorkVehicleDay>>();
        foreach (var vehicle in vehicles.OrderBy(v => v.Truck.Id, StringComparer.Ordinal))
        {
            foreach (var task in Tasks(vehicle))
            {
                var key = (vehicle.Truck.Contractor, task);
                if (!capable.TryGetValue(key, out var list))
                {
                    capable[key] = list = [];
                }

                list.Add(vehicle);
                tracks.Add(new WorkTrack(vehicle.Truck.Id, vehicle.Truck.Contractor, task, Track(vehicle, task)));
            }
        }

        var results = RoadCoverageCheck.EvaluateDay(planned, tracks, rules);
        var audits = new List<RoadAudit>(roads.Count);
        for (var i = 0; i < roads.Count; i++)
        {
            var road = roads[i];
            var work = new List<RoadWorkAudit>();
            for (var w = 0; w < road.Work.Count; w++)
            {
                var result = results[i].Work[w];
                var window = planned[i].Work[w];
                var who = capable.TryGetValue((road.Contractor, result.Task), out var list) ? list : [];
                var heard = evidence([.. who.SelectMany(v => v.Evidence)], window.From, window.To);
                var anyHeard = who.Any(v => !evidence(v.Evidence, window.From, window.To).NothingHeard);
                var state = result.Met ? VerdictState.Ok
                    : who.Count > 0 && heard.Complete ? VerdictState.Shortfall
                    : anyHeard ? VerdictState.Unverified
                    : VerdictState.NoData;
                work.Add(new RoadWorkAudit(result, state, heard, [.. who.Select(v => v.Truck.Id)]));
            }

            audits.Add(new RoadAudit(road.Id, road.Name, road.Contractor, road.Class, results[i].LengthM, work, results[i].OutsideWindows));
        }

        return audits;
    }

    private static IEnumerable<RoadTask> Tasks(WorkVehicleDay vehicle)
    {
        var tasks = new SortedSet<RoadTask>();
        if (TaskOf(vehicle.Truck.Vehicle) is { } own)
        {
            tasks.Add(own);
        }

        foreach (var e in vehicle.Equipment)
        {
            if (TaskOf(e.Equipment) is { } task)
            {
                tasks.Add(task);
            }
        }

        return tasks;
    }

    /// <summary>The vehicle's fixes with whether the task's equipment was on at each (the last switching at or before it; never heard is off).</summary>
    private static List<WorkFix> Track(WorkVehicleDay vehicle, RoadTask task)
    {
        var switching = vehicle.Equipment.Where(e => TaskOf(e.Equipment) == task).OrderBy(e => e.Ts).ToList();
        var fixes = new List<WorkFix>(vehicle.Fixes.Count);
        var next = 0;
        var on = false;
        foreach (var fix in vehicle.Fixes)
        {
            while (next < switching.Count && switching[next].Ts <= fix.Ts)
            {
                on = switching[next++].On;
            }

            fixes.Add(new WorkFix(fix.Ts, fix.Lat, fix.Lon, fix.SpeedKmh, on));
        }

        return fixes;
    }
}
