using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using WasteIoT.Cloud.Accounts;
using WasteIoT.Cloud.Audit;
using WasteIoT.Cloud.Cases;
using WasteIoT.Cloud.Readings;
using WasteIoT.Cloud.Scorecards;
using WasteIoT.Cloud.Settings;

namespace WasteIoT.Cloud.Exports;

/// <summary>
/// <c>/api/exports/{report}/{day or month}.{csv|xlsx}</c>: toilet audit, coverage, violations, road work and muck trucks of a day, and the
/// monthly scorecard, station ledgers and tonnes collected, as the signed-in user may see them. Column names are Chinese, as the bureau files them.
/// </summary>
internal static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/exports").WithTags("Exports").RequireSession();
        group.MapGet("/{report}/{key}.{format}", ExportAsync).WithName("Export");
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportAsync(
        string report, string key, string format, DayAuditCache days, CaseWorkflow cases, DaySummaryStore summaries, Registry.CountyRegistry registry, CountyAudit audit,
        IOptions<CloudOptions> options, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (format is not ("csv" or "xlsx"))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown format", detail: "csv or xlsx");
        }

        var viewer = Viewer.From(user);
        ReportTable? table;
        if (report == "tonnage")
        {
            var snapshot = await registry.CurrentAsync(cancellationToken);
            var rows = new List<object?[]>();
            foreach (var station in snapshot.Of<Registry.Site>(Registry.RegistryKinds.Sites).Where(s => s.RatedTonnes is not null && viewer.SeesSite(s.Contractor)).OrderBy(s => s.Id, StringComparer.Ordinal))
            {
                if (await Tonnage.TonnageEndpoints.BuildAsync(station.Id, key, viewer, audit, registry, cancellationToken) is not { } month)
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad month", detail: $"'{key}' is not yyyy-MM");
                }

                rows.AddRange(month.Days.Select(d => new object?[] { station.Id, station.Name, d.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), d.CarriedT, d.InT, d.OutT, d.ResidualT,
                    d.Cleared ? "日清 cleared" : "未清 not cleared", d.TripsIn, d.TripsOut, d.Unidentified, d.OpenPasses, month.RatedT }));
            }

            table = new ReportTable($"转运站称重台账 {key}", ["转运站 station", "名称 name", "日期 day", "结转(t) carried", "进站(t) in", "出站(t) out", "日终存量(t) residual", "日产日清 cleared", "进站车次 trips in", "转运车次 trips out", "未识别车辆 unidentified", "未完成过磅 open passes", "设计规模(t/日) rated"], rows);
        }
        else if (report == "collection")
        {
            if (await Tonnage.TonnageEndpoints.CollectionAsync(key, viewer, summaries, cancellationToken) is not { } month)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad month", detail: $"'{key}' is not yyyy-MM");
            }

            table = new ReportTable($"收运量 {key}", ["类别 by", "车辆或线路 truck or route", "作业单位 contractor", "线路或车辆 routes or trucks", "天数 days", "车次 trips", "收运量(t) tonnes", "超载 overloads", "进站未过磅 unweighed"],
                [.. month.Trucks.Select(c => new object?[] { "车辆 truck", c.Truck, c.Contractor, string.Join(";", c.Routes), c.Days, c.Trips, c.DeliveredT, c.Overloads, c.Unweighed }),
                    .. month.Routes.Select(r => new object?[] { "线路 route", r.Route, r.Contractor, string.Join(";", r.Trucks), r.Days, r.Trips, r.DeliveredT, null, null })]);
        }
        else if (report == "scorecard")
        {
            if (!viewer.IsBureau && viewer.Role != UserRole.Contractor)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not yours to see");
            }

            if (await ScorecardEndpoints.BuildAsync(key, viewer, summaries, cases, registry, cancellationToken) is not { } card)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad month", detail: $"'{key}' is not yyyy-MM");
            }

            table = new ReportTable($"考核 {key}",
                ["作业单位 contractor", "天数 days", "应收 scheduled", "已收 served", "漏收 missed", "无法核实 unverified", "覆盖率(已核实) coverage (verified)", "密闭运输违规 open-cover",
                    "清运桶日 bin-days cleared", "未清运 not cleared", "无法核实桶日 bin-days unverified", "清运率 clearance", "保洁不足 toilet-days under 6", "无法核实公厕日 toilet-days unverified",
                    "异味超标时段 odour episodes", "超标读数 readings over", "机扫率 swept as planned", "按计划机扫(km) swept km", "未达标(km) short km", "无法核实(km) unproven km", "道路作业不足 road work short",
                    "渣土车违规 muck violations", "疑似偷倒 suspected dumping", "收运量(t) tonnes collected", "转运站进站(t) station in", "转运站出站(t) station out", "处置场进场(t) disposed", "转运未进场 hauls not disposed", "立案 filed", "处置率 completion", "结案率 closure", "按期处置率 on-time"],
                [.. card.Contractors.Select(c => new object?[] { c.Contractor, c.Days, c.HouseholdsScheduled, c.HouseholdsServed, c.HouseholdsMissed, c.HouseholdsUnverified, c.Coverage, c.OpenCoverViolations,
                    c.BinDaysCleared, c.BinDaysNotCleared, c.BinDaysUnverified, c.ClearanceRate, c.ToiletDaysUnderRequired, c.ToiletDaysUnverified,
                    c.OdourEpisodes, c.OdourExceedances, c.SweepRate, c.SweptKm, c.SweepShortKm, c.SweepUnprovenKm, c.RoadWorkShort,
                    c.MuckViolations, c.SuspectedDumping, c.TonnesCollected, c.TonnesIn, c.TonnesOut, c.TonnesDisposed, c.HaulsNotDisposed, c.Cases.Filed, c.Cases.CompletionRate, c.Cases.ClosureRate, c.Cases.OnTimeRate })]);
        }
        else
        {
            if (!CountyDate.TryParse(key, null, out var date))
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad date", detail: $"'{key}' is not a date in the form yyyy-MM-dd");
            }

            var day = (await days.GetAsync(date.Day, cancellationToken)).For(viewer);
            table = report switch
            {
                "toilets" => new ReportTable($"公厕考核 {key}", ["公厕 toilet", "名称 name", "作业单位 contractor", "保洁次数 cleanings", "要求 required", "保洁结论 cleaning verdict", "最长间隔(分) longest gap (min)", "定人保洁 by assigned", "异味超标时段 odour episodes", "超标读数 readings over", "异味结论 odour verdict", "开放时段监测覆盖 heard in opening hours"],
                    [.. day.Toilets.Select(t => new object?[] { t.Toilet, t.Name, t.Contractor, t.Result.Cleanings.Count, t.Result.Required, VerdictText(t.Cleaning), Math.Round(t.Result.LongestGap.TotalMinutes), t.Result.ByAssignedCleaners, t.Result.Episodes.Count, t.Result.Exceedances.Count, VerdictText(t.OdourState), t.Evidence.Coverage })]),
                "coverage" => new ReportTable($"上门收运 {key}", ["线路 route", "名称 name", "车辆 truck", "结论 verdict", "应收 scheduled", "已收 served", "覆盖率(已核实) coverage (verified)", "漏收住户 missed", "无法核实住户 unverified", "服务时段监测覆盖 heard in service hours"],
                    [.. day.Routes.Where(r => r.Coverage is not null).Select(r => new object?[] { r.Route, r.Name, r.Truck, VerdictText(r.State), r.Coverage!.Scheduled, r.Coverage.Served, r.Coverage.CoverageRatio,
                        string.Join(";", r.Coverage.Missed.Select(h => h.Household)), string.Join(";", r.Coverage.Unverified.Select(h => h.Household)), r.Evidence?.Coverage })]),
                "violations" => new ReportTable($"密闭运输 {key}", ["车辆 truck", "作业单位 contractor", "开始 start", "结束 end", "里程(km) distance", "最高时速 peak km/h", "起点 from", "终点 to"],
                    [.. day.Trucks.SelectMany(t => t.SealedTransport.Violations.Select(v => new object?[] { t.Truck, t.Contractor, v.Start, v.End, Math.Round(v.DistanceKm, 3), v.PeakSpeedKmh, $"{v.StartLat:0.00000},{v.StartLon:0.00000}", $"{v.EndLat:0.00000},{v.EndLon:0.00000}" }))]),
                "roads" => new ReportTable($"道路作业 {key}", ["路段 segment", "名称 name", "作业单位 contractor", "类别 class", "长度(m) length", "作业 task", "时段 window", "要求遍数 required", "完成遍数 done", "覆盖路段 covered", "结论 verdict", "过快定位点 fixes too fast", "设备未开定位点 fixes equipment off", "可作业车辆 vehicles", "车辆在线 heard"],
                    [.. day.Roads.SelectMany(r => r.Work.Select(w => new object?[] { r.Segment, r.Name, r.Contractor, RoadClassText(r.Class), r.LengthM, TaskText(w.Result.Task), $"{w.Result.From:HH\\:mm}-{w.Result.To:HH\\:mm}", w.Result.Required, w.Result.Done, w.Result.CoveredShare, VerdictText(w.State), w.Result.TooFastFixes, w.Result.EquipmentOffFixes, string.Join(";", w.Vehicles), w.Evidence.Coverage }))]),
                "muck" => new ReportTable($"渣土车 {key}", ["车辆 truck", "作业单位 contractor", "核准证 permits", "类型 finding", "开始 start", "结束 end", "里程(km) distance", "起点/位置 from", "终点 to", "偏离路线或距消纳场(m) off by"],
                    [.. day.Muck.SelectMany(m => MuckRows(m))]),
                _ => null,
            };
        }

        if (table is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown report", detail: "toilets, coverage, violations, roads, muck, tonnage, collection or scorecard");
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);
        return format == "csv"
            ? TypedResults.File(ReportWriter.Csv(table, zone), "text/csv; charset=utf-8", $"{report}-{key}.csv")
            : TypedResults.File(ReportWriter.Xlsx(table, zone), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{report}-{key}.xlsx");
    }

    private static IEnumerable<object?[]> MuckRows(MuckAudit m)
    {
        var permits = string.Join(";", m.Permits);
        static string Place(double lat, double lon) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{lat:0.00000},{lon:0.00000}");
        foreach (var (kind, runs) in new[] { ("无证行驶 no permit", m.Result.Unpermitted), ("偏离核准路线 off route", m.Result.OffRoute), ("非核准时段 off hours", m.Result.OffHours) })
        {
            foreach (var r in runs)
            {
                yield return [m.Truck, m.Contractor, permits, kind, r.Start, r.End, r.DistanceKm, Place(r.StartLat, r.StartLon), Place(r.EndLat, r.EndLon), r.FarthestM == 0 ? null : r.FarthestM];
            }
        }

        foreach (var d in m.Result.Dumping)
        {
            yield return [m.Truck, m.Contractor, permits, d.Located ? "疑似偷倒 suspected dumping" : "举升位置不明 raise not located", d.Ts, null, null, d.Located ? Place(d.Lat!.Value, d.Lon!.Value) : null, null, d.NearestDisposalM];
        }
    }

    private static string TaskText(Checks.Roads.RoadTask task) => task switch
    {
        Checks.Roads.RoadTask.Sweep => "机扫 sweep",
        Checks.Roads.RoadTask.Sprinkle => "洒水 sprinkle",
        _ => "雾炮 fog",
    };

    private static string RoadClassText(Registry.RoadClass roadClass) => roadClass switch
    {
        Registry.RoadClass.Main => "主干道 main",
        Registry.RoadClass.Secondary => "次干道 secondary",
        Registry.RoadClass.BackStreet => "背街小巷 back street",
        _ => "重点路段 key section",
    };

    /// <summary>A verdict as an inspector reads it, in both languages.</summary>
    private static string VerdictText(Checks.Evidence.VerdictState? state) => state switch
    {
        Checks.Evidence.VerdictState.Ok => "达标 ok",
        Checks.Evidence.VerdictState.Violation => "违规 violation",
        Checks.Evidence.VerdictState.Shortfall => "未达标 shortfall",
        Checks.Evidence.VerdictState.Unverified => "无法核实 unverified",
        Checks.Evidence.VerdictState.NoData => "无数据 no data",
        _ => string.Empty,
    };
}
