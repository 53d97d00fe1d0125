using MQTTnet;
using MQTTnet.Protocol;
using WasteIoT.Contracts.Downlink;
using WasteIoT.Contracts.Serialization;
using WasteIoT.Gateway.Identity;
using WasteIoT.Gateway.Store;

namespace WasteIoT.Gateway.Uplink;

/// <summary>
/// The gateway's retained presence at the cloud, with what its store holds: sent on connecting and then every
/// <see cref="UplinkOptions.PresenceInterval"/>, so the cloud's data-health page shows how far behind each gateway is
/// and a gateway that stopped reporting reads as silent, not as up to date.
/// </summary>
public sealed class PresenceReporter(GatewayIdentity gateway, UplinkOptions uplink, GatewayStore store, TimeProvider time)
{
    private static readonly string? Firmware = typeof(PresenceReporter).Assembly.GetName().Version?.ToString();

    /// <summary>Publishes the presence now and then at the interval until the session ends.</summary>
    public async Task RunAsync(IMqttClient client, string topic, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        while (!cancellationToken.IsCancellationRequested)
        {
            var message = new MqttApplicationMessageBuilder()
                .WithTopic(topic)
                .WithPayload(WireCodec.Encode(await CurrentAsync(cancellationToken), ContractJsonContext.Default.StatusMessage))
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .WithRetainFlag(true)
                .Build();
            await client.PublishAsync(message, cancellationToken);
            await Task.Delay(uplink.PresenceInterval, time, cancellationToken);
        }
    }

    /// <summary>The presence message as it would be sent now.</summary>
    public async Task<StatusMessage> CurrentAsync(CancellationToken cancellationToken)
    {
        var backlog = await store.GetBacklogAsync(cancellationToken);
        var oldestAge = (long)backlog.OldestAgeSeconds(time.GetUtcNow());
        return new StatusMessage
        {
            Client = gateway.Id,
            Online = true,
            Fw = Firmware,
            Backlog = new GatewayBacklog { Rows = backlog.Rows, OldestAgeS = oldestAge, StoreBytes = backlog.DatabaseBytes, Thinned = store.Thinned },
        };
    }
}
