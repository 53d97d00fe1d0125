using System.Buffers;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using WasteIoT.Contracts;
using WasteIoT.Contracts.Downlink;
using WasteIoT.Contracts.Messages;
using WasteIoT.Contracts.Serialization;
using WasteIoT.Contracts.Uplink;
using WasteIoT.Gateway.Downlink;
using WasteIoT.Gateway.EdgeRules;
using WasteIoT.Gateway.Identity;
using WasteIoT.Gateway.Observability;
using WasteIoT.Gateway.Store;

namespace WasteIoT.Gateway.Uplink;

/// <summary>
/// Forwards the store to the cloud over MQTT: batches in arrival order (so each device's order holds), several
/// in flight, a row marked sent only when the cloud's PUBACK for its batch arrives. On any failure it
/// reconnects with jittered backoff and resumes from the oldest unacknowledged row; the cloud deduplicates.
/// The cloud's downlinks it receives go to the downlink relay (route, configs); batch verdicts are logged here.
/// </summary>
public sealed partial class CloudUplink(
    GatewayIdentity gateway,
    UplinkOptions uplink,
    GatewayStore store,
    DownlinkRelay relay,
    AlarmQueue alarms,
    UplinkProtocol protocol,
    PresenceReporter presence,
    GatewayMetrics metrics,
    TimeProvider time,
    ILogger<CloudUplink> logger) : BackgroundService
{
    private readonly UplinkOptions _uplink = uplink;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await relay.RestoreAsync(stoppingToken);
        if (_uplink.Mode == "None")
        {
            return;
        }

        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunSessionAsync(stoppingToken);
                failures = 0;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                metrics.UplinkConnected = false;
                failures++;
                LogUplinkDown(logger, _uplink.Host, _uplink.Port, ex.Message);
            }

            if (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(Backoff(failures), time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task RunSessionAsync(CancellationToken stoppingToken)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        client.ApplicationMessageReceivedAsync += e => OnDownlinkAsync(e.ApplicationMessage, stoppingToken);
        using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        connectTimeout.CancelAfter(TimeSpan.FromSeconds(15));
        var connected = await client.ConnectAsync(protocol.ClientOptions(), connectTimeout.Token);
        if (connected.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"cloud refused the connection: {connected.ResultCode}");
        }

        metrics.UplinkConnected = true;
        LogUplinkUp(logger, _uplink.Host, _uplink.Port);
        await client.SubscribeAsync(protocol.DownlinkFilter, MqttQualityOfServiceLevel.AtLeastOnce, stoppingToken);
        using var session = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var alarmSender = Task.Run(() => SendAlarmsAsync(client, session.Token), session.Token);
        var presenceSender = protocol.StatusTopic is { } statusTopic
            ? Task.Run(() => presence.RunAsync(client, statusTopic, session.Token), session.Token)
            : Task.CompletedTask;
        try
        {
            if (protocol.SessionLifetime is { } lifetime)
            {
                // The SAS token in the password expires: end this session before it does and start a fresh one.
                using var renew = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                renew.CancelAfter(lifetime);
                try
                {
                    await PumpAsync(client, renew.Token);
                }
                catch (OperationCanceledException) when (renew.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
                {
                    LogTokenRenewal(logger);
                    await client.DisconnectAsync(new MqttClientDisconnectOptions(), CancellationToken.None);
                    return;
                }
            }
            else
            {
                await PumpAsync(client, stoppingToken);
            }
        }
        finally
        {
            await session.CancelAsync();
            await alarmSender.ContinueWith(_ => { }, TaskScheduler.Default);
            await presenceSender.ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>Sends batches until the connection fails, keeping up to <c>InFlightBatches</c> awaiting their PUBACK.</summary>
    private async Task PumpAsync(IMqttClient client, CancellationToken stoppingToken)
    {
        using var window = new SemaphoreSlim(_uplink.InFlightBatches);
        var inFlight = new List<Task>();
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        long after = 0;
        while (!failed.IsCancellationRequested)
        {
            if (!client.IsConnected)
            {
                throw new InvalidOperationException("connection to the cloud lost");
            }

            await window.WaitAsync(failed.Token);
            var rows = await store.ReadOutboxAsync(after, _uplink.MaxBatchRecords, failed.Token);
            if (rows.Count == 0)
            {
                window.Release();
                inFlight.RemoveAll(t => t.IsCompleted);
                await Task.Delay(TimeSpan.FromMilliseconds(50), time, failed.Token);
                continue;
            }

            var (json, count) = BatchBuilder.Build(gateway.Id, rows, time.GetUtcNow(), _uplink.MaxBatchRecords);
            var ids = rows.Take(count).Select(r => r.Id).ToArray();
            after = ids[^1];
            inFlight.RemoveAll(t => t.IsCompleted);
            inFlight.Add(SendAsync(client, json, ids, window, failed));
            if (inFlight.Any(t => t.IsFaulted))
            {
                break;
            }
        }

        await Task.WhenAll(inFlight.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        var fault = inFlight.FirstOrDefault(t => t.IsFaulted)?.Exception?.GetBaseException();
        throw fault ?? new InvalidOperationException("uplink stopped");
    }

    private async Task SendAsync(IMqttClient client, byte[] json, long[] ids, SemaphoreSlim window, CancellationTokenSource failed)
    {
        try
        {
            var result = await client.PublishAsync(Message(protocol.BatchTopic, json, retain: false), failed.Token);
            if (!result.IsSuccess)
            {
                throw new InvalidOperationException($"cloud refused batch {ids[0]}: {result.ReasonCode}");
            }

            await store.MarkSentAsync(ids, CancellationToken.None);
            metrics.Forwarded(ids.Length);
        }
        catch
        {
            // Rows stay unsent; the next session resumes from the oldest of them.
            await failed.CancelAsync();
            throw;
        }
        finally
        {
            window.Release();
        }
    }

    /// <summary>Alarms go out at once, ahead of the batches.</summary>
    private async Task SendAlarmsAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        await foreach (var alarm in alarms.Reader.ReadAllAsync(cancellationToken))
        {
            try
            {
                var json = WireCodec.Encode(alarm, ContractJsonContext.Default.GatewayAlarm);
                await client.PublishAsync(Message(protocol.AlarmTopic, json, retain: false), cancellationToken);
            }
            catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or InvalidOperationException)
            {
                alarms.Retry(alarm);
                return;
            }
        }
    }

    private async Task OnDownlinkAsync(MqttApplicationMessage message, CancellationToken cancellationToken)
    {
        var kind = protocol.DownlinkKind(message.Topic);
        if (kind is null)
        {
            return;
        }

        var payload = message.Payload.ToArray();
        if (kind != MessageKinds.Ack)
        {
            await relay.HandleAsync(gateway.Id, kind, payload, cancellationToken);
            return;
        }

        // The cloud's verdict on a batch: what it quarantined is logged here, where the devices can be looked at.
        var ack = WireCodec.Decode(payload, ContractJsonContext.Default.CloudAck, WireLimits.MaxDownlinkBytes);
        if (ack.IsValid)
        {
            foreach (var rejected in ack.Value.Rejected)
            {
                LogCloudRejected(logger, ack.Value.Batch, rejected.Device ?? "?", rejected.Seq ?? 0, rejected.Reason, rejected.Detail);
            }
        }
    }

    private TimeSpan Backoff(int failures)
    {
        var ceiling = Math.Min(_uplink.MaxBackoff.TotalMilliseconds, _uplink.MinBackoff.TotalMilliseconds * Math.Pow(2, Math.Min(failures, 20)));
        return TimeSpan.FromMilliseconds((ceiling / 2) + (Random.Shared.NextDouble() * ceiling / 2));
    }

    private static MqttApplicationMessage Message(string topic, byte[] payload, bool retain) =>
        new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(retain)
            .Build();

    [LoggerMessage(Level = LogLevel.Information, Message = "Uplink connected to {Host}:{Port}")]
    private static partial void LogUplinkUp(ILogger logger, string host, int port);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Uplink to {Host}:{Port} down: {Reason}; data is kept and sent on reconnect")]
    private static partial void LogUplinkDown(ILogger logger, string host, int port, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Renewing the IoT Hub session before its SAS token expires")]
    private static partial void LogTokenRenewal(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cloud quarantined a record of batch {Batch} from {Device} seq {Seq}: {Reason} ({Detail})")]
    private static partial void LogCloudRejected(ILogger logger, long batch, string device, long seq, string reason, string detail);
}
