using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using MQTTnet.Adapter;
using MQTTnet.Diagnostics.Logger;
using MQTTnet.Formatter;
using MQTTnet.Server;
using WasteIoT.Gateway.Ingest;
using WasteIoT.Gateway.Observability;

namespace WasteIoT.Gateway.Broker;

/// <summary>
/// The broker's TCP (and optional TLS) listener: enforces the connection limit at accept and wraps every
/// connection in a <see cref="GuardedChannel"/> before MQTTnet reads a byte of it.
/// </summary>
internal sealed partial class GuardedTcpServerAdapter(BrokerOptions options, GatewayMetrics metrics, ILogger<GuardedTcpServerAdapter> logger, PubAckGates? gates = null) : IMqttServerAdapter
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<TcpListener> _listeners = [];
    private X509Certificate2? _certificate;
    private int _active;
    private int _pending;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<IPAddress, int> _pendingByAddress = new();
    private bool _disposed;

    public Func<IMqttChannelAdapter, Task>? ClientHandler { get; set; }

    /// <summary>The plain port actually bound (useful when configured as 0).</summary>
    public int BoundPort { get; private set; }

    public int BoundTlsPort { get; private set; }

    public Task StartAsync(MqttServerOptions serverOptions, IMqttNetLogger mqttLogger)
    {
        var address = IPAddress.Parse(options.BindAddress);
        BoundPort = Listen(address, options.Port, tls: false, mqttLogger);
        if (options.TlsPort > 0)
        {
            _certificate = X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath!, options.CertificatePassword);
            BoundTlsPort = Listen(address, options.TlsPort, tls: true, mqttLogger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync()
    {
        if (!_disposed)
        {
            _stopping.Cancel();
            foreach (var listener in _listeners)
            {
                listener.Stop();
            }
        }

        return Task.CompletedTask;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        StopAsync();
        _disposed = true;
        foreach (var listener in _listeners)
        {
            listener.Dispose();
        }

        _certificate?.Dispose();
        _stopping.Dispose();
    }

    private int Listen(IPAddress address, int port, bool tls, IMqttNetLogger mqttLogger)
    {
        var listener = new TcpListener(address, port);
        listener.Server.NoDelay = true;
        listener.Start(1024);
        _listeners.Add(listener);
        _ = Task.Run(() => AcceptLoopAsync(listener, tls, mqttLogger));
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task AcceptLoopAsync(TcpListener listener, bool tls, IMqttNetLogger mqttLogger)
    {
        while (!_disposed && !_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptSocketAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException or InvalidOperationException)
            {
                if (_disposed || _stopping.IsCancellationRequested)
                {
                    return;
                }

                continue;
            }

            // Until it has passed CONNECT a socket counts against the pending budget, in all and for its address.
            var address = (socket.RemoteEndPoint as IPEndPoint)?.Address ?? IPAddress.None;
            if (Interlocked.Increment(ref _pending) > options.MaxPendingConnections || _pendingByAddress.AddOrUpdate(address, 1, (_, n) => n + 1) > options.MaxPendingPerAddress)
            {
                metrics.Reject("tooManyPending");
                Release(address);
                socket.Dispose();
                continue;
            }

            _ = Task.Run(() => ServeAsync(socket, address, tls, mqttLogger));
        }
    }

    private void Release(IPAddress address)
    {
        Interlocked.Decrement(ref _pending);
        if (_pendingByAddress.AddOrUpdate(address, 0, (_, n) => n - 1) <= 0)
        {
            _pendingByAddress.TryRemove(new KeyValuePair<IPAddress, int>(address, 0));
        }
    }

    private async Task ServeAsync(Socket socket, IPAddress address, bool tls, IMqttNetLogger mqttLogger)
    {
        GuardedChannel? channel = null;
        var pending = 1;
        var active = 0;
        try
        {
            socket.NoDelay = true;
            Stream stream = new NetworkStream(socket, ownsSocket: true);
            if (tls)
            {
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                using var handshake = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
                handshake.CancelAfter(TimeSpan.FromSeconds(10));
                await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = _certificate }, handshake.Token).ConfigureAwait(false);
                stream = ssl;
            }

            channel = new GuardedChannel(stream, socket.RemoteEndPoint!, socket.LocalEndPoint!, options.MaxPacketBytes, tls, () => metrics.Reject("oversizedPacket"), gates);
            var accepted = channel;
            channel.OnAccepted = () =>
            {
                // Past CONNECT: from the pending budget to the devices'.
                if (Interlocked.Exchange(ref pending, 0) == 1)
                {
                    Release(address);
                }

                active = 1;
                if (Interlocked.Increment(ref _active) > options.MaxConnections)
                {
                    metrics.Reject("maxConnections");
                    accepted.Dispose();
                }
            };
            _ = CloseUnlessConnectedAsync(channel);
            gates?.Opened(channel);
            using var adapter = new MqttChannelAdapter(channel, new MqttPacketFormatterAdapter(new MqttBufferWriter(4096, 65536)), mqttLogger);
            if (ClientHandler is { } handler)
            {
                await handler(adapter).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or System.Security.Authentication.AuthenticationException or OperationCanceledException or ObjectDisposedException)
        {
            LogConnectionFailed(logger, socket.RemoteEndPoint?.ToString() ?? "?", ex.Message);
        }
        finally
        {
            if (Interlocked.Exchange(ref pending, 0) == 1)
            {
                Release(address);
            }

            if (active == 1)
            {
                Interlocked.Decrement(ref _active);
            }

            channel?.Dispose();
            socket.Dispose();
        }
    }

    /// <summary>A socket that has not passed CONNECT in time is closed: idle and half-sent connections hold nothing for long.</summary>
    private async Task CloseUnlessConnectedAsync(GuardedChannel channel)
    {
        try
        {
            await Task.Delay(options.ConnectTimeout, _stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (!channel.Accepted)
        {
            metrics.Reject("connectTimeout");
            channel.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Connection from {Remote} ended: {Reason}")]
    private static partial void LogConnectionFailed(ILogger logger, string remote, string reason);
}
