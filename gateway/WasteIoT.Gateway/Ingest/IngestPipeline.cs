using System.Buffers;
using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;
using WasteIoT.Contracts;
using WasteIoT.Contracts.Downlink;
using WasteIoT.Contracts.Messages;
using WasteIoT.Contracts.Serialization;
using WasteIoT.Contracts.Validation;
using WasteIoT.Gateway.Downlink;
using WasteIoT.Gateway.EdgeRules;
using WasteIoT.Gateway.Observability;
using WasteIoT.Gateway.Store;

namespace WasteIoT.Gateway.Ingest;

/// <summary>
/// Every device publish passes here before MQTTnet sends its PUBACK: authorise the topic, decode and validate,
/// commit to disk, then answer. A valid message is acknowledged only once committed; a store failure or a full
/// disk closes the connection without a PUBACK, so the device keeps the message and sends it again.
/// A refused message is quarantined and acknowledged (sending it again cannot make it valid).
/// </summary>
public sealed class IngestPipeline(
    GatewayStore store, RateLimiter rateLimiter, RejectLog rejectLog, GatewayMetrics metrics, RouteBook routes, DeviceSender sender, CoverAlarmRule coverRule, AlarmQueue alarms, IPubAckHold gates, TimeProvider time)
{
    public Task HandleAsync(InterceptingPublishEventArgs e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.ClientId == DeviceSender.GatewaySender)
        {
            return Task.CompletedTask;
        }

        // Everything up to the commit runs now (the interceptor's answers to MQTTnet are set before it returns); the
        // commit is then either left to the connection to wait for before the PUBACK (see IPubAckHold) or awaited here.
        var acknowledge = ProcessAsync(e);
        if (e.ApplicationMessage.QualityOfServiceLevel == MqttQualityOfServiceLevel.AtLeastOnce && !e.CloseConnection && gates.TryHold(e.ClientId, acknowledge))
        {
            return Task.CompletedTask;
        }

        return AwaitAsync(e, acknowledge);
    }

    private static async Task AwaitAsync(InterceptingPublishEventArgs e, Task<bool> acknowledge)
    {
        if (!await acknowledge.ConfigureAwait(false))
        {
            e.CloseConnection = true;
        }
    }

    /// <returns>True when the publish may be acknowledged, false when the connection must close without a PUBACK.</returns>
    private async Task<bool> ProcessAsync(InterceptingPublishEventArgs e)
    {
        var client = e.ClientId;
        var topic = e.ApplicationMessage.Topic;
        if (rateLimiter.Reserve(client) is not { } pace)
        {
            // Far over the rate for long, whatever its PUBACKs: a flood. No PUBACK; the device keeps what it sent.
            metrics.Reject("flood");
            rejectLog.Rejected(client, "flood", "publishes far ahead of the allowed rate without waiting for acknowledgements");
            e.ProcessPublish = false;
            e.CloseConnection = true;
            return false;
        }

        if (!Topics.TryParse(topic, out var parts) || !parts.IsDevice || !string.Equals(parts.ClientId, client, StringComparison.Ordinal))
        {
            await RefuseAsync(e, client, topic, new ContractViolation(ViolationReason.TopicMismatch, null, $"'{client}' may not publish on '{topic}'"));
            return true;
        }

        if (parts.Direction == TopicDirection.Status)
        {
            // Presence is retained by the broker for the gateway's own use.
            return true;
        }

        if (parts.Direction != TopicDirection.Up)
        {
            await RefuseAsync(e, client, topic, new ContractViolation(ViolationReason.TopicMismatch, null, "devices publish only on up and status topics"));
            return true;
        }

        var arrived = time.GetTimestamp();
        var payload = e.ApplicationMessage.Payload.ToArray();
        var now = time.GetUtcNow();
        var decoded = WireCodec.DecodeDevicePublish(topic, payload, now);
        if (!decoded.IsValid)
        {
            await RefuseAsync(e, client, topic, decoded.Violation, payload);
            return true;
        }

        var message = decoded.Value;
        e.ProcessPublish = false;
        AppendResult result;
        try
        {
            if (pace > TimeSpan.Zero)
            {
                // Over the rate: the commit, so the PUBACK, waits for the device's token; its window fills and it slows down.
                metrics.Paced();
                await Task.Delay(pace, time, e.CancellationToken);
            }

            result = await store.AppendAsync(
                new IncomingReading(message.Device, message.Boot, message.Seq, message.Kind, message.Ts.ToUnixTimeMilliseconds(), now.ToUnixTimeMilliseconds(), payload, BusinessKinds.Contains(message.Kind)),
                e.CancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The connection or the gateway is going away: nothing failed, and the device sends it again unacknowledged.
            return false;
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException or ObjectDisposedException)
        {
            metrics.Reject("storeFailed");
            rejectLog.Rejected(client, "storeFailed", ex.Message);
            return false;
        }

        switch (result)
        {
            case AppendResult.RefusedQuota:
                metrics.Reject("diskQuota");
                rejectLog.Rejected(client, "diskQuota", "store over its quota; the device keeps the message");
                return false;
            case AppendResult.Duplicate:
                metrics.Duplicate();
                break;
            default:
                metrics.Stored();
                metrics.CommitLatency(time.GetElapsedTime(arrived));
                break;
        }

        if (result != AppendResult.Stored)
        {
            return true;
        }

        if (coverRule.Observe(message) is { } alarm)
        {
            alarms.Raise(alarm);
        }

        if (message is PickupScan scan)
        {
            await AnswerScanAsync(scan);
        }

        return true;
    }

    private async Task AnswerScanAsync(PickupScan scan)
    {
        var (outcome, household) = routes.Answer(scan.Tag);
        var feedback = new ScanFeedback { Device = scan.Device, Boot = scan.Boot, Seq = scan.Seq, Tag = scan.Tag, Outcome = outcome, Household = household };
        await sender.SendAsync(Topics.DeviceDown(scan.Device, MessageKinds.ScanResult), WireCodec.Encode(feedback, ContractJsonContext.Default.ScanFeedback), retain: false, CancellationToken.None);
    }

    private async Task RefuseAsync(InterceptingPublishEventArgs e, string client, string topic, ContractViolation violation, byte[]? payload = null)
    {
        e.ProcessPublish = false;
        metrics.Reject(violation.Reason);
        rejectLog.Rejected(client, violation.Reason, violation.Detail);
        payload ??= e.ApplicationMessage.Payload.ToArray();
        try
        {
            await store.QuarantineAsync(new QuarantineEntry(time.GetUtcNow().ToUnixTimeMilliseconds(), client, topic, violation.Reason, violation.ToString(), payload), e.CancellationToken);
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or ObjectDisposedException or OperationCanceledException)
        {
            // The quarantine is for inspection; failing to keep a bad message must not fail the connection.
        }
    }
}
