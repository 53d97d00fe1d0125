using WasteIoT.Contracts;
using WasteIoT.Contracts.Downlink;
using WasteIoT.Contracts.Messages;
using WasteIoT.Contracts.Serialization;
using WasteIoT.Gateway.Store;

namespace WasteIoT.Gateway.Downlink;

/// <summary>
/// What the cloud sends down for the devices: today's route (answers the trucks' scans here, online or not) and
/// device configs (republished retained on each device's topic). Both are kept on disk before they take effect, and
/// restored at start before any device connects.
/// </summary>
/// <param name="deviceRateLimit">Messages a second the broker lets each device publish.</param>
public sealed partial class DownlinkRelay(GatewayStore store, RouteBook routes, DeviceSender sender, int deviceRateLimit, ILogger<DownlinkRelay> logger)
{
    /// <summary>Acts on one downlink of the given kind for the gateway; other kinds are not the relay's.</summary>
    public async Task HandleAsync(string gateway, string kind, byte[] payload, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case MessageKinds.Route:
                var route = WireCodec.Decode(payload, ContractJsonContext.Default.DailyRoute, WireLimits.MaxDownlinkBytes);
                if (route.IsValid && route.Value.Validate() is null)
                {
                    // Kept on disk before it answers scans: a route the crew has been answered from survives a restart.
                    await store.KeepDownlinkAsync(Topics.GatewayDown(gateway, MessageKinds.Route), payload, cancellationToken);
                    routes.Load(route.Value);
                    LogRouteLoaded(logger, route.Value.Route, route.Value.Date, route.Value.Households.Count);
                }

                break;
            case MessageKinds.Config:
                var config = WireCodec.Decode(payload, ContractJsonContext.Default.DeviceConfig, WireLimits.MaxDevicePayloadBytes);
                if (config.IsValid && config.Value.Validate() is null)
                {
                    // Each device is told to keep to 80 % of the rate the broker enforces, so a backlog after an outage
                    // drains under it rather than being held back here.
                    var pace = Math.Max(1, deviceRateLimit * 4 / 5);
                    payload = WireCodec.Encode(config.Value with { MaxPublishPerS = Math.Min(config.Value.MaxPublishPerS ?? pace, pace) }, ContractJsonContext.Default.DeviceConfig);

                    // Retained on the device's topic: a sleeping bin node gets it at its next wake.
                    var topic = Topics.DeviceDown(config.Value.Device, MessageKinds.Config);
                    await sender.SendAsync(topic, payload, retain: true, cancellationToken);
                    await store.KeepDownlinkAsync(topic, payload, cancellationToken);
                }

                break;
        }
    }

    /// <summary>After a restart: today's route and the devices' configs come back from disk.</summary>
    public async Task RestoreAsync(CancellationToken cancellationToken)
    {
        foreach (var (topic, payload) in await store.ReadDownlinksAsync(cancellationToken))
        {
            if (topic.EndsWith("/down/" + MessageKinds.Route, StringComparison.Ordinal))
            {
                var route = WireCodec.Decode(payload, ContractJsonContext.Default.DailyRoute, WireLimits.MaxDownlinkBytes);
                if (route.IsValid)
                {
                    routes.Load(route.Value);
                }
            }
            else
            {
                await sender.SendAsync(topic, payload, retain: true, cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Route {Route} for {Date} loaded: {Households} households")]
    private static partial void LogRouteLoaded(ILogger logger, string route, DateOnly date, int households);
}
