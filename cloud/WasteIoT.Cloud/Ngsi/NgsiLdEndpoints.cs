using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using WasteIoT.Cloud.Accounts;

namespace WasteIoT.Cloud.Ngsi;

/// <summary>
/// A read-only slice of the NGSI-LD API (ETSI GS CIM 009): <c>GET /ngsi-ld/v1/entities?type=…</c> and
/// <c>GET /ngsi-ld/v1/entities/{id}</c>, normalized by default and key-values with <c>options=keyValues</c>.
/// </summary>
internal static class NgsiLdEndpoints
{
    private const string LdJson = "application/ld+json";
    private const string BadRequestData = "https://uri.etsi.org/ngsi-ld/errors/BadRequestData";

    public static IEndpointRouteBuilder MapNgsiLd(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/ngsi-ld/v1/entities").WithTags("NGSI-LD").RequireSession().RequireAuthorization(CloudPolicies.Bureau);
        group.MapGet("/", ListAsync).WithName("NgsiLdEntities");
        group.MapGet("/{id}", GetAsync).WithName("NgsiLdEntity");
        return app;
    }

    private static async Task<IResult> ListAsync(NgsiLdView view, HttpResponse response, CancellationToken cancellationToken, string? type = null, string? options = null, int offset = 0, int limit = 20)
    {
        if (type is null || !NgsiLdView.Types.Contains(type))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, type: BadRequestData, title: "Unsupported type",
                detail: $"type must be one of {string.Join(", ", NgsiLdView.Types)}");
        }

        if (offset < 0 || limit is < 1 or > 1000)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, type: BadRequestData, title: "Bad paging", detail: "offset must be ≥ 0 and limit 1 to 1000");
        }

        var (total, entities) = await view.ListAsync(type, offset, limit, cancellationToken);
        response.Headers["NGSILD-Results-Count"] = total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var keyValues = KeyValues(options);
        return TypedResults.Text(new JsonArray([.. entities.Select(e => (JsonNode)(keyValues ? e : NgsiLdView.Normalize(e)))]).ToJsonString(), LdJson);
    }

    private static async Task<IResult> GetAsync(string id, NgsiLdView view, CancellationToken cancellationToken, string? options = null)
    {
        if (await view.GetAsync(id, cancellationToken) is not { } entity)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, type: "https://uri.etsi.org/ngsi-ld/errors/ResourceNotFound", title: "Entity not found", detail: $"no entity '{id}'");
        }

        return TypedResults.Text((KeyValues(options) ? entity : NgsiLdView.Normalize(entity)).ToJsonString(), LdJson);
    }

    private static bool KeyValues(string? options) =>
        options?.Split(',').Any(o => o.Trim() is "keyValues" or "simplified") == true;
}
