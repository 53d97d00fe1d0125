using System.Globalization;
using WasteIoT.Cloud.Audit;
using WasteIoT.Cloud.Checks.Clearance;
using WasteIoT.Cloud.Checks.Evidence;
using WasteIoT.Cloud.Registry;

namespace WasteIoT.Cloud.Cases;

/// <summary>
/// Turns a county day into case findings. What was measured happening (cover open while driving, odour, pond alarm)
/// is filed at once. What the day lacked (households missed, bins not cleared, too few cleanings, no disinfection) is
/// filed once the day is closed, and only as a shortfall: when the thing's devices were heard over the window the
/// finding depends on. A node that went silent in its service hours, leaving a verdict unverified, is its own finding
/// against whoever has custody of the node — so unplugging a node neither hides a failure nor makes one.
/// Texts give local time (the county's zone); keys stay what they were.
/// </summary>
public static class CaseFindings
{
    /// <summary>The party a case about a bureau-maintained node is filed against (no contractor sees it).</summary>
    public const string BureauMaintainer = "";

    public static IEnumerable<CaseFinding> From(CountyDay day, bool dayClosed, RegistrySnapshot snapshot, TimeZoneInfo zone, double movingSpeedKmh = 5, Checks.Ponds.LeachateRules? leachate = null, Checks.Tonnage.TonnageRules? tonnage = null)
    {
        ArgumentNullException.ThrowIfNull(day);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(zone);
        string Clock(DateTimeOffset t) => TimeZoneInfo.ConvertTime(t, zone).ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        var limits = leachate ?? new Checks.Ponds.LeachateRules();
        var rules = tonnage ?? new Checks.Tonnage.TonnageRules();

        foreach (var truck in day.Trucks)
        {
            foreach (var v in truck.SealedTransport.Violations)
            {
                // The key keeps the UTC time it has always had, so a case filed before is found again, not filed twice.
                yield return new CaseFinding("sealedTransport", truck.Truck, day.Date, v.Start.ToUniversalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture), truck.Contractor,
                    $"密闭运输：{truck.Truck} {Clock(v.Start)} 起行驶中未盖 {v.Duration.TotalMinutes:0.#} 分钟",
                    string.Create(CultureInfo.InvariantCulture, $"行驶中篷盖打开 {Clock(v.Start)}–{Clock(v.End)}，行驶 {v.DistanceKm:0.00} 公里，最高时速 {Decisive.Format(v.PeakSpeedKmh, movingSpeedKmh, 1)} 公里（时速超过 {movingSpeedKmh:0.#} 视为行驶），自 {v.StartLat:0.00000},{v.StartLon:0.00000} 至 {v.EndLat:0.00000},{v.EndLon:0.00000}"));
            }
        }

        foreach (var m in day.Muck)
        {
            string Utc(DateTimeOffset t) => t.ToUniversalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture);
            string Place(double lat, double lon) => string.Create(CultureInfo.InvariantCulture, $"{lat:0.00000},{lon:0.00000}");
            if (m.Result.Unpermitted.Count > 0)
            {
                var first = m.Result.Unpermitted[0];
                yield return new CaseFinding("muckNoPermit", m.Truck, day.Date, "driving", m.Contractor, $"渣土车无证运输：{m.Truck} 当日无有效核准证行驶",
                    string.Create(CultureInfo.InvariantCulture, $"当日无有效核准证，行驶 {m.Result.Unpermitted.Count} 段共 {m.Result.Unpermitted.Sum(r => r.DistanceKm):0.00} 公里；首段 {Clock(first.Start)}–{Clock(first.End)} 自 {Place(first.StartLat, first.StartLon)}"));
            }

            foreach (var r in m.Result.OffRoute)
            {
                yield return new CaseFinding("muckOffRoute", m.Truck, day.Date, Utc(r.Start), m.Contractor, $"渣土车偏离核准路线：{m.Truck} {Clock(r.Start)} 起 {r.Duration.TotalMinutes:0.#} 分钟",
                    string.Create(CultureInfo.InvariantCulture, $"偏离核准路线 {Clock(r.Start)}–{Clock(r.End)}，行驶 {r.DistanceKm:0.00} 公里，最远偏离路线 {r.FarthestM:0} 米，自 {Place(r.StartLat, r.StartLon)} 至 {Place(r.EndLat, r.EndLon)}；核准证 {string.Join(", ", m.Permits)}"));
            }

            foreach (var r in m.Result.OffHours)
            {
                yield return new CaseFinding("muckOffHours", m.Truck, day.Date, Utc(r.Start), m.Contractor, $"渣土车非核准时段行驶：{m.Truck} {Clock(r.Start)} 起 {r.Duration.TotalMinutes:0.#} 分钟",
                    string.Create(CultureInfo.InvariantCulture, $"核准时段外行驶 {Clock(r.Start)}–{Clock(r.End)}，{r.DistanceKm:0.00} 公里，自 {Place(r.StartLat, r.StartLon)} 至 {Place(r.EndLat, r.EndLon)}；核准证 {string.Join(", ", m.Permits)}"));
            }

            foreach (var d in m.Result.Dumping.Where(d => d.Located))
            {
                yield return new CaseFinding("muckDumping", m.Truck, day.Date, Utc(d.Ts), m.Contractor, $"疑似偷倒：{m.Truck} {Clock(d.Ts)} 在核准消纳场外举升货箱",
                    string.Create(CultureInfo.InvariantCulture, $"{Clock(d.Ts)} 货箱举升于 {Place(d.Lat!.Value, d.Lon!.Value)}") + (d.NearestDisposalM is { } far ? string.Create(CultureInfo.InvariantCulture, $"，距最近核准消纳场 {far:0} 米") : "，无核准消纳场")
                    + (m.Permits.Count > 0 ? $"；核准证 {string.Join(", ", m.Permits)}" : "；当日无有效核准证"));
            }
        }

        foreach (var toilet in day.Toilets.Where(t => t.Result.Episodes.Count > 0))
        {
            yield return new CaseFinding("toiletOdour", toilet.Toilet, day.Date, "odour", toilet.Contractor, $"公厕异味超标：{toilet.Name}",
                Episodes(toilet.Result.Episodes, $"超过 {toilet.Class} 类公厕限值", Clock));
        }

        foreach (var station in day.Stations.Where(s => s.Result.Episodes.Count > 0))
        {
            yield return new CaseFinding("stationOdour", station.Station, day.Date, "odour", station.Contractor, $"转运站臭气超标：{station.Name}",
                Episodes(station.Result.Episodes, "超过厂界限值", Clock));
        }

        foreach (var pond in day.Ponds.Where(p => p.Result.Alarm))
        {
            yield return new CaseFinding("pondAlarm", pond.Pond, day.Date, "alarm", pond.Contractor, $"渗滤液调节池超警戒：{pond.Name}",
                string.Create(CultureInfo.InvariantCulture, $"容积 {Decisive.Format(pond.Result.VolumeM3 ?? 0, pond.AlarmVolumeM3)} 立方米 ≥ 警戒 {pond.AlarmVolumeM3:0} 立方米{(pond.Result.At is { } at ? $"（{Clock(at)}）" : string.Empty)}：请启动应急 DTRO 处理设备"));
        }

        foreach (var pond in day.Ponds.Where(p => p.Result.EffluentOverLimit))
        {
            // Measured happening, so filed at once; one case a pond-day, its detail growing as readings come in.
            var over = pond.Result.EffluentExceedances;
            string Worst(Func<Checks.Ponds.EffluentSample, double?> value) => over.Max(value) is { } worst ? worst.ToString("0.#", CultureInfo.InvariantCulture) : "—";
            yield return new CaseFinding("effluent", pond.Pond, day.Date, "effluent", pond.Contractor, $"渗滤液处理出水超标：{pond.Name}",
                string.Create(CultureInfo.InvariantCulture, $"出水超标读数 {over.Count} 次（{Clock(over[0].Ts)[..5]}–{Clock(over[^1].Ts)[..5]}），最高 COD {Worst(s => s.Cod)} mg/L、氨氮 {Worst(s => s.Nh3n)} mg/L；限值 COD {limits.EffluentCodMgL:0.#} mg/L、氨氮 {limits.EffluentNh3nMgL:0.#} mg/L（GB 16889）"));
        }

        if (!dayClosed)
        {
            yield break;
        }

        foreach (var route in day.Routes.Where(r => r.State == VerdictState.Shortfall && r.Coverage is { Missed.Count: > 0 }))
        {
            var missed = route.Coverage!.Missed;
            var unverified = route.Coverage.Unverified.Count;
            yield return new CaseFinding("coverage", route.Route, day.Date, "missed", route.Contractor, $"漏收：{route.Name} 漏 {missed.Count} 户",
                $"已收 {route.Coverage.Served}/{route.Coverage.Scheduled} 户；车载设备在线期间漏收：{string.Join(", ", missed.Take(50).Select(h => h.Household))}{(missed.Count > 50 ? " …" : string.Empty)}"
                + (unverified > 0 ? $"；另有 {unverified} 户无法核实（该路段设备未在线）" : string.Empty));
        }

        foreach (var bin in day.Bins.Concat(day.Stations.SelectMany(s => s.Containers)).Where(b => b.State == VerdictState.Shortfall))
        {
            yield return new CaseFinding("clearance", bin.Bin, day.Date, CsvRow.Camel(bin.Clearance.Verdict.ToString()), bin.Contractor,
                bin.Clearance.Verdict == ClearanceVerdict.NotCleared ? $"日产日清：{bin.Bin} 当日未清运" : $"日产日清：{bin.Bin} 满溢过夜",
                string.Create(CultureInfo.InvariantCulture, $"{(bin.Clearance.Verdict == ClearanceVerdict.NotCleared ? "当日未清运" : "满溢过夜")}：清运 {bin.Clearance.Emptied.Count} 次，最高 {bin.Clearance.MaxLevel:P0}，日终 {bin.Clearance.EndLevel:P0}；设备在线 {bin.Evidence.Coverage:P0}"));
        }

        foreach (var toilet in day.Toilets.Where(t => t.Cleaning == VerdictState.Shortfall))
        {
            yield return new CaseFinding("toiletCleaning", toilet.Toilet, day.Date, "cleanings", toilet.Contractor, $"公厕保洁不足：{toilet.Name} {toilet.Result.Cleanings.Count}/{toilet.Result.Required} 次",
                string.Create(CultureInfo.InvariantCulture, $"开放时段 {Clock(toilet.Evidence.From)[..5]}–{Clock(toilet.Evidence.To)[..5]} 内核实保洁 {toilet.Result.Cleanings.Count} 次（要求 {toilet.Result.Required} 次）；最长间隔 {toilet.Result.LongestGap:hh\\:mm}；定人保洁 {toilet.Result.ByAssignedCleaners} 次；设备在线 {toilet.Evidence.Coverage:P0}"));
        }

        foreach (var station in day.Stations.Where(s => s.Disinfection == VerdictState.Shortfall))
        {
            yield return new CaseFinding("stationDisinfection", station.Station, day.Date, "disinfection", station.Contractor, $"转运站未消杀：{station.Name}",
                $"记录消杀 {station.Result.Disinfections} 次；开放时段设备在线 {station.Evidence.Coverage.ToString("P0", CultureInfo.InvariantCulture)}");
        }

        foreach (var truck in day.Collection)
        {
            string Utc(DateTimeOffset t) => t.ToUniversalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture);
            foreach (var v in truck.Overloads)
            {
                yield return new CaseFinding("overload", truck.Truck, day.Date, Utc(v.Ts), truck.Contractor, string.Create(CultureInfo.InvariantCulture, $"超载：{truck.Truck} {Clock(v.Ts)} 净重 {v.NetKg / 1000.0:0.00} 吨"),
                    string.Create(CultureInfo.InvariantCulture, $"{Clock(v.Ts)} 过磅毛重 {v.GrossKg / 1000.0:0.00} 吨、皮重 {v.TareKg / 1000.0:0.00} 吨、净重 {v.NetKg / 1000.0:0.00} 吨，超过核定载质量") + (v.Ticket is { } ticket ? $"；磅单 {ticket}" : string.Empty));
            }

            // A weighed place is a transfer station or a landfill; only when its nodes were heard over the stop: a silent
            // scale is not a truck avoiding it.
            (string Name, Checks.Evidence.WindowEvidence Evidence)? Place(string id) =>
                day.Stations.FirstOrDefault(st => st.Station == id) is { } station ? (station.Name, station.Evidence)
                : day.Landfills.FirstOrDefault(l => l.Landfill == id) is { } landfill ? (landfill.Name, landfill.Evidence) : null;
            foreach (var stop in truck.Unweighed.Where(s => Place(s.Station)?.Evidence.Covers(s.From, s.To) == true))
            {
                var name = Place(stop.Station)!.Value.Name;
                yield return new CaseFinding("unweighedVisit", truck.Truck, day.Date, Utc(stop.From), truck.Contractor, $"进站未过磅：{truck.Truck} {Clock(stop.From)} 在{name}",
                    $"车辆 {Clock(stop.From)}–{Clock(stop.To)} 停留在{name}，前后无该车过磅记录；该时段地磅设备在线");
            }
        }

        foreach (var haul in day.Hauls.Where(h => h.State == VerdictState.Shortfall))
        {
            var station = day.Stations.FirstOrDefault(s => s.Station == haul.Station)?.Name ?? haul.Station;
            yield return new CaseFinding("haulNotDisposed", haul.Truck, day.Date, haul.Ts.ToUniversalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture), haul.Contractor,
                string.Create(CultureInfo.InvariantCulture, $"转运未进场：{haul.Truck} {Clock(haul.Ts)} 自{station}运出 {haul.NetKg / 1000.0:0.00} 吨"),
                string.Create(CultureInfo.InvariantCulture, $"{Clock(haul.Ts)} 在{station}过磅运出净重 {haul.NetKg / 1000.0:0.00} 吨，此后 {(int)rules.HaulWithin.TotalMinutes} 分钟内未在任何处置场地磅过磅进场；该时段各处置场地磅设备在线"));
        }

        foreach (var station in day.Stations.Where(s => s.LedgerState == VerdictState.Shortfall && s.Ledger is not null))
        {
            var l = station.Ledger!;
            yield return new CaseFinding("stationClearance", station.Station, day.Date, "residual", station.Contractor, string.Create(CultureInfo.InvariantCulture, $"转运站日产日清未达标：{station.Name} 日终存量 {l.ResidualT:0.00} 吨"),
                string.Create(CultureInfo.InvariantCulture, $"结转 {l.CarriedT:0.00} 吨 + 进站 {l.InT:0.00} 吨 − 出站 {l.OutT:0.00} 吨 = 日终存量 {l.ResidualT:0.00} 吨，超过允许 {l.ToleranceT:0.##} 吨；进站 {l.Visits.Count(v => v.Flow == Checks.Tonnage.LedgerFlow.In)} 车次，转运 {l.Visits.Count(v => v.Flow == Checks.Tonnage.LedgerFlow.Out)} 车次；设计规模 {l.RatedT:0.#} 吨/日（负荷 {l.Utilisation:P0}）；地磅在线 {station.Evidence.Coverage:P0}"));
        }

        foreach (var road in day.Roads)
        {
            foreach (var work in road.Work.Where(w => w.State == VerdictState.Shortfall))
            {
                var r = work.Result;
                var from = r.From.ToString("HH:mm", CultureInfo.InvariantCulture);
                var window = $"{from}–{(r.To == TimeOnly.MinValue ? "24:00" : r.To.ToString("HH:mm", CultureInfo.InvariantCulture))}";
                yield return new CaseFinding("roadWork", road.Segment, day.Date, $"{CsvRow.Camel(r.Task.ToString())}@{from}", road.Contractor,
                    $"道路作业不足：{road.Name} {TaskName(r.Task)} {r.Done}/{r.Required} 遍（{window}）",
                    string.Create(CultureInfo.InvariantCulture, $"{window} 内完成有效{TaskName(r.Task)} {r.Done} 遍（要求 {r.Required} 遍），覆盖路段长度 {r.CoveredShare:P0}（{road.LengthM:0} 米）；作业速度过快 {r.TooFastFixes} 个定位点，设备未开启行驶 {r.EquipmentOffFixes} 个定位点；可作业车辆 {string.Join(", ", work.Vehicles)} 全时段在线 {work.Evidence.Coverage:P0}")
                    + (road.OutsideWindows.Count(p => p.Task == r.Task) is > 0 and var outside ? $"；时段外作业 {outside} 遍，不计入" : string.Empty));
            }
        }

        foreach (var finding in SilentNodes(day, snapshot, Clock))
        {
            yield return finding;
        }
    }

    /// <summary>The episodes in words: how many, and the worst (highest against its limit) with its span and peak.</summary>
    private static string Episodes(IReadOnlyList<Checks.Toilets.OdourEpisode> episodes, string over, Func<DateTimeOffset, string> clock)
    {
        var worst = episodes.MaxBy(e => e.Peak / e.Limit)!;
        return string.Create(CultureInfo.InvariantCulture,
            $"异味超标时段 {episodes.Count} 个（{over}）；最严重：{(worst.Gas == "sh2" ? "硫化氢" : "氨气")} {clock(worst.Start)}–{clock(worst.End)}（{worst.Duration.TotalMinutes:0} 分钟，{worst.Readings} 个读数），峰值 {Decisive.Format(worst.Peak, worst.Limit, 1)} mg/m³（限值 {worst.Limit:0.######}），出现于 {clock(worst.PeakAt)}");
    }

    /// <summary>
    /// A thing whose nodes, once in service, went silent in its service hours so that a verdict could not be given.
    /// Time before a node first came into service is not silence.
    /// </summary>
    private static IEnumerable<CaseFinding> SilentNodes(CountyDay day, RegistrySnapshot snapshot, Func<DateTimeOffset, string> clock)
    {
        var unverifiedRoutes = day.Routes.Where(r => r.Coverage is { Unverified.Count: > 0 } || r.State == VerdictState.NoData).Select(r => r.Truck).ToHashSet(StringComparer.Ordinal);
        var candidates = new List<(string Subject, string Name, string Contractor, NodeCustody Custody, WindowEvidence Evidence, bool LeftUnverified)>();
        foreach (var truck in day.Trucks)
        {
            var custody = snapshot.Find<Truck>(RegistryKinds.Trucks, truck.Truck)?.NodeCustody ?? NodeCustody.Contractor;
            candidates.Add((truck.Truck, truck.Truck, truck.Contractor, custody, truck.Evidence, !truck.Evidence.Verified || unverifiedRoutes.Contains(truck.Truck)));
        }

        foreach (var toilet in day.Toilets)
        {
            var custody = snapshot.Find<Site>(RegistryKinds.Sites, toilet.Toilet)?.NodeCustody ?? NodeCustody.Contractor;
            candidates.Add((toilet.Toilet, toilet.Name, toilet.Contractor, custody, toilet.Evidence, toilet.Cleaning is VerdictState.Unverified or VerdictState.NoData || toilet.OdourState is VerdictState.Unverified));
        }

        foreach (var station in day.Stations)
        {
            var custody = snapshot.Find<Site>(RegistryKinds.Sites, station.Station)?.NodeCustody ?? NodeCustody.Contractor;
            candidates.Add((station.Station, station.Name, station.Contractor, custody, station.Evidence,
                station.Disinfection is VerdictState.Unverified or VerdictState.NoData || station.OdourState is VerdictState.Unverified || station.LedgerState is VerdictState.Unverified or VerdictState.NoData));
        }

        foreach (var bin in day.Bins.Concat(day.Stations.SelectMany(s => s.Containers)))
        {
            var custody = snapshot.Find<Bin>(RegistryKinds.Bins, bin.Bin)?.NodeCustody ?? NodeCustody.Bureau;
            candidates.Add((bin.Bin, bin.Bin, bin.Contractor, custody, bin.Evidence, bin.State is VerdictState.Unverified or VerdictState.NoData));
        }

        foreach (var pond in day.Ponds)
        {
            var custody = snapshot.Find<Pond>(RegistryKinds.Ponds, pond.Pond)?.NodeCustody ?? NodeCustody.Bureau;
            candidates.Add((pond.Pond, pond.Name, pond.Contractor, custody, pond.Evidence, pond.State is VerdictState.Unverified or VerdictState.NoData));
        }

        foreach (var (subject, name, contractor, custody, evidence, leftUnverified) in candidates.Where(c => c.LeftUnverified && c.Evidence.Silent > TimeSpan.Zero))
        {
            var hours = $"{clock(evidence.From)[..5]}–{(evidence.To.TimeOfDay == TimeSpan.Zero && evidence.To > evidence.From ? "24:00" : clock(evidence.To)[..5])}";
            var outages = string.Join("；", evidence.Outages.Take(10).Select(o => $"{o.Device} {clock(o.From)[..5]}–{clock(o.To)[..5]} {(o.Reason == OutageReason.Lost ? "消息丢失" : "无数据")}"));
            yield return new CaseFinding("nodeSilent", subject, day.Date, "silent", custody == NodeCustody.Contractor ? contractor : BureauMaintainer,
                $"设备静默：{name} 服务时段 {hours} 内 {Duration(evidence.Silent)} 无数据",
                string.Create(CultureInfo.InvariantCulture, $"{hours} 内设备在线 {evidence.Coverage:P0}；{outages}{(evidence.Outages.Count > 10 ? " …" : string.Empty)}；依赖该设备的当日结论均为无法核实"));
        }
    }

    private static string TaskName(Checks.Roads.RoadTask task) => task switch
    {
        Checks.Roads.RoadTask.Sweep => "机扫",
        Checks.Roads.RoadTask.Sprinkle => "洒水",
        _ => "雾炮抑尘",
    };

    private static string Duration(TimeSpan span) => span.TotalHours >= 1 ? $"{(int)span.TotalHours} 小时 {span.Minutes} 分" : $"{Math.Max(1, (int)Math.Round(span.TotalMinutes))} 分钟";
}
