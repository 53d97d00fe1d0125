using Microsoft.AspNetCore.Http.HttpResults;
using WasteIoT.Contracts;
using WasteIoT.Contracts.Messages;
using WasteIoT.Contracts.Validation;

namespace WasteIoT.Cloud.Contract;

internal static class ContractEndpoints
{
    private static readonly ContractSummary Summary = new(
        WireLimits.SchemaVersion,
        Topics.Root,
        [.. MessageKinds.DeviceUplink.Order(StringComparer.Ordinal)],
        WireLimits.MaxDevicePayloadBytes,
        WireLimits.MaxBatchBytes,
        WireLimits.MaxBatchRecords,
        ViolationReason.All);

    public static IEndpointRouteBuilder MapContract(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/contract").MapGet("/", GetSummary).WithName("ContractSummary");
        return app;
    }

    private static Ok<ContractSummary> GetSummary() => TypedResults.Ok(Summary);
}
