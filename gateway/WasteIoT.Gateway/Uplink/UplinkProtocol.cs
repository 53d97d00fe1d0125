using System.Net;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using WasteIoT.Contracts;
using WasteIoT.Contracts.Downlink;
using WasteIoT.Contracts.Messages;
using WasteIoT.Contracts.Serialization;
using WasteIoT.Gateway.Identity;

namespace WasteIoT.Gateway.Uplink;

/// <summary>
/// Where the uplink's messages go and how it logs in: the WasteIoT cloud's own topics (docs/protocol.md), or Azure
/// IoT Hub's MQTT device protocol (MQTT 3.1.1; user name <c>{hub}/{device}/?api-version=…</c>; a SAS token as
/// password; telemetry on <c>devices/{device}/messages/events/{properties}</c>; cloud-to-device messages on
/// <c>devices/{device}/messages/devicebound/…</c>; no retained messages).
/// </summary>
public sealed class UplinkProtocol(GatewayIdentity gateway, UplinkOptions uplink, TimeProvider time)
{
    private readonly UplinkOptions _uplink = uplink;

    public bool IsAzure => _uplink.Mode == "AzureIotHub";

    /// <summary>How long one connection may live: an IoT Hub session ends with its token, so it is renewed before.</summary>
    public TimeSpan? SessionLifetime => IsAzure ? _uplink.TokenLifetime * 0.8 : null;

    public string BatchTopic => IsAzure ? Telemetry(MessageKinds.Batch) : Topics.GatewayUp(gateway.Id, MessageKinds.Batch);

    public string AlarmTopic => IsAzure ? Telemetry(MessageKinds.Alarm) : Topics.GatewayUp(gateway.Id, MessageKinds.Alarm);

    /// <summary>The retained presence topic, or null where the cloud has none (IoT Hub tracks connection state itself).</summary>
    public string? StatusTopic => IsAzure ? null : Topics.GatewayStatus(gateway.Id);

    public string DownlinkFilter => IsAzure ? $"devices/{gateway.Id}/messages/devicebound/#" : Topics.GatewayDownFilter(gateway.Id);

    public MqttClientOptions ClientOptions()
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(_uplink.Host, _uplink.Port)
            .WithProtocolVersion(MqttProtocolVersion.V311)
            .WithClientId(gateway.Id)
            .WithCleanSession(false)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(30))
            .WithTimeout(TimeSpan.FromSeconds(10));
        if (IsAzure)
        {
            var token = SasToken.Create(_uplink.HubHostName!, gateway.Id, _uplink.SharedAccessKey!, time.GetUtcNow() + _uplink.TokenLifetime);
            builder.WithCredentials($"{_uplink.HubHostName}/{gateway.Id}/?api-version={_uplink.ApiVersion}", token);
        }
        else
        {
            var offline = WireCodec.Encode(new StatusMessage { Client = gateway.Id, Online = false }, ContractJsonContext.Default.StatusMessage);
            builder.WithWillTopic(Topics.GatewayStatus(gateway.Id))
                .WithWillPayload(offline)
                .WithWillRetain(true)
                .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
            if (_uplink.Password is { } password)
            {
                builder.WithCredentials(gateway.Id, password);
            }
        }

        if (_uplink.UseTls)
        {
            builder.WithTlsOptions(o =>
            {
                o.UseTls().WithTargetHost(_uplink.TlsServerName ?? _uplink.Host);
                if (_uplink.CaCertificatePath is { } ca)
                {
                    o.WithTrustChain([System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificateFromFile(ca)]);
                }
            });
        }

        return builder.Build();
    }

    /// <summary>The downlink kind of a received topic, or null when it is not one for this gateway.</summary>
    public string? DownlinkKind(string topic)
    {
        if (!IsAzure)
        {
            return Topics.TryParse(topic, out var parts) && !parts.IsDevice && parts.ClientId == gateway.Id && parts.Direction == TopicDirection.Down ? parts.Kind : null;
        }

        // devices/{id}/messages/devicebound/{url-encoded property bag, e.g. %24.mid=…&kind=route}
        var prefix = $"devices/{gateway.Id}/messages/devicebound/";
        if (!topic.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        foreach (var pair in topic[prefix.Length..].Split('&'))
        {
            var kv = pair.Split('=', 2);
            if (kv.Length == 2 && WebUtility.UrlDecode(kv[0]) == "kind")
            {
                return WebUtility.UrlDecode(kv[1]);
            }
        }

        return null;
    }

    /// <summary>IoT Hub application properties travel in the topic; the kind lets a hub route batches and alarms apart.</summary>
    private string Telemetry(string kind) => $"devices/{gateway.Id}/messages/events/kind={kind}&gateway={WebUtility.UrlEncode(gateway.Id)}";
}
