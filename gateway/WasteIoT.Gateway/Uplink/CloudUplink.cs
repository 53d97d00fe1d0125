using System.Buffers;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using WasteIoT.Contracts;
using WasteIoT.Contracts.Downlink;
using WasteIoT.Contracts.Messages;
using WasteIoT.Contracts.Serialization;
using WasteIoT.Contracts.Uplink;
using WasteIoT.Gateway.Broker;
using WasteIoT.Gateway.Downlink;
using WasteIoT.Gateway.EdgeRules;
using WasteIoT.Gateway.Hosting;
using WasteIoT.Gateway.Observability;
using WasteIoT.Gateway.Store;

namespace WasteIoT.Gateway.Uplink;

/// <summary>
/// Forwards the store to the cloud over MQTT: batches in arrival order (so each device's order holds), several
/// in flight, a row marked sent only when the cloud's PUBACK for its batch arrives. On any failure it
/// reconnects with jittered backoff and resumes from the oldest unacknowledged row; the cloud deduplicates.
/// It also receives the cloud's downlinks: today's route, device configs, batch verdicts.
/// </summary>
public sealed partial class CloudUplink(
    GatewayOptions options,
    GatewayStore store,
    RouteBook routes,
    DeviceBroker broker,
    AlarmQueue alarms,
    UplinkProtocol protocol,
    PresenceReporter presence,
    GatewayMetrics metrics,
    TimeProvider time,
    ILogger<CloudUplink> logger) : BackgroundService
{
    private readonly UplinkOptions _uplink = options.Uplink;
    private long _acknowledgedSinceLastRate;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RestoreDownlinksAsync(stoppingToken);
        _ = Task.Run(() => WatchBacklogAsync(stoppingToken), stoppingToken);
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

            var (json, count) = BatchBuilder.Build(options.Id, rows, time.GetUtcNow(), _uplink.MaxBatchRecords);
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
            Interlocked.Add(ref _acknowledgedSinceLastRate, ids.Length);
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
        switch (kind)
        {
            case MessageKinds.Route:
                var route = WireCodec.Decode(payload, ContractJsonContext.Default.DailyRoute, WireLimits.MaxDownlinkBytes);
                if (route.IsValid && route.Value.Validate() is null)
                {
                    // Kept on disk before it answers scans: a route the crew has been answered from survives a restart.
                    await KeepDownlinkAsync(Topics.GatewayDown(options.Id, MessageKinds.Route), payload, cancellationToken);
                    routes.Load(route.Value);
                    LogRouteLoaded(logger, route.Value.Route, route.Value.Date, route.Value.Households.Count);
                }

                break;
            case MessageKinds.Config:
                var config = WireCodec.Decode(payload, ContractJsonContext.Default.DeviceConfig, WireLimits.MaxDevicePayloadBytes);
                if (config.IsValid && config.Value.Validate() is null)
                {
                    // The device is told this gateway's pace (80 % of the rate it enforces), so a backlog after an
                    // outage drains under it rather than being held back here.
                    var pace = Math.Max(1, options.Broker.MaxMessagesPerSecondPerDevice * 4 / 5);
                    payload = WireCodec.Encode(config.Value with { MaxPublishPerS = Math.Min(config.Value.MaxPublishPerS ?? pace, pace) }, ContractJsonContext.Default.DeviceConfig);

                    // Retained on the device's topic: a sleeping bin node gets it at its next wake.
                    var topic = Topics.DeviceDown(config.Value.Device, MessageKinds.Config);
                    await broker.Server.InjectApplicationMessage(
                        new MQTTnet.Server.InjectedMqttApplicationMessage(Message(topic, payload, retain: true)) { SenderClientId = Ingest.IngestPipeline.GatewaySender },
                        cancellationToken);
                    await KeepDownlinkAsync(topic, payload, cancellationToken);
                }

                break;
            case MessageKinds.Ack:
                var ack = WireCodec.Decode(payload, ContractJsonContext.Default.CloudAck, WireLimits.MaxDownlinkBytes);
                if (ack.IsValid)
                {
                    foreach (var rejected in ack.Value.Rejected)
                    {
                        LogCloudRejected(logger, ack.Value.Batch, rejected.Device ?? "?", rejected.Seq ?? 0, rejected.Reason, rejected.Detail);
                    }
                }

                break;
        }
    }

    private async Task KeepDownlinkAsync(string topic, byte[] payload, CancellationToken cancellationToken)
    {
        await using var connection = store.OpenConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO downlink (topic, payload, updated) VALUES ($topic, $payload, $updated) ON CONFLICT (topic) DO UPDATE SET payload = excluded.payload, updated = excluded.updated";
        command.Parameters.AddWithValue("$topic", topic);
        command.Parameters.AddWithValue("$payload", payload);
        command.Parameters.AddWithValue("$updated", time.GetUtcNow().ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>After a restart: today's route and the devices' configs come back from disk before any device connects.</summary>
    private async Task RestoreDownlinksAsync(CancellationToken cancellationToken)
    {
        await using var connection = store.OpenConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT topic, payload FROM downlink";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var topic = reader.GetString(0);
            var payload = (byte[])reader.GetValue(1);
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
                await broker.Server.InjectApplicationMessage(
                    new MQTTnet.Server.InjectedMqttApplicationMessage(Message(topic, payload, retain: true)) { SenderClientId = Ingest.IngestPipeline.GatewaySender },
                    cancellationToken);
            }
        }
    }

    private async Task WatchBacklogAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(5);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var backlog = await store.GetBacklogAsync(stoppingToken);
                metrics.BacklogRows = backlog.Rows;
                metrics.Thinned = store.Thinned;
                metrics.BacklogOldestAgeSeconds = backlog.OldestRxMs is { } oldest ? (time.GetUtcNow().ToUnixTimeMilliseconds() - oldest) / 1000.0 : 0;
                metrics.DrainRatePerSecond = Interlocked.Exchange(ref _acknowledgedSinceLastRate, 0) / interval.TotalSeconds;
                await Task.Delay(interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Microsoft.Data.Sqlite.SqliteException)
            {
                await Task.Delay(interval, time, stoppingToken);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Route {Route} for {Date} loaded: {Households} households")]
    private static partial void LogRouteLoaded(ILogger logger, string route, DateOnly date, int households);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cloud quarantined a record of batch {Batch} from {Device} seq {Seq}: {Reason} ({Detail})")]
    private static partial void LogCloudRejected(ILogger logger, long batch, string device, long seq, string reason, string detail);
}
