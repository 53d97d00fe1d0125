using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using WasteIoT.Cloud.Accounts;
using WasteIoT.Cloud.Store;
using WasteIoT.Contracts.Validation;

namespace WasteIoT.Cloud.Readings;

/// <summary>Stored device data and the quarantine, paged.</summary>
internal static class ReadingEndpoints
{
    private const int MaxLimit = 5_000;

    public static IEndpointRouteBuilder MapReadings(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").RequireSession().RequireAuthorization(CloudPolicies.Bureau);
        group.MapGet("/devices/{device}/readings", GetReadingsAsync).WithName("DeviceReadings");
        group.MapGet("/quarantine", GetQuarantineAsync).WithName("Quarantine");
        return app;
    }

    private static async Task<Results<Ok<ReadingPage>, ProblemHttpResult>> GetReadingsAsync(
        string device, DateTimeOffset from, DateTimeOffset to, IReadingStore store, CancellationToken cancellationToken, int offset = 0, int limit = 1_000)
    {
        if (!Check.IsValidId(device))
        {
            return Problem("Bad device id", $"'{device}' is not a device id");
        }

        if (to <= from || to - from > TimeSpan.FromDays(31))
        {
            return Problem("Bad time range", "'to' must be after 'from', and the range at most 31 days");
        }

        if (offset < 0 || limit < 1 || limit > MaxLimit)
        {
            return Problem("Bad paging", $"offset ≥ 0 and 1 ≤ limit ≤ {MaxLimit}");
        }

        var rows = await store.ReadDeviceAsync(device, from, to, cancellationToken);
        var page = rows.Skip(offset).Take(limit).Select(r => JsonDocument.Parse(r.Json).RootElement.Clone()).ToList();
        int? next = offset + page.Count < rows.Count ? offset + page.Count : null;
        return TypedResults.Ok(new ReadingPage(device, from, to, offset, page.Count, next, page));
    }

    private static async Task<Ok<QuarantinePage>> GetQuarantineAsync(IReadingStore store, CancellationToken cancellationToken, int limit = 100)
    {
        var rows = await store.ReadQuarantineAsync(Math.Clamp(limit, 1, MaxLimit), cancellationToken);
        return TypedResults.Ok(new QuarantinePage([.. rows.Select(q => new QuarantineItem(q.Gateway, q.Batch, q.Index, q.Reason, q.Detail, Encoding.UTF8.GetString(q.Json)))]));
    }

    private static ProblemHttpResult Problem(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: title, detail: detail);
}
