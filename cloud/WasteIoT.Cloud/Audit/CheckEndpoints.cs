using Microsoft.AspNetCore.Http.HttpResults;
using WasteIoT.Cloud.Accounts;
using WasteIoT.Cloud.Checks.Clearance;
using WasteIoT.Cloud.Checks.DataHealth;
using WasteIoT.Cloud.Checks.Evidence;
using WasteIoT.Cloud.Checks.SealedTransport;
using WasteIoT.Cloud.Readings;

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

    private static async Task<Ok<SealedTransportResult>> SealedTransportAsync(string device, CountyDate date, CountyAudit audit, CancellationToken cancellationToken) =>
        TypedResults.Ok(await audit.SealedTransportAsync(device, date.Day, cancellationToken));

    private static async Task<Ok<ClearanceResult>> ClearanceAsync(string device, CountyDate date, CountyAudit audit, CancellationToken cancellationToken) =>
        TypedResults.Ok(await audit.ClearanceAsync(device, date.Day, cancellationToken));

    private static async Task<Ok<DataHealthResult>> DataHealthAsync(string device, CountyDate date, CountyAudit audit, CancellationToken cancellationToken) =>
        TypedResults.Ok(await audit.DataHealthAsync(device, date.Day, cancellationToken));

    private static async Task<Ok<DeviceEvidence>> EvidenceAsync(string device, CountyDate date, CountyAudit audit, CancellationToken cancellationToken) =>
        TypedResults.Ok(await audit.EvidenceAsync(device, date.Day, cancellationToken));
}
