using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using WasteIoT.Cloud.Accounts;
using WasteIoT.Cloud.Audit;
using WasteIoT.Cloud.Checks.Tonnage;
using WasteIoT.Cloud.Registry;

namespace WasteIoT.Cloud.Tonnage;

/// <summary><c>GET /api/tonnage/stations/{id}/{yyyy-MM}</c>: a weighed station's ledger for each closed day of the month, the same ledger the day audit reads.</summary>
internal static class TonnageEndpoints
{
    public static IEndpointRouteBuilder MapTonnage(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tonnage").WithTags("Tonnage").RequireSession()
            .RequireAuthorization(p => p.RequireRole(nameof(UserRole.Bureau), nameof(UserRole.Contractor)));
        group.MapGet("/stations/{id}/{month}", StationMonthAsync).WithName("StationMonth");
        group.MapGet("/ponds/{id}/{month}", PondMonthAsync).WithName("PondMonth");
        group.MapGet("/collection/{month}", CollectionMonthAsync).WithName("CollectionMonth");
        return app;
    }

    public static StationLedgerDay Day(DateOnly date, StationLedger l) =>
        new(date, l.CarriedT, l.InT, l.OutT, l.ResidualT, l.Cleared, l.Visits.Count(v => v.Flow == LedgerFlow.In), l.Visits.Count(v => v.Flow == LedgerFlow.Out), l.Unidentified.Count, l.OpenPasses, l.Complete);

    public static async Task<StationMonth?> BuildAsync(string id, string month, Viewer viewer, CountyAudit audit, CountyRegistry registry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(audit);
        if (!TryMonth(month, out var first))
        {
            return null;
        }

        var snapshot = await registry.CurrentAsync(cancellationToken);
        if (snapshot.Find<Site>(RegistryKinds.Sites, id) is not { Kind: SiteKind.TransferStation, RatedTonnes: { } rated } station || !viewer.SeesSite(station.Contractor))
        {
            return null;
        }

        // Closed days only: today's stock at noon says nothing yet about 日产日清 (the day page shows it as it stands).
        var last = first.AddMonths(1).AddDays(-1);
        last = last >= audit.Today ? audit.Today.AddDays(-1) : last;
        var days = last < first ? [] : await audit.LedgerSeriesAsync(station, first, last, snapshot, cancellationToken);
        return new StationMonth(station.Id, station.Name, station.Contractor, rated, month, [.. days.Select(d => Day(d.Day, d.Ledger))]);
    }

    /// <summary>A pond's closed days of the month, each day the pond audit's own (volume, inflow, treated, arriving).</summary>
    private static async Task<Results<Ok<PondMonth>, ProblemHttpResult>> PondMonthAsync(
        string id, string month, CountyAudit audit, CountyRegistry registry, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!TryMonth(month, out var first))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad month", detail: $"'{month}' is not a month in the form yyyy-MM");
        }

        var snapshot = await registry.CurrentAsync(cancellationToken);
        if (snapshot.Find<Pond>(RegistryKinds.Ponds, id) is not { } pond || !Viewer.From(user).SeesSite(pond.Contractor))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not registered", detail: $"no pond '{id}'");
        }

        var days = new List<PondDay>();
        for (var day = first; day < first.AddMonths(1) && day < audit.Today; day = day.AddDays(1))
        {
            var r = (await audit.PondAsync(pond, day, cancellationToken)).Result;
            days.Add(new PondDay(day, r.VolumeM3, r.InflowM3PerDay, r.TreatedM3, r.GrossInflowM3PerDay, r.Alarm));
        }

        return TypedResults.Ok(new PondMonth(pond.Id, pond.Name, pond.Contractor, pond.AlarmVolumeM3, month, days));
    }

    private static async Task<Results<Ok<StationMonth>, ProblemHttpResult>> StationMonthAsync(
        string id, string month, CountyAudit audit, CountyRegistry registry, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!TryMonth(month, out _))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad month", detail: $"'{month}' is not a month in the form yyyy-MM");
        }

        return await BuildAsync(id, month, Viewer.From(user), audit, registry, cancellationToken) is { } result
            ? TypedResults.Ok(result)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not registered", detail: $"no weighed transfer station '{id}'");
    }

    /// <summary>Tonnes by truck and by route over the month's closed days, as kept when each day was audited.</summary>
    public static async Task<CollectionMonth?> CollectionAsync(string month, Viewer viewer, DaySummaryStore summaries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        if (!TryMonth(month, out var first))
        {
            return null;
        }

        var last = first.AddMonths(1).AddDays(-1);
        var days = (await summaries.ReadAsync(first, last, cancellationToken)).Where(r => r.Contractor.Length == 0).Select(r => r.Day).Distinct().Count();
        return CollectionMonth.From(month, days, await summaries.ReadCollectionAsync(first, last, cancellationToken), viewer);
    }

    private static async Task<Results<Ok<CollectionMonth>, ProblemHttpResult>> CollectionMonthAsync(string month, DaySummaryStore summaries, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await CollectionAsync(month, Viewer.From(user), summaries, cancellationToken) is { } result
            ? TypedResults.Ok(result)
            : TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad month", detail: $"'{month}' is not a month in the form yyyy-MM");

    /// <summary>A month as the pages write it (yyyy-MM), as its first day.</summary>
    private static bool TryMonth(string month, out DateOnly first) =>
        DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out first);
}
