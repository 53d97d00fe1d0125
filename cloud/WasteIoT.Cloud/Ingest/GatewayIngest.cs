using System.Buffers;
using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;
using WasteIoT.Cloud.Gateways;
using WasteIoT.Cloud.Store;
using WasteIoT.Contracts;
using WasteIoT.Contracts.Messages;
using WasteIoT.Contracts.Serialization;
using WasteIoT.Contracts.Uplink;
using WasteIoT.Contracts.Validation;

namespace WasteIoT.Cloud.Ingest;

/// <summary>
/// The gateway-facing MQTT endpoint's rules: gateways authenticate with their own credentials (client id = user
/// name = gateway id), publish only under <c>wiot/v1/gw/{own id}/</c>, subscribe only to their own downlink. A batch
/// is committed before MQTTnet sends its PUBACK; the verdict follows on <c>…/down/ack</c>.
/// </summary>
public sealed partial class GatewayIngest(GatewayRegistry registry, GatewayPresenceBook presence, BatchProcessor processor, IReadingStore store, IngestFeed feed, ILogger<GatewayIngest> logger)
{
    private const string CloudSender = "$cloud";

    private MqttServer? _server;

    public void Attach(MqttServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        _server = server;
        server.ValidatingConnectionAsync += ValidateAsync;
        server.InterceptingSubscriptionAsync += AuthorizeSubscriptionAsync;
        server.InterceptingPublishAsync += OnPublishAsync;
    }

    private Task ValidateAsync(ValidatingConnectionEventArgs e)
    {
        if (!Check.IsValidId(e.ClientId) || e.ClientId != e.UserName || !registry.Verify(e.ClientId, e.Password))
        {
            LogRefused(logger, e.ClientId);
            e.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
        }

        return Task.CompletedTask;
    }

    private Task AuthorizeSubscriptionAsync(InterceptingSubscriptionEventArgs e)
    {
        if (e.TopicFilter.Topic != Topics.GatewayDownFilter(e.ClientId) && !e.TopicFilter.Topic.StartsWith(Topics.GatewayDownPrefix(e.ClientId), StringComparison.Ordinal))
        {
            e.ProcessSubscription = false;
            e.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
        }

        return Task.CompletedTask;
    }

    private async Task OnPublishAsync(InterceptingPublishEventArgs e)
    {
        if (e.ClientId == CloudSender)
        {
            return;
        }

        var topic = e.ApplicationMessage.Topic;
        if (!Topics.TryParse(topic, out var parts) || parts.IsDevice || parts.ClientId != e.ClientId || parts.Direction == TopicDirection.Down)
        {
            LogRefusedTopic(logger, e.ClientId, topic);
            e.ProcessPublish = false;
            return;
        }

        if (parts.Direction == TopicDirection.Status)
        {
            // Presence (retained, also the gateway's last will) reaches the cloud's subscribers and the health page.
            // A last will is published after its connection is gone, so it is stored on a deadline of its own.
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await RecordPresenceAsync(e.ClientId, e.ApplicationMessage.Payload.ToArray(), deadline.Token);
            return;
        }

        if (parts.Kind != MessageKinds.Batch)
        {
            // Alarms reach the cloud's own subscribers (the live map).
            return;
        }

        e.ProcessPublish = false;
        var payload = e.ApplicationMessage.Payload.ToArray();
        var (good, bad, rejected, batch, violation) = processor.Judge(e.ClientId, payload);
        if (violation is not null)
        {
            // A batch that cannot be read at all is quarantined whole and acknowledged: resending cannot fix it.
            await store.IngestAsync([], [new QuarantinedRecord(e.ClientId, batch?.Batch ?? -1, -1, violation.Reason, violation.ToString(), payload)], e.CancellationToken);
            LogBadBatch(logger, e.ClientId, violation.ToString());
            return;
        }

        IngestOutcome outcome;
        try
        {
            outcome = await store.IngestAsync(good, bad, e.CancellationToken);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or IOException or OperationCanceledException or TimeoutException)
        {
            // No PUBACK: the gateway keeps the batch and sends it again.
            LogStoreFailed(logger, e.ClientId, ex.Message);
            e.CloseConnection = true;
            return;
        }

        feed.Publish(good);
        var ack = new CloudAck { Gateway = e.ClientId, Batch = batch!.Batch, Accepted = outcome.Accepted, Duplicates = outcome.Duplicates, Rejected = rejected };
        await _server!.InjectApplicationMessage(
            new InjectedMqttApplicationMessage(new MqttApplicationMessageBuilder()
                .WithTopic(Topics.GatewayDown(e.ClientId, MessageKinds.Ack))
                .WithPayload(WireCodec.Encode(ack, ContractJsonContext.Default.CloudAck))
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build())
            { SenderClientId = CloudSender },
            e.CancellationToken);
    }

    private async Task RecordPresenceAsync(string gateway, byte[] payload, CancellationToken cancellationToken)
    {
        var decoded = WireCodec.Decode(payload, ContractJsonContext.Default.StatusMessage, WireLimits.MaxDevicePayloadBytes);
        var violation = decoded.Violation ?? decoded.Value!.Validate()
            ?? (decoded.Value!.Client == gateway ? null : new ContractViolation(ViolationReason.InvalidId, "client", "not the gateway of the topic"));
        try
        {
            if (violation is not null)
            {
                await store.IngestAsync([], [new QuarantinedRecord(gateway, -1, -1, violation.Reason, violation.ToString(), payload)], cancellationToken);
                LogBadPresence(logger, gateway, violation.ToString());
                return;
            }

            await presence.RecordAsync(gateway, decoded.Value!, cancellationToken);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or IOException or OperationCanceledException or TimeoutException)
        {
            // Presence is refreshed every minute: a report lost to the database is replaced by the next.
            LogPresenceNotStored(logger, gateway, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unreadable presence from '{ClientId}' quarantined: {Violation}")]
    private static partial void LogBadPresence(ILogger logger, string clientId, string violation);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Presence of '{ClientId}' not stored: {Reason}")]
    private static partial void LogPresenceNotStored(ILogger logger, string clientId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused gateway connection '{ClientId}': bad credentials")]
    private static partial void LogRefused(ILogger logger, string clientId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gateway '{ClientId}' may not publish on '{Topic}'")]
    private static partial void LogRefusedTopic(ILogger logger, string clientId, string topic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unreadable batch from '{ClientId}' quarantined: {Violation}")]
    private static partial void LogBadBatch(ILogger logger, string clientId, string violation);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not store a batch from '{ClientId}': {Reason}; it will be sent again")]
    private static partial void LogStoreFailed(ILogger logger, string clientId, string reason);
}
