using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MQTTnet.Server;

namespace WasteIoT.Gateway.Tests.Uplink;

/// <summary>
/// A cloud stand-in that records every publish inside the broker, before its PUBACK: unlike a subscriber on a
/// plain broker it cannot miss a batch that arrives in the instant after the broker starts.
/// </summary>
internal sealed class RecordingCloud : IAsyncDisposable
{
    private readonly MqttServer _server;

    private RecordingCloud(MqttServer server) => _server = server;

    public ConcurrentQueue<(string Topic, byte[] Payload)> Received { get; } = new();

    public static async Task<RecordingCloud> StartAsync(int port)
    {
        var server = new MqttServerFactory().CreateMqttServer(
            new MqttServerOptionsBuilder().WithDefaultEndpoint().WithDefaultEndpointBoundIPAddress(IPAddress.Loopback).WithDefaultEndpointPort(port).Build());
        var cloud = new RecordingCloud(server);
        server.InterceptingPublishAsync += e =>
        {
            cloud.Received.Enqueue((e.ApplicationMessage.Topic, e.ApplicationMessage.Payload.ToArray()));
            return Task.CompletedTask;
        };
        await server.StartAsync();
        return cloud;
    }

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync();
        _server.Dispose();
    }
}
