using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MQTTnet.Server;

namespace WasteIoT.Firmware.Simulator.Tests;

/// <summary>An MQTTnet broker on a free loopback port that records every publish it accepts.</summary>
internal sealed class LocalBroker : IAsyncDisposable
{
    private readonly MqttServer _server;

    private LocalBroker(MqttServer server, int port)
    {
        _server = server;
        Port = port;
    }

    public int Port { get; }

    public ConcurrentQueue<(string ClientId, string Topic, byte[] Payload, bool Retain)> Received { get; } = new();

    public ConcurrentDictionary<string, int> Connections { get; } = new(StringComparer.Ordinal);

    public static async Task<LocalBroker> StartAsync()
    {
        var port = FreePort();
        var options = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
            .WithDefaultEndpointPort(port)
            .Build();
        var server = new MqttServerFactory().CreateMqttServer(options);
        var broker = new LocalBroker(server, port);
        server.InterceptingPublishAsync += e =>
        {
            broker.Received.Enqueue((e.ClientId, e.ApplicationMessage.Topic, e.ApplicationMessage.Payload.ToArray(), e.ApplicationMessage.Retain));
            return Task.CompletedTask;
        };
        server.ClientConnectedAsync += e =>
        {
            broker.Connections.AddOrUpdate(e.ClientId, 1, (_, n) => n + 1);
            return Task.CompletedTask;
        };
        await server.StartAsync();
        return broker;
    }

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync();
        _server.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
