using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using WasteIoT.Cloud.Accounts;
using WasteIoT.Cloud.Audit;
using WasteIoT.Cloud.Cases;
using WasteIoT.Cloud.Registry;

namespace WasteIoT.Cloud.Scorecards;

/// <summary><c>GET /api/scorecard/{yyyy-MM}</c>: each contractor's month, from the kept daily summaries and the cases.</summary>
internal static class ScorecardEndpoints
{
    public static IEndpointRouteBuilder MapScorecard(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/scorecard").WithTags("Audit").RequireSession()
            .RequireAuthorization(p => p.RequireRole(nameof(UserRole.Bureau), nameof(UserRole.Contractor)))
            .MapGet("/{month}", GetAsync).WithName("Scorecard");
        return app;
    }

    public static async Task<Scorecard?> BuildAsync(string month, Viewer viewer, DaySummaryStore summaries, CaseWorkflow cases, CountyRegistry registry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (!DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", out var first) || await cases.MonthlyAsync(month, cancellationToken) is not { } monthly)
        {
            return null;
        }

        var rows = await summaries.ReadAsync(first, first.AddMonths(1).AddDays(-1), cancellationToken);
        var snapshot = await registry.CurrentAsync(cancellationToken);
        var contractors = snapshot.Of<Contractor>(RegistryKinds.Contractors).Select(c => c.Id).Where(viewer.Sees).Order(StringComparer.Ordinal).ToList();
        var scores = contractors.Select(c =>
        {
            var days = rows.Where(r => r.Contractor == c).Select(r => r.Summary).ToList();
            var scheduled = days.Sum(d => d.HouseholdsScheduled);
            var served = days.Sum(d => d.HouseholdsServed);
            var missed = days.Sum(d => d.HouseholdsMissed);
            var cleared = days.Sum(d => d.BinsCleared);
            var notCleared = days.Sum(d => d.BinsNotCleared);
            var toiletDays = days.Sum(d => d.ToiletsVerified);
            var under = days.Sum(d => d.ToiletsUnderRequired);
            var swept = days.Sum(d => d.SweptKm);
            var unproven = days.Sum(d => d.SweepUnprovenKm);
            var shortKm = Math.Max(0, days.Sum(d => d.SweepPlannedKm) - swept - unproven);

            // Rates over what was proven either way; what the nodes did not hear is shown beside them, not counted against.
            return new ContractorScore(
                c, days.Count, scheduled, served, served + missed == 0 ? 1 : (double)served / (served + missed), days.Sum(d => d.OpenCoverViolations),
                cleared, notCleared, cleared + notCleared == 0 ? 1 : (double)cleared / (cleared + notCleared), under, days.Sum(d => d.OdourExceedances),
                monthly.ByContractor.FirstOrDefault(f => f.Contractor == c) ?? new MonthlyFigures(c, 0, 0, 0, 0, 0, 1, 1, 1))
            {
                HouseholdsMissed = missed,
                HouseholdsUnverified = days.Sum(d => d.HouseholdsUnverified),
                BinDaysUnverified = days.Sum(d => d.BinsUnverified + d.BinsNoData),
                ToiletDaysVerified = toiletDays,
                ToiletDaysUnverified = days.Sum(d => d.ToiletsUnverified),
                OdourEpisodes = days.Sum(d => d.OdourEpisodes),
                CleaningRate = toiletDays == 0 ? 1 : (double)(toiletDays - under) / toiletDays,
                SweptKm = Math.Round(swept, 3),
                SweepShortKm = Math.Round(shortKm, 3),
                SweepUnprovenKm = Math.Round(unproven, 3),
                SweepRate = swept + shortKm == 0 ? null : Math.Round(swept / (swept + shortKm), 4),
                RoadWorkShort = days.Sum(d => d.RoadWorkShort),
                MuckViolations = days.Sum(d => d.MuckViolations),
                SuspectedDumping = days.Sum(d => d.SuspectedDumping),
                TonnesIn = Math.Round(days.Sum(d => d.TonnesIn), 3),
                TonnesOut = Math.Round(days.Sum(d => d.TonnesOut), 3),
                TonnesDisposed = Math.Round(days.Sum(d => d.TonnesDisposed), 3),
                HaulsNotDisposed = days.Sum(d => d.HaulsNotDisposed),
                StationDaysNotCleared = days.Sum(d => d.StationsNotCleared),
                TonnesCollected = Math.Round(days.Sum(d => d.TonnesCollected), 3),
                TreatedM3 = Math.Round(days.Sum(d => d.TreatedM3), 2),
            };
        }).ToList();
        return new Scorecard(month, rows.Where(r => r.Contractor.Length == 0).Select(r => r.Day).Distinct().Count(), scores);
    }

    private static async Task<Results<Ok<Scorecard>, ProblemHttpResult>> GetAsync(
        string month, DaySummaryStore summaries, CaseWorkflow cases, CountyRegistry registry, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await BuildAsync(month, Viewer.From(user), summaries, cases, registry, cancellationToken) is { } scorecard
            ? TypedResults.Ok(scorecard)
            : TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad month", detail: $"'{month}' is not a month in the form yyyy-MM");
}
