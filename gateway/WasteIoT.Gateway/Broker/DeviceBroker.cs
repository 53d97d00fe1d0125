using MQTTnet.Protocol;
using MQTTnet.Server;
using WasteIoT.Contracts;
using WasteIoT.Contracts.Validation;
using WasteIoT.Gateway.Devices;
using WasteIoT.Gateway.Ingest;
using WasteIoT.Gateway.Observability;

namespace WasteIoT.Gateway.Broker;

/// <summary>
/// The device-facing broker: MQTTnet on the guarded listener, every device authenticated with its own
/// credentials, its client id equal to its device id, its subscriptions limited to its own downlink.
/// </summary>
public sealed partial class DeviceBroker : IHostedService, IAsyncDisposable
{
    private readonly GuardedTcpServerAdapter _adapter;
    private readonly DeviceRegistry _registry;
    private readonly IngestPipeline _ingest;
    private readonly GatewayMetrics _metrics;
    private readonly ILogger<DeviceBroker> _logger;

    internal DeviceBroker(GuardedTcpServerAdapter adapter, DeviceRegistry registry, IngestPipeline ingest, GatewayMetrics metrics, ILogger<DeviceBroker> logger, PubAckGates gates)
    {
        _adapter = adapter;
        _registry = registry;
        _ingest = ingest;
        _metrics = metrics;
        _logger = logger;
        var options = new MqttServerOptionsBuilder()
            .WithMaxPendingMessagesPerClient(1000)
            .Build();
        Server = new MqttServerFactory().CreateMqttServer(options, [adapter]);
        Server.ValidatingConnectionAsync += ValidateConnectionAsync;
        Server.InterceptingSubscriptionAsync += AuthorizeSubscriptionAsync;
        Server.InterceptingPublishAsync += ingest.HandleAsync;
        Server.ClientConnectedAsync += e =>
        {
            gates.Connected(e.ClientId, e.RemoteEndPoint);
            metrics.ClientConnected();
            return Task.CompletedTask;
        };
        Server.ClientDisconnectedAsync += _ =>
        {
            metrics.ClientDisconnected();
            return Task.CompletedTask;
        };
    }

    public MqttServer Server { get; }

    public int Port => _adapter.BoundPort;

    public int TlsPort => _adapter.BoundTlsPort;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await Server.StartAsync();
        LogListening(_logger, _adapter.BoundPort, _adapter.BoundTlsPort);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Server.StopAsync();

    public async ValueTask DisposeAsync()
    {
        if (Server.IsStarted)
        {
            await Server.StopAsync();
        }

        Server.Dispose();
    }

    private Task ValidateConnectionAsync(ValidatingConnectionEventArgs e)
    {
        if (!Check.IsValidId(e.ClientId) || !string.Equals(e.ClientId, e.UserName, StringComparison.Ordinal))
        {
            _metrics.Reject("badClientId");
            e.ReasonCode = MqttConnectReasonCode.ClientIdentifierNotValid;
            return Task.CompletedTask;
        }

        if (!_registry.Verify(e.ClientId, e.Password))
        {
            _metrics.Reject("badCredentials");
            LogRefused(_logger, e.ClientId, e.RemoteEndPoint?.ToString() ?? "?");
            e.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
        }

        return Task.CompletedTask;
    }

    private Task AuthorizeSubscriptionAsync(InterceptingSubscriptionEventArgs e)
    {
        var own = Topics.DeviceDownPrefix(e.ClientId);
        var filter = e.TopicFilter.Topic;
        if (!filter.StartsWith(own, StringComparison.Ordinal) || filter.Contains('+', StringComparison.Ordinal) || filter[own.Length..].Contains('#', StringComparison.Ordinal) && filter != own + "#")
        {
            _metrics.Reject("subscriptionDenied");
            e.ProcessSubscription = false;
            e.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Device broker listening on port {Port} (TLS port {TlsPort})")]
    private static partial void LogListening(ILogger logger, int port, int tlsPort);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused connection of '{ClientId}' from {Remote}: bad credentials")]
    private static partial void LogRefused(ILogger logger, string clientId, string remote);
}
