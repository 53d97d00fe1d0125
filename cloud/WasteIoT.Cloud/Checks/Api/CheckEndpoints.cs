using WasteIoT.Cloud.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using WasteIoT.Contracts.Messages;
using WasteIoT.Cloud.Checks.Clearance;
using WasteIoT.Cloud.Checks.DataHealth;
using WasteIoT.Cloud.Checks.SealedTransport;
using WasteIoT.Cloud.Hosting;

namespace WasteIoT.Cloud.Checks.Api;

/// <summary>The checks over stored data, for one device and one local day.</summary>
internal static class CheckEndpoints
{
    public static IEndpointRouteBuilder MapChecks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/checks").RequireSession().RequireAuthorization(CloudPolicies.Bureau);
        group.MapGet("/sealed-transport/{device}/{date}", SealedTransportAsync).WithName("SealedTransportCheck");
        group.MapGet("/clearance/{device}/{date}", ClearanceAsync).WithName("ClearanceCheck");
        group.MapGet("/data-health/{device}/{date}", DataHealthAsync).WithName("DataHealthCheck");
        return app;
    }

    private static async Task<Results<Ok<SealedTransportResult>, ProblemHttpResult>> SealedTransportAsync(
        string device, string date, DeviceDay loader, IOptions<CloudOptions> options, CancellationToken cancellationToken)
    {
        if (Window(date, options.Value) is not { } day)
        {
            return BadDate(date);
        }

        // The cover's last known state before midnight still applies after it.
        var messages = await loader.LoadAsync(device, day, TimeSpan.FromHours(6), cancellationToken);
        var fixes = messages.OfType<TruckPosition>().Where(p => p.Ts >= day.Start).Select(p => new PositionFix(p.Ts, p.Lat, p.Lon, p.Speed));
        var covers = CoverObservation.From(messages);
        return TypedResults.Ok(SealedTransportCheck.Evaluate(fixes, covers, new SealedTransportRules()));
    }

    private static async Task<Results<Ok<ClearanceResult>, ProblemHttpResult>> ClearanceAsync(
        string device, string date, DeviceDay loader, IOptions<CloudOptions> options, CancellationToken cancellationToken)
    {
        if (Window(date, options.Value) is not { } day)
        {
            return BadDate(date);
        }

        var messages = await loader.LoadAsync(device, day, TimeSpan.Zero, cancellationToken);
        var samples = messages.OfType<BinFillReading>().Select(f => new LevelSample(f.Ts, f.FillingLevel));
        return TypedResults.Ok(DailyClearanceCheck.Evaluate(device, samples, new ClearanceRules()));
    }

    private static async Task<Results<Ok<DataHealthResult>, ProblemHttpResult>> DataHealthAsync(
        string device, string date, DeviceDay loader, IOptions<CloudOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        if (Window(date, options.Value) is not { } day)
        {
            return BadDate(date);
        }

        var messages = await loader.LoadAsync(device, day, TimeSpan.Zero, cancellationToken);
        var now = time.GetUtcNow() < day.End ? time.GetUtcNow() : day.End;
        return TypedResults.Ok(DataHealthCheck.Evaluate(messages.Select(m => (m.Device, m.Boot, m.Seq, m.Ts)), [device], now, TimeSpan.FromHours(2)));
    }

    private static DayWindow? Window(string date, CloudOptions options) =>
        DateOnly.TryParseExact(date, "yyyy-MM-dd", out var day) ? DayWindow.For(day, TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone)) : null;

    private static ProblemHttpResult BadDate(string date) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad date", detail: $"'{date}' is not a date in the form yyyy-MM-dd");
}
