using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using WasteIoT.Cloud.Audit;
using WasteIoT.Cloud.Settings;

namespace WasteIoT.Cloud.Health;

internal static class HealthEndpoints
{
    private static readonly string Version =
        typeof(HealthEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", GetHealth).WithName("Health");
        return app;
    }

    private static Ok<HealthReport> GetHealth(TimeProvider time, IOptions<CloudOptions> options, CountyAudit audit, IServiceProvider services) =>
        TypedResults.Ok(new HealthReport("ok", Version, time.GetUtcNow(), options.Value.TimeZone, options.Value.CountyName, options.Value.TakesGateways,
            new AuditCopies(audit.ThingsReused, audit.OpenDayWholeReads, audit.KeptWritesFailed, audit.KeptReadsFailed),
            services.GetService<Ingest.PeerFeed>() is { } peers ? new PeerNotices(peers.NoticesSent, peers.NoticesReceived, peers.NoticesBroken, peers.ConnectionsLost) : null));
}
