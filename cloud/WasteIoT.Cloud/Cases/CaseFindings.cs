using System.Globalization;
using WasteIoT.Cloud.Audit;
using WasteIoT.Cloud.Checks.Clearance;
using WasteIoT.Cloud.Registry;

namespace WasteIoT.Cloud.Cases;

/// <summary>
/// Turns a county day into case findings. Findings about something that happened (cover open while driving, odour,
/// pond alarm) are filed at once; findings about what the day lacked (households missed, bins not cleared, too few
/// cleanings, no disinfection) only once the day is closed, and only when every device of the thing reported that
/// day without a gap in its numbering: an offline device, or lost data, is a data-health matter, not a missed service.
/// </summary>
public static class CaseFindings
{
    public static IEnumerable<CaseFinding> From(CountyDay day, bool dayClosed, RegistrySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(day);
        ArgumentNullException.ThrowIfNull(snapshot);
        var reporting = day.ReportingDevices.ToHashSet(StringComparer.Ordinal);
        var lostData = day.DataHealth.Gaps.Select(g => g.Device).ToHashSet(StringComparer.Ordinal);
        bool Reliable(IEnumerable<string> devices) => devices.All(d => reporting.Contains(d) && !lostData.Contains(d));

        foreach (var truck in day.Trucks)
        {
            foreach (var v in truck.SealedTransport.Violations)
            {
                yield return new CaseFinding("sealedTransport", truck.Truck, day.Date, v.Start.ToUniversalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture), truck.Contractor,
                    $"密闭运输：{truck.Truck} 行驶中未盖 {v.Duration.TotalMinutes:0.#} 分钟",
                    string.Create(CultureInfo.InvariantCulture, $"cover open while driving {v.Start:O} – {v.End:O}, {v.DistanceKm:0.00} km, peak {v.PeakSpeedKmh:0} km/h, from {v.StartLat:0.00000},{v.StartLon:0.00000} to {v.EndLat:0.00000},{v.EndLon:0.00000}"));
            }
        }

        foreach (var toilet in day.Toilets.Where(t => t.Result.Exceedances.Count > 0))
        {
            var worst = toilet.Result.Exceedances.MaxBy(e => e.Value / e.Limit)!;
            yield return new CaseFinding("toiletOdour", toilet.Toilet, day.Date, "odour", toilet.Contractor, $"公厕异味超标：{toilet.Name}",
                string.Create(CultureInfo.InvariantCulture, $"{toilet.Result.Exceedances.Count} reading(s) over the class {toilet.Class} limit; worst {worst.Gas} {worst.Value:0.###} mg/m³ (limit {worst.Limit:0.###}) at {worst.Ts:O}"));
        }

        foreach (var station in day.Stations.Where(s => s.Result.Exceedances.Count > 0))
        {
            var worst = station.Result.Exceedances.MaxBy(e => e.Value / e.Limit)!;
            yield return new CaseFinding("stationOdour", station.Station, day.Date, "odour", station.Contractor, $"转运站臭气超标：{station.Name}",
                string.Create(CultureInfo.InvariantCulture, $"{station.Result.Exceedances.Count} reading(s) over the boundary limit; worst {worst.Gas} {worst.Value:0.###} mg/m³ (limit {worst.Limit:0.###}) at {worst.Ts:O}"));
        }

        foreach (var pond in day.Ponds.Where(p => p.Result.Alarm))
        {
            yield return new CaseFinding("pondAlarm", pond.Pond, day.Date, "alarm", pond.Contractor, $"渗滤液调节池超警戒：{pond.Name}",
                string.Create(CultureInfo.InvariantCulture, $"volume {pond.Result.VolumeM3:0} m³ ≥ alarm {pond.AlarmVolumeM3:0} m³: start the emergency DTRO unit"));
        }

        if (!dayClosed)
        {
            yield break;
        }

        foreach (var route in day.Routes.Where(r => r.Coverage is { Missed.Count: > 0 }))
        {
            var devices = snapshot.Find<Truck>(RegistryKinds.Trucks, route.Truck)?.Devices ?? [];
            if (devices.Count > 0 && Reliable(devices))
            {
                var missed = route.Coverage!.Missed;
                yield return new CaseFinding("coverage", route.Route, day.Date, "missed", route.Contractor, $"漏收：{route.Name} 漏 {missed.Count} 户",
                    $"{route.Coverage.Served}/{route.Coverage.Scheduled} households served; missed: {string.Join(", ", missed.Take(50).Select(h => h.Household))}{(missed.Count > 50 ? " …" : string.Empty)}");
            }
        }

        foreach (var bin in day.Bins.Concat(day.Stations.SelectMany(s => s.Containers)).Where(b => b.Clearance.Verdict is ClearanceVerdict.NotCleared or ClearanceVerdict.LeftFull))
        {
            var device = snapshot.Find<Bin>(RegistryKinds.Bins, bin.Bin)?.Device;
            if (device is not null && Reliable([device]))
            {
                yield return new CaseFinding("clearance", bin.Bin, day.Date, CsvRow.Camel(bin.Clearance.Verdict.ToString()), bin.Contractor,
                    bin.Clearance.Verdict == ClearanceVerdict.NotCleared ? $"日产日清：{bin.Bin} 当日未清运" : $"日产日清：{bin.Bin} 满溢过夜",
                    string.Create(CultureInfo.InvariantCulture, $"{bin.Clearance.Verdict}: emptied {bin.Clearance.Emptied.Count} time(s), highest {bin.Clearance.MaxLevel:P0}, at day end {bin.Clearance.EndLevel:P0}"));
            }
        }

        foreach (var toilet in day.Toilets.Where(t => !t.Result.EnoughCleanings))
        {
            var devices = snapshot.Find<Site>(RegistryKinds.Sites, toilet.Toilet)?.Devices ?? [];
            if (devices.Count > 0 && Reliable(devices))
            {
                yield return new CaseFinding("toiletCleaning", toilet.Toilet, day.Date, "cleanings", toilet.Contractor, $"公厕保洁不足：{toilet.Name} {toilet.Result.Cleanings.Count}/{toilet.Result.Required} 次",
                    string.Create(CultureInfo.InvariantCulture, $"{toilet.Result.Cleanings.Count} verified cleaning(s) of {toilet.Result.Required} required; longest gap {toilet.Result.LongestGap:hh\\:mm}; {toilet.Result.ByAssignedCleaners} by assigned cleaners"));
            }
        }

        foreach (var station in day.Stations.Where(s => !s.Result.Disinfected))
        {
            var devices = snapshot.Find<Site>(RegistryKinds.Sites, station.Station)?.Devices ?? [];
            if (devices.Count > 0 && Reliable(devices))
            {
                yield return new CaseFinding("stationDisinfection", station.Station, day.Date, "disinfection", station.Contractor, $"转运站未消杀：{station.Name}",
                    $"{station.Result.Disinfections} disinfection(s) recorded");
            }
        }
    }
}
