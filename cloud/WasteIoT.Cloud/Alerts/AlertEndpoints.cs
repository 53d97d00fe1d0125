using System.Text.Json;
using Microsoft.Extensions.Options;
using WasteIoT.Cloud.Accounts;
using WasteIoT.Cloud.Cases;

namespace WasteIoT.Cloud.Alerts;

/// <summary>
/// <c>/api/alerts</c>: a <c>text/event-stream</c> of the cases filed after the page opened that the user may see. It
/// reads the cases table, so a case filed by any cloud instance reaches pages on every instance.
/// </summary>
internal static class AlertEndpoints
{
    public static IEndpointRouteBuilder MapAlerts(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/alerts").WithTags("Alerts").RequireSession().MapGet("", StreamAsync).WithName("Alerts").ExcludeFromDescription();
        return app;
    }

    private static async Task StreamAsync(HttpContext context, CaseStore store, IOptions<AlertOptions> options, IHostApplicationLifetime lifetime, CancellationToken requestAborted)
    {
        // A stream ends with the page or with the cloud: shutting down must not wait for open pages.
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, lifetime.ApplicationStopping);
        var cancellationToken = linked.Token;
        var viewer = Viewer.From(context.User);
        context.Response.Headers.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers["X-Accel-Buffering"] = "no";
        var cursor = await store.NewestIdAsync(cancellationToken);
        await context.Response.WriteAsync(": alerts\n\n", cancellationToken);
        await context.Response.Body.FlushAsync(cancellationToken);
        var quiet = TimeSpan.Zero;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(options.Value.PollInterval, cancellationToken);
                var fresh = await store.AfterAsync(cursor, 200, cancellationToken);
                foreach (var c in fresh)
                {
                    cursor = c.Id;
                    if (viewer.Sees(c.Contractor))
                    {
                        var alert = new CaseAlert(c.Id, c.Kind, c.Subject, c.Day, c.Contractor, c.Title, c.Filed, c.Due);
                        await context.Response.WriteAsync($"event: case\ndata: {JsonSerializer.Serialize(alert, JsonSerializerOptions.Web)}\n\n", cancellationToken);
                    }
                }

                quiet = fresh.Count > 0 ? TimeSpan.Zero : quiet + options.Value.PollInterval;
                if (quiet >= TimeSpan.FromSeconds(15))
                {
                    // Proxies close a stream that stays silent.
                    await context.Response.WriteAsync(": keep-alive\n\n", cancellationToken);
                    quiet = TimeSpan.Zero;
                }

                await context.Response.Body.FlushAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The page went away.
        }
    }
}
