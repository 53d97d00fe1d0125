using Microsoft.Extensions.Options;
using WasteIoT.Gateway.Broker;
using WasteIoT.Gateway.Devices;
using WasteIoT.Gateway.Downlink;
using WasteIoT.Gateway.EdgeRules;
using WasteIoT.Gateway.Identity;
using WasteIoT.Gateway.Ingest;
using WasteIoT.Gateway.Observability;
using WasteIoT.Gateway.Store;
using WasteIoT.Gateway.Uplink;

namespace WasteIoT.Gateway.Hosting;

/// <summary>Builds the gateway host; used by Program and by tests that start it on free ports.</summary>
public static class GatewayApplication
{
    public static WebApplication Build(string[] args, TimeProvider? time = null, Action<ILoggingBuilder>? logging = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Configuration.AddEnvironmentVariables("WASTEIOT_");
        builder.Host.UseSystemd();
        builder.Services.AddSingleton<IValidateOptions<GatewayOptions>, GatewayOptionsValidator>();
        builder.Services.AddOptions<GatewayOptions>().Bind(builder.Configuration.GetSection(GatewayOptions.Section)).ValidateOnStart();
        builder.Services.AddSingleton(time ?? TimeProvider.System);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<GatewayOptions>>().Value);

        // Each feature gets its own settings and, where it speaks for the gateway, its identity; only this room sees all.
        builder.Services.AddSingleton(sp => new GatewayIdentity(sp.GetRequiredService<GatewayOptions>().Id));
        builder.Services.AddSingleton(sp => sp.GetRequiredService<GatewayOptions>().Broker);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<GatewayOptions>().Store);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<GatewayOptions>().Uplink);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<GatewayOptions>().EdgeRule);
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<GatewayOptions>();
            return GatewayStore.Open(DatabasePath(options), options.Store, sp.GetRequiredService<TimeProvider>());
        });
        builder.Services.AddSingleton<DeviceRegistry>();
        builder.Services.AddSingleton<GatewayMetrics>();
        builder.Services.AddHostedService<BacklogWatcher>();

        // Broker → Ingest → Store → Uplink; Uplink → Downlink → the devices (through the broker's server).
        builder.Services.AddSingleton<RouteBook>();
        builder.Services.AddSingleton<DeviceSender>();
        builder.Services.AddSingleton(sp => new DownlinkRelay(
            sp.GetRequiredService<GatewayStore>(),
            sp.GetRequiredService<RouteBook>(),
            sp.GetRequiredService<DeviceSender>(),
            sp.GetRequiredService<BrokerOptions>().MaxMessagesPerSecondPerDevice,
            sp.GetRequiredService<ILogger<DownlinkRelay>>()));
        builder.Services.AddSingleton<RejectLog>();
        builder.Services.AddSingleton(sp => new RateLimiter(sp.GetRequiredService<BrokerOptions>().MaxMessagesPerSecondPerDevice, sp.GetRequiredService<BrokerOptions>().FloodAfter, sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<IAlarmOutput>(sp => sp.GetRequiredService<EdgeRuleOptions>().AlarmPin is var pin and >= 0 ? new GpioAlarmOutput(pin) : new NoAlarmOutput());
        builder.Services.AddSingleton<CoverAlarmRule>();
        builder.Services.AddSingleton<AlarmQueue>();
        builder.Services.AddSingleton<IngestPipeline>();
        builder.Services.AddSingleton<PubAckGates>();
        builder.Services.AddSingleton<IPubAckHold>(sp => sp.GetRequiredService<PubAckGates>());
        builder.Services.AddSingleton(sp => new GuardedTcpServerAdapter(sp.GetRequiredService<BrokerOptions>(), sp.GetRequiredService<GatewayMetrics>(), sp.GetRequiredService<ILogger<GuardedTcpServerAdapter>>(), sp.GetRequiredService<PubAckGates>()));
        builder.Services.AddSingleton(sp =>
        {
            var broker = new DeviceBroker(
                sp.GetRequiredService<GuardedTcpServerAdapter>(),
                sp.GetRequiredService<DeviceRegistry>(),
                sp.GetRequiredService<IngestPipeline>(),
                sp.GetRequiredService<GatewayMetrics>(),
                sp.GetRequiredService<ILogger<DeviceBroker>>(),
                sp.GetRequiredService<PubAckGates>());
            sp.GetRequiredService<DeviceSender>().Attach(broker.Server);
            return broker;
        });
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DeviceBroker>());
        builder.Services.AddSingleton<UplinkProtocol>();
        builder.Services.AddSingleton<PresenceReporter>();
        builder.Services.AddSingleton<CloudUplink>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CloudUplink>());

        // A host embedding this one (the demo) may send the logs elsewhere than the console.
        logging?.Invoke(builder.Logging);
        var app = builder.Build();
        app.MapGet("/health", (GatewayMetrics metrics, DeviceBroker broker) => TypedResults.Ok(new HealthReport("ok", broker.Port, metrics.Connected, metrics.UplinkConnected, metrics.BacklogRows)));
        app.MapGet("/metrics", (GatewayMetrics metrics) => TypedResults.Text(metrics.ToPrometheus(), "text/plain; version=0.0.4"));
        return app;
    }

    public static string DatabasePath(GatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Path.Combine(options.DataDirectory, "gateway.db");
    }
}
