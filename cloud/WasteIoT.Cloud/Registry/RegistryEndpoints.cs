using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using WasteIoT.Cloud.Accounts;

namespace WasteIoT.Cloud.Registry;

/// <summary>REST and CSV over the registry: <c>/api/registry/{kind}</c> with kinds as in <see cref="RegistryKinds"/>.</summary>
internal static class RegistryEndpoints
{
    private const int MaxPage = 1000;
    private const long MaxCsvBytes = 64L * 1024 * 1024;

    public static IEndpointRouteBuilder MapRegistry(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/registry").WithTags("Registry").RequireSession();
        group.MapGet("/", KindsAsync).WithName("RegistryKinds");
        group.MapGet("/{kind}.csv", ExportAsync).WithName("RegistryExportCsv");
        group.MapPost("/{kind}.csv", ImportAsync).WithName("RegistryImportCsv").Accepts<string>("text/csv").RequireAuthorization(CloudPolicies.Bureau);
        group.MapPost("/roads.geojson", ImportRoadsGeoJsonAsync).WithName("RegistryImportRoadsGeoJson").Accepts<string>("application/geo+json").RequireAuthorization(CloudPolicies.Bureau);
        group.MapGet("/{kind}", ListAsync).WithName("RegistryList");
        group.MapGet("/{kind}/{id}", GetAsync).WithName("RegistryGet");
        group.MapPut("/{kind}/{id}", PutAsync).WithName("RegistryPut").Accepts<JsonElement>("application/json").RequireAuthorization(CloudPolicies.Bureau);
        group.MapDelete("/{kind}/{id}", DeleteAsync).WithName("RegistryDelete").RequireAuthorization(CloudPolicies.Bureau);
        return app;
    }

    private static async Task<Ok<List<RegistryKindSummary>>> KindsAsync(CountyRegistry registry, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var snapshot = await registry.CurrentAsync(cancellationToken);
        var viewer = Viewer.From(user);
        return TypedResults.Ok(RegistryKinds.All.Select(k => new RegistryKindSummary(k.Name, snapshot.All(k.Name).Count(e => Visible(viewer, e)), k.Columns)).ToList());
    }

    /// <summary>The bureau sees every row; a contractor its own (households belong to the bureau); a crew member its truck and routes.</summary>
    private static bool Visible(Viewer viewer, IRegistryEntity entity) => entity switch
    {
        _ when viewer.IsBureau => true,
        Truck t => viewer.SeesTruck(t.Id, t.Contractor),
        CollectionRoute r => viewer.SeesTruck(r.Truck, r.Contractor),
        Contractor c => viewer.Sees(c.Id),
        _ => viewer.SeesSite(entity.Contractor),
    };

    private static async Task<Results<Ok<RegistryPage>, ProblemHttpResult>> ListAsync(string kind, CountyRegistry registry, ClaimsPrincipal user, CancellationToken cancellationToken, int offset = 0, int limit = 100)
    {
        if (RegistryKinds.Find(kind) is not { } found)
        {
            return UnknownKind(kind);
        }

        if (offset < 0 || limit is < 1 or > MaxPage)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad paging", detail: $"offset must be ≥ 0 and limit 1 to {MaxPage}");
        }

        var snapshot = await registry.CurrentAsync(cancellationToken);
        var viewer = Viewer.From(user);
        var visible = snapshot.All(found.Name).Where(e => Visible(viewer, e)).ToList();
        var items = visible.Skip(offset).Take(limit).Select(e => CountyRegistry.ToJson(found, e)).ToList();
        return TypedResults.Ok(new RegistryPage(found.Name, visible.Count, offset, limit, items));
    }

    private static async Task<Results<Ok<JsonElement>, ProblemHttpResult>> GetAsync(string kind, string id, CountyRegistry registry, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (RegistryKinds.Find(kind) is not { } found)
        {
            return UnknownKind(kind);
        }

        var snapshot = await registry.CurrentAsync(cancellationToken);
        return snapshot.Find(found.Name, id) is { } entity && Visible(Viewer.From(user), entity)
            ? TypedResults.Ok(CountyRegistry.ToJson(found, entity))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not registered", detail: $"no {found.Name} row '{id}'");
    }

    /// <param name="effective">When a change of the row's devices took effect (a swap entered late); now when absent.</param>
    private static async Task<Results<Ok<JsonElement>, ValidationProblem, ProblemHttpResult>> PutAsync(
        string kind, string id, HttpRequest request, CountyRegistry registry, CancellationToken cancellationToken, DateTimeOffset? effective = null)
    {
        if (RegistryKinds.Find(kind) is not { } found)
        {
            return UnknownKind(kind);
        }

        IRegistryEntity? entity;
        try
        {
            entity = await JsonSerializer.DeserializeAsync(request.Body, found.TypeInfo, cancellationToken) as IRegistryEntity;
        }
        catch (JsonException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad JSON", detail: ex.Message);
        }

        if (entity is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad JSON", detail: "the body is not a " + found.Name + " row");
        }

        if (!string.Equals(entity.Id, id, StringComparison.Ordinal))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Id mismatch", detail: $"the URL names '{id}' but the body '{entity.Id}'");
        }

        var errors = await registry.UpsertAsync(found, entity, cancellationToken, effective);
        return errors.Count == 0
            ? TypedResults.Ok(CountyRegistry.ToJson(found, (await registry.CurrentAsync(cancellationToken)).Find(found.Name, id) ?? entity))
            : TypedResults.ValidationProblem(new Dictionary<string, string[]> { [found.Name] = [.. errors] }, title: $"The {found.Name} row is not valid");
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string kind, string id, CountyRegistry registry, CancellationToken cancellationToken)
    {
        if (RegistryKinds.Find(kind) is not { } found)
        {
            return UnknownKind(kind);
        }

        var (exists, references) = await registry.DeleteAsync(found, id, cancellationToken);
        if (!exists)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not registered", detail: $"no {found.Name} row '{id}'");
        }

        return references.Count == 0
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Still referred to", detail: $"{found.Name}/{id} is referred to by {string.Join(", ", references)}");
    }

    private static async Task<Results<Ok<ImportReport>, ProblemHttpResult>> ImportAsync(string kind, HttpRequest request, CountyRegistry registry, CancellationToken cancellationToken)
    {
        if (RegistryKinds.Find(kind) is not { } found)
        {
            return UnknownKind(kind);
        }

        // A county's households are a few MB; the file is read whole (asynchronously) and parsed from memory.
        if (request.ContentLength > MaxCsvBytes)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "CSV too large", detail: $"at most {MaxCsvBytes / 1024 / 1024} MB per file");
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > MaxCsvBytes)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "CSV too large", detail: $"at most {MaxCsvBytes / 1024 / 1024} MB per file");
        }

        buffer.Position = 0;
        using var reader = new StreamReader(buffer, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return TypedResults.Ok(await registry.ImportCsvAsync(found, reader, cancellationToken));
    }

    private static async Task<Results<Ok<ImportReport>, ProblemHttpResult>> ImportRoadsGeoJsonAsync(HttpRequest request, CountyRegistry registry, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxCsvBytes)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "GeoJSON too large", detail: $"at most {MaxCsvBytes / 1024 / 1024} MB per file");
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > MaxCsvBytes)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "GeoJSON too large", detail: $"at most {MaxCsvBytes / 1024 / 1024} MB per file");
        }

        if (!RoadGeoJson.TryToCsv(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), out var csv, out var error))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not road GeoJSON", detail: error);
        }

        using var reader = new StringReader(csv);
        return TypedResults.Ok(await registry.ImportCsvAsync(RegistryKinds.Find(RegistryKinds.Roads)!, reader, cancellationToken));
    }

    private static async Task<IResult> ExportAsync(string kind, CountyRegistry registry, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (RegistryKinds.Find(kind) is not { } found)
        {
            return UnknownKind(kind);
        }

        var text = new StringWriter();
        var viewer = Viewer.From(user);
        await registry.ExportCsvAsync(found, text, e => Visible(viewer, e), cancellationToken);
        return TypedResults.File(Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8", found.Name + ".csv");
    }

    private static ProblemHttpResult UnknownKind(string kind) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown registry kind", detail: $"'{kind}' is not one of {string.Join(", ", RegistryKinds.All.Select(k => k.Name))}");
}
