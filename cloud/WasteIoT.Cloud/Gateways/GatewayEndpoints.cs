using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using WasteIoT.Cloud.Accounts;

namespace WasteIoT.Cloud.Gateways;

/// <summary><c>/api/gateways/presence</c>: each gateway's connection and backlog now, for the data-health page.</summary>
internal static class GatewayEndpoints
{
    public static IEndpointRouteBuilder MapGateways(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/gateways").WithTags("Gateways").RequireSession();
        group.MapGet("/presence", PresenceAsync).WithName("GatewayPresence");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<GatewayPresence>>> PresenceAsync(GatewayPresenceBook book, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(await book.ListAsync(Viewer.From(user), cancellationToken));
}
