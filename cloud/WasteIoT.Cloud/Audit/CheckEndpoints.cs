using Microsoft.AspNetCore.Http.HttpResults;
using WasteIoT.Cloud.Accounts;
using WasteIoT.Cloud.Checks.Clearance;
using WasteIoT.Cloud.Checks.DataHealth;
using WasteIoT.Cloud.Checks.Evidence;
using WasteIoT.Cloud.Checks.SealedTransport;

namespace WasteIoT.Cloud.Audit;

/// <summary>
/// The checks over stored data, for one device and one local day: the county audit's own computations (its
/// configured rules, the day before where state carries over midnight), so both answer alike.
/// </summary>
internal static class CheckEndpoints
{
    public static IEndpointRouteBuilder MapChecks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/checks").RequireSession().RequireAuthorization(CloudPolicies.Bureau);
        group.MapGet("/sealed-transport/{device}/{date}", SealedTransportAsync).WithName("SealedTransportCheck");
        group.MapGet("/clearance/{device}/{date}", ClearanceAsync).WithName("ClearanceCheck");
        group.MapGet("/data-health/{device}/{date}", DataHealthAsync).WithName("DataHealthCheck");
        group.MapGet("/evidence/{device}/{date}", EvidenceAsync).WithName("EvidenceCheck");
        return app;
    }

    private static async Task<Results<Ok<SealedTransportResult>, ProblemHttpResult>> SealedTransportAsync(string device, string date, CountyAudit audit, CancellationToken cancellationToken) =>
        AuditEndpoints.ParseDate(date) is { } day ? TypedResults.Ok(await audit.SealedTransportAsync(device, day, cancellationToken)) : AuditEndpoints.BadDate(date);

    private static async Task<Results<Ok<ClearanceResult>, ProblemHttpResult>> ClearanceAsync(string device, string date, CountyAudit audit, CancellationToken cancellationToken) =>
        AuditEndpoints.ParseDate(date) is { } day ? TypedResults.Ok(await audit.ClearanceAsync(device, day, cancellationToken)) : AuditEndpoints.BadDate(date);

    private static async Task<Results<Ok<DataHealthResult>, ProblemHttpResult>> DataHealthAsync(string device, string date, CountyAudit audit, CancellationToken cancellationToken) =>
        AuditEndpoints.ParseDate(date) is { } day ? TypedResults.Ok(await audit.DataHealthAsync(device, day, cancellationToken)) : AuditEndpoints.BadDate(date);

    private static async Task<Results<Ok<DeviceEvidence>, ProblemHttpResult>> EvidenceAsync(string device, string date, CountyAudit audit, CancellationToken cancellationToken) =>
        AuditEndpoints.ParseDate(date) is { } day ? TypedResults.Ok(await audit.EvidenceAsync(device, day, cancellationToken)) : AuditEndpoints.BadDate(date);
}
