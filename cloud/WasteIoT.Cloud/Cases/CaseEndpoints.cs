using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using WasteIoT.Cloud.Accounts;

namespace WasteIoT.Cloud.Cases;

/// <summary><c>/api/cases</c>: the case list, one case with its notes, workflow steps, monthly figures.</summary>
internal static class CaseEndpoints
{
    public static IEndpointRouteBuilder MapCases(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases").WithTags("Cases").RequireSession().RequireAuthorization(p => p.RequireRole(nameof(UserRole.Bureau), nameof(UserRole.Contractor)));
        group.MapGet("/", ListAsync).WithName("CaseList");
        group.MapGet("/monthly/{month}", MonthlyAsync).WithName("CaseMonthly");
        group.MapGet("/{id:long}", GetAsync).WithName("CaseGet");
        group.MapPost("/{id:long}/{action}", ApplyAsync).WithName("CaseStep");
        return app;
    }

    private static async Task<Results<Ok<CasePage>, ProblemHttpResult>> ListAsync(
        CaseStore store, TimeProvider time, ClaimsPrincipal user, CancellationToken cancellationToken, string? status = null, string? contractor = null, DateTimeOffset? from = null, DateTimeOffset? to = null, int offset = 0, int limit = 50, string? kind = null)
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

        // A contractor's list is its own cases, whatever it asks for.
        var viewer = Viewer.From(user);
        var (total, items) = await store.ListAsync(parsed, viewer.IsBureau ? contractor : viewer.Contractor, from, to, offset, limit, cancellationToken, kind);
        return TypedResults.Ok(new CasePage(total, offset, limit, [.. items.Select(c => CaseRoles.View(viewer, c, time.GetUtcNow()))]));
    }

    private static async Task<Results<Ok<CaseRecord>, ProblemHttpResult>> GetAsync(long id, CaseStore store, TimeProvider time, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) is { } found && Viewer.From(user).Sees(found.Contractor)
            ? TypedResults.Ok(CaseRoles.View(Viewer.From(user), found, time.GetUtcNow()))
            : NotFound(id);

    private static async Task<Results<Ok<CaseRecord>, ProblemHttpResult>> ApplyAsync(long id, string action, CaseAction body, CaseWorkflow workflow, CaseStore store, TimeProvider time, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var viewer = Viewer.From(user);
        if (await store.GetAsync(id, cancellationToken) is not { } current || !viewer.Sees(current.Contractor))
        {
            return NotFound(id);
        }

        if (CaseWorkflow.Actions.Contains(action) && !CaseRoles.May(viewer, action, current))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not yours to do", detail: CaseRoles.Refusal(viewer, action));
        }

        var (result, refusal) = await workflow.ApplyAsync(id, action, body, viewer.Name, cancellationToken);
        if (result is null)
        {
            return NotFound(id);
        }

        return refusal is null ? TypedResults.Ok(CaseRoles.View(viewer, result, time.GetUtcNow())) : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Step refused", detail: refusal);
    }

    private static async Task<Results<Ok<MonthlyReport>, ProblemHttpResult>> MonthlyAsync(string month, CaseWorkflow workflow, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await workflow.MonthlyAsync(month, cancellationToken) is not { } report)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad month", detail: $"'{month}' is not a month in the form yyyy-MM");
        }

        var viewer = Viewer.From(user);
        if (viewer.IsBureau)
        {
            return TypedResults.Ok(report);
        }

        var own = report.ByContractor.FirstOrDefault(f => f.Contractor == viewer.Contractor) ?? new MonthlyFigures(viewer.Contractor, 0, 0, 0, 0, 0, 1, 1, 1);
        return TypedResults.Ok(new MonthlyReport(report.Month, own, [own], new Dictionary<string, int>()));
    }

    private static ProblemHttpResult NotFound(long id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such case", detail: $"case {id} does not exist");
}
