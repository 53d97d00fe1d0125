using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using WasteIoT.Cloud.Accounts;
using WasteIoT.Cloud.Readings;
using WasteIoT.Cloud.Registry;
using WasteIoT.Cloud.Store;

namespace WasteIoT.Cloud.Audit;

/// <summary>
/// The county's checks by registered thing and local day: <c>/api/audit/{yyyy-MM-dd}</c>. The lists for pages
/// (<c>/overview</c>, <c>/bins</c>, <c>/toilets</c> without their odour series, <c>/roads</c>, <c>/muck</c>) are cut to what a page shows at first.
/// </summary>
internal static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/audit/latest").WithTags("Audit").RequireSession().MapGet("", LatestAsync).WithName("AuditLatestDay");
        var group = app.MapGroup("/api/audit/{date}").WithTags("Audit").RequireSession();
        group.MapGet("/", DayAsync).WithName("AuditDay");
        group.MapGet("/summary", SummaryAsync).WithName("AuditSummary");
        group.MapGet("/overview", OverviewAsync).WithName("AuditOverview");
        group.MapGet("/bins", BinsAsync).WithName("AuditBins");
        group.MapGet("/toilets", ToiletsAsync).WithName("AuditToilets");
        group.MapGet("/health", HealthAsync).WithName("AuditHealth");
        group.MapGet("/roads", RoadsAsync).WithName("AuditRoads");
        group.MapGet("/muck", MuckAsync).WithName("AuditMuck");
        group.MapGet("/stations", StationsAsync).WithName("AuditStations");
        group.MapGet("/collection", CollectionAsync).WithName("AuditCollection");
        group.MapGet("/ponds", PondsAsync).WithName("AuditPonds");
        group.MapGet("/landfills", LandfillsAsync).WithName("AuditLandfills");
        group.MapGet("/hauls", HaulsAsync).WithName("AuditHauls");
        group.MapGet("/routes/{id}", RouteAsync).WithName("AuditRoute");
        group.MapGet("/trucks/{id}", TruckAsync).WithName("AuditTruck");
        group.MapGet("/bins/{id}", BinAsync).WithName("AuditBin");
        group.MapGet("/toilets/{id}", ToiletAsync).WithName("AuditToilet");
        group.MapGet("/stations/{id}", StationAsync).WithName("AuditStation");
        group.MapGet("/ponds/{id}", PondAsync).WithName("AuditPond");
        group.MapGet("/muck/{id}", MuckTruckAsync).WithName("AuditMuckTruck");
        return app;
    }

    private static async Task<Ok<LatestDay>> LatestAsync(IReadingStore store, CountyAudit audit, TimeProvider time, CancellationToken cancellationToken) =>
        TypedResults.Ok(await LatestDay.FindAsync(store, audit.Zone, time.GetUtcNow(), cancellationToken));

    private static async Task<Ok<CountyDay>> DayAsync(CountyDate date, DayAuditCache cache, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok((await cache.GetAsync(date.Day, cancellationToken)).For(Viewer.From(user)));

    private static async Task<Ok<DaySummary>> SummaryAsync(CountyDate date, DayAuditCache cache, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok((await cache.GetAsync(date.Day, cancellationToken)).For(Viewer.From(user)).Summary);

    private static async Task<Ok<IReadOnlyList<RoadAudit>>> RoadsAsync(CountyDate date, DayAuditCache cache, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok((await cache.GetAsync(date.Day, cancellationToken)).For(Viewer.From(user)).Roads);

    private static async Task<Ok<IReadOnlyList<MuckAudit>>> MuckAsync(CountyDate date, DayAuditCache cache, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok((await cache.GetAsync(date.Day, cancellationToken)).For(Viewer.From(user)).Muck);

    private static async Task<Ok<IReadOnlyList<StationAudit>>> StationsAsync(CountyDate date, DayAuditCache cache, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok((await cache.GetAsync(date.Day, cancellationToken)).For(Viewer.From(user)).Stations);

    private static async Task<Ok<IReadOnlyList<Checks.Tonnage.TruckTonnage>>> CollectionAsync(CountyDate date, DayAuditCache cache, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok((await cache.GetAsync(date.Day, cancellationToken)).For(Viewer.From(user)).Collection);

    private static async Task<Ok<IReadOnlyList<LandfillAudit>>> LandfillsAsync(CountyDate date, DayAuditCache cache, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok((await cache.GetAsync(date.Day, cancellationToken)).For(Viewer.From(user)).Landfills);

    private static async Task<Ok<IReadOnlyList<Checks.Tonnage.Haul>>> HaulsAsync(CountyDate date, DayAuditCache cache, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok((await cache.GetAsync(date.Day, cancellationToken)).For(Viewer.From(user)).Hauls);

    private static async Task<Ok<IReadOnlyList<PondAudit>>> PondsAsync(CountyDate date, DayAuditCache cache, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok((await cache.GetAsync(date.Day, cancellationToken)).For(Viewer.From(user)).Ponds);

    private static async Task<Ok<DayHealth>> HealthAsync(CountyDate date, DayAuditCache cache, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(DayHealth.From((await cache.GetAsync(date.Day, cancellationToken)).For(Viewer.From(user))));

    private static async Task<Ok<DayOverview>> OverviewAsync(CountyDate date, DayAuditCache cache, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(DayOverview.From((await cache.GetAsync(date.Day, cancellationToken)).For(Viewer.From(user))));

    private static async Task<Ok<List<BinAudit>>> BinsAsync(CountyDate date, DayAuditCache cache, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var county = (await cache.GetAsync(date.Day, cancellationToken)).For(Viewer.From(user));
        return TypedResults.Ok(county.Bins.Concat(county.Stations.SelectMany(s => s.Containers)).ToList());
    }

    private static async Task<Ok<IReadOnlyList<ToiletAudit>>> ToiletsAsync(CountyDate date, DayAuditCache cache, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<ToiletAudit>>([.. (await cache.GetAsync(date.Day, cancellationToken)).For(Viewer.From(user)).Toilets.Select(t => t with { Odour = [] })]);

    private static Task<Results<Ok<RouteAudit>, ProblemHttpResult>> RouteAsync(CountyDate date, string id, CountyAudit audit, CountyRegistry registry, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        OneAsync<CollectionRoute, RouteAudit>(date, RegistryKinds.Routes, id, registry, Viewer.From(user), (r, d, s) => audit.RouteAsync(r, d, s, cancellationToken), cancellationToken);

    private static Task<Results<Ok<TruckAudit>, ProblemHttpResult>> TruckAsync(CountyDate date, string id, CountyAudit audit, CountyRegistry registry, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        OneAsync<Truck, TruckAudit>(date, RegistryKinds.Trucks, id, registry, Viewer.From(user), (t, d, _) => audit.TruckAsync(t, d, cancellationToken), cancellationToken);

    private static Task<Results<Ok<BinAudit>, ProblemHttpResult>> BinAsync(CountyDate date, string id, CountyAudit audit, CountyRegistry registry, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        OneAsync<Bin, BinAudit>(date, RegistryKinds.Bins, id, registry, Viewer.From(user), (b, d, _) => audit.BinAsync(b, d, cancellationToken), cancellationToken);

    private static Task<Results<Ok<ToiletAudit>, ProblemHttpResult>> ToiletAsync(CountyDate date, string id, CountyAudit audit, CountyRegistry registry, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        OneAsync<Site, ToiletAudit>(date, RegistryKinds.Sites, id, registry, Viewer.From(user), (s, d, _) => s.Kind == SiteKind.Toilet ? audit.ToiletAsync(s, d, cancellationToken) : Task.FromResult<ToiletAudit>(null!), cancellationToken);

    private static Task<Results<Ok<StationAudit>, ProblemHttpResult>> StationAsync(CountyDate date, string id, CountyAudit audit, CountyRegistry registry, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        OneAsync<Site, StationAudit>(date, RegistryKinds.Sites, id, registry, Viewer.From(user), (s, d, snapshot) => s.Kind == SiteKind.TransferStation ? audit.StationAsync(s, d, snapshot, cancellationToken) : Task.FromResult<StationAudit>(null!), cancellationToken);

    private static Task<Results<Ok<PondAudit>, ProblemHttpResult>> PondAsync(CountyDate date, string id, CountyAudit audit, CountyRegistry registry, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        OneAsync<Pond, PondAudit>(date, RegistryKinds.Ponds, id, registry, Viewer.From(user), (p, d, _) => audit.PondAsync(p, d, cancellationToken), cancellationToken);

    private static Task<Results<Ok<MuckAudit>, ProblemHttpResult>> MuckTruckAsync(CountyDate date, string id, CountyAudit audit, CountyRegistry registry, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        OneAsync<Truck, MuckAudit>(date, RegistryKinds.Trucks, id, registry, Viewer.From(user), (t, d, _) => t.Vehicle == VehicleKind.Muck ? audit.MuckAsync(t, d, cancellationToken) : Task.FromResult<MuckAudit>(null!), cancellationToken);

    private static async Task<Results<Ok<TResult>, ProblemHttpResult>> OneAsync<TEntity, TResult>(
        CountyDate date, string kind, string id, CountyRegistry registry, Viewer viewer, Func<TEntity, DateOnly, RegistrySnapshot, Task<TResult>> evaluate, CancellationToken cancellationToken)
        where TEntity : class, IRegistryEntity
    {
        var day = date.Day;
        var snapshot = await registry.CurrentAsync(cancellationToken);
        // Something the user may not see answers as if it did not exist: a URL does not reveal another contractor's truck.
        if (snapshot.Find<TEntity>(kind, id) is not { } entity || !Visible(viewer, entity) || await evaluate(entity, day, snapshot) is not { } result)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not registered", detail: $"no {typeof(TEntity).Name.ToLowerInvariant()} '{id}' of that kind in the registry");
        }

        return TypedResults.Ok(result);
    }

    internal static bool Visible(Viewer viewer, IRegistryEntity entity) => entity switch
    {
        Truck t => viewer.SeesTruck(t.Id, t.Contractor),
        CollectionRoute r => viewer.SeesTruck(r.Truck, r.Contractor),
        _ => viewer.SeesSite(entity.Contractor),
    };
}
