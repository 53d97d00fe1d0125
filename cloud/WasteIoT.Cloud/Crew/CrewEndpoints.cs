using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using WasteIoT.Cloud.Accounts;
using WasteIoT.Cloud.Audit;
using WasteIoT.Cloud.Readings;
using WasteIoT.Cloud.Registry;

namespace WasteIoT.Cloud.Crew;

/// <summary>
/// <c>/api/crew/{date}</c>: the day's due routes of the trucks the user sees, each door in service order with its
/// address and building and whether it is served. A crew member reads the addresses of its own truck's routes here,
/// and only those (households otherwise belong to the bureau).
/// </summary>
internal static class CrewEndpoints
{
    public static IEndpointRouteBuilder MapCrew(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/crew").WithTags("Crew").RequireSession().MapGet("/{date}", RoutesAsync).WithName("CrewRoutes");
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<CrewRoute>>, ProblemHttpResult>> RoutesAsync(
        CountyDate date, DayAuditCache cache, CountyRegistry registry, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var day = date.Day;
        var viewer = Viewer.From(user);
        var county = (await cache.GetAsync(day, cancellationToken)).For(viewer);
        var snapshot = await registry.CurrentAsync(cancellationToken);
        var routes = new List<CrewRoute>();
        foreach (var audit in county.Routes.Where(r => r.Due && r.Coverage is not null && viewer.SeesTruck(r.Truck, r.Contractor)))
        {
            if (snapshot.Find<CollectionRoute>(RegistryKinds.Routes, audit.Route) is not { } route)
            {
                continue;
            }

            var coverage = audit.Coverage!;
            var missed = coverage.Missed.Select(h => h.Household).ToHashSet(StringComparer.Ordinal);
            var unverified = coverage.Unverified.Select(h => h.Household).ToHashSet(StringComparer.Ordinal);
            var far = coverage.FarScans.GroupBy(f => f.Household, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Min(f => f.DistanceM), StringComparer.Ordinal);
            var stops = route.Households.Select((id, i) =>
            {
                var household = snapshot.Find<Household>(RegistryKinds.Households, id);
                var state = missed.Contains(id) ? "missed" : unverified.Contains(id) ? "left" : "served";
                return new CrewStop(i + 1, id, household?.Address ?? string.Empty, household?.Building ?? string.Empty, household?.Lat, household?.Lon, state, far.TryGetValue(id, out var m) ? m : null);
            }).ToList();
            routes.Add(new CrewRoute(route.Id, route.Name, route.Truck, coverage.Served, coverage.Scheduled, stops));
        }

        return TypedResults.Ok<IReadOnlyList<CrewRoute>>(routes);
    }
}
