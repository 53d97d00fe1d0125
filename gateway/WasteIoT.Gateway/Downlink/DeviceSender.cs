using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace WasteIoT.Gateway.Downlink;

/// <summary>
/// Everything the gateway sends to its devices goes through here — scan answers, configs, restored retained
/// messages — injected into the device broker as the gateway itself, so the broker's own rules (a device reads only
/// its own downlink) apply and the ingest pipeline recognises the sender and does not take it for a device.
/// </summary>
public sealed class DeviceSender
{
    /// <summary>Sender id of messages the gateway injects itself; '$' cannot appear in a device id.</summary>
    public const string GatewaySender = "$gateway";

    private MqttServer? _server;

    /// <summary>Given the device broker's server once it exists (before any device can connect).</summary>
    public void Attach(MqttServer server) => _server = server ?? throw new ArgumentNullException(nameof(server));

    /// <summary>Publishes to a device topic at QoS 1; false when there is no broker yet.</summary>
    public async Task<bool> SendAsync(string topic, byte[] payload, bool retain, CancellationToken cancellationToken)
    {
        if (_server is null)
        {
            return false;
        }

        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(retain)
            .Build();
        await _server.InjectApplicationMessage(new InjectedMqttApplicationMessage(message) { SenderClientId = GatewaySender }, cancellationToken);
        return true;
    }
}
