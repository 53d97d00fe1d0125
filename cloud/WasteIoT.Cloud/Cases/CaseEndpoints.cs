using Microsoft.AspNetCore.Http.HttpResults;

namespace WasteIoT.Cloud.Cases;

/// <summary><c>/api/cases</c>: the case list, one case with its notes, workflow steps, monthly figures.</summary>
internal static class CaseEndpoints
{
    public static IEndpointRouteBuilder MapCases(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases").WithTags("Cases");
        group.MapGet("/", ListAsync).WithName("CaseList");
        group.MapGet("/monthly/{month}", MonthlyAsync).WithName("CaseMonthly");
        group.MapGet("/{id:long}", GetAsync).WithName("CaseGet");
        group.MapPost("/{id:long}/{action}", ApplyAsync).WithName("CaseStep");
        return app;
    }

    private static async Task<Results<Ok<CasePage>, ProblemHttpResult>> ListAsync(
        CaseStore store, CancellationToken cancellationToken, string? status = null, string? contractor = null, DateTimeOffset? from = null, DateTimeOffset? to = null, int offset = 0, int limit = 50)
    {
        CaseStatus? parsed = null;
        if (status is not null)
        {
            if (!Enum.TryParse<CaseStatus>(status, ignoreCase: true, out var s) || int.TryParse(status, out _))
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad status", detail: $"'{status}' is not one of filed, dispatched, resolved, closed");
            }

            parsed = s;
        }

        if (offset < 0 || limit is < 1 or > 500)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad paging", detail: "offset must be ≥ 0 and limit 1 to 500");
        }

        var (total, items) = await store.ListAsync(parsed, contractor, from, to, offset, limit, cancellationToken);
        return TypedResults.Ok(new CasePage(total, offset, limit, items));
    }

    private static async Task<Results<Ok<CaseRecord>, ProblemHttpResult>> GetAsync(long id, CaseStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) is { } found ? TypedResults.Ok(found) : NotFound(id);

    private static async Task<Results<Ok<CaseRecord>, ProblemHttpResult>> ApplyAsync(long id, string action, CaseAction body, CaseWorkflow workflow, CancellationToken cancellationToken)
    {
        var (result, refusal) = await workflow.ApplyAsync(id, action, body, string.IsNullOrWhiteSpace(body.Author) ? "api" : body.Author.Trim(), cancellationToken);
        if (result is null)
        {
            return NotFound(id);
        }

        return refusal is null ? TypedResults.Ok(result) : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Step refused", detail: refusal);
    }

    private static async Task<Results<Ok<MonthlyReport>, ProblemHttpResult>> MonthlyAsync(string month, CaseWorkflow workflow, CancellationToken cancellationToken) =>
        await workflow.MonthlyAsync(month, cancellationToken) is { } report
            ? TypedResults.Ok(report)
            : TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad month", detail: $"'{month}' is not a month in the form yyyy-MM");

    private static ProblemHttpResult NotFound(long id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such case", detail: $"case {id} does not exist");
}
