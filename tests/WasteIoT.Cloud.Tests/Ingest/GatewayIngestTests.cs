using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using WasteIoT.Cloud.Gateways;
using WasteIoT.Cloud.Store;

namespace WasteIoT.Cloud.Tests.Ingest;

/// <summary>Batches from a gateway over real MQTT into the cloud's store.</summary>
public sealed class GatewayIngestTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.UtcNow.AddMinutes(-5);

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task BatchWithOneBadRecordStoresTheGoodOnesAndAcknowledges(string database)
    {
        await using var cloud = await RunningCloud.StartOnAsync(database);
        var secret = cloud.Service<GatewayRegistry>().Provision("gw-truck-07", ["truck-07", "bin-0001"]);
        using var gateway = await ConnectAsync(cloud.MqttPort, "gw-truck-07", secret);
        var acks = await SubscribeAsync(gateway, "wiot/v1/gw/gw-truck-07/down/#");

        var batch = Batch("gw-truck-07", 1,
            Fill("bin-0001", 1, 1),
            """{"kind":"fill","schema":1,"device":"bin-0001","boot":1,"seq":2,"ts":"2026-11-27T06:00:00Z","fillingLevel":1.7,"status":"ok","echo":"ok"}""",
            Fill("bin-0009", 1, 1),
            $$"""{"kind":"cover","schema":1,"device":"truck-07","boot":1,"seq":1,"ts":"{{At:yyyy-MM-ddTHH:mm:ss}}Z","state":"open"}""");
        var result = await gateway.PublishAsync(Message("wiot/v1/gw/gw-truck-07/up/batch", batch));

        Assert.True(result.IsSuccess);
        var store = cloud.Service<IReadingStore>();
        Assert.Equal(2, await store.CountAsync(CancellationToken.None));
        var reasons = (await store.ReadQuarantineAsync(10, CancellationToken.None)).Select(q => q.Reason).Order().ToList();
        Assert.Equal(["outOfRange", "unassignedDevice"], reasons);
        Assert.True(acks.TryTake(out var ack, TimeSpan.FromSeconds(5)));
        Assert.Contains("\"accepted\":2", ack, StringComparison.Ordinal);
        Assert.Contains("\"reason\":\"unassignedDevice\"", ack, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task ResentBatchIsStoredOnce(string database)
    {
        await using var cloud = await RunningCloud.StartOnAsync(database);
        var secret = cloud.Service<GatewayRegistry>().Provision("gw-site-t01", ["site-t01"]);
        using var gateway = await ConnectAsync(cloud.MqttPort, "gw-site-t01", secret);
        var batch = Batch("gw-site-t01", 5, Fill("site-t01", 1, 1), Fill("site-t01", 1, 2));

        await gateway.PublishAsync(Message("wiot/v1/gw/gw-site-t01/up/batch", batch));
        await gateway.PublishAsync(Message("wiot/v1/gw/gw-site-t01/up/batch", batch));

        Assert.Equal(2, await cloud.Service<IReadingStore>().CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task EscapedLoneSurrogatesNeverBlockTheUplink()
    {
        await using var cloud = await RunningCloud.StartAsync();
        var secret = cloud.Service<GatewayRegistry>().Provision("gw-site-t01", ["site-t01"]);
        using var gateway = await ConnectAsync(cloud.MqttPort, "gw-site-t01", secret);
        var acks = await SubscribeAsync(gateway, "wiot/v1/gw/gw-site-t01/down/#");

        // An unknown field holding a lone surrogate is ignored like any unknown field (the device's bytes are kept as
        // they came); the same escape in a field that is read is malformed, quarantined and rejected in the ack.
        var note = Fill("site-t01", 1, 1).Replace("\"echo\":\"ok\"", "\"echo\":\"ok\",\"note\":\"\\ud800\"", StringComparison.Ordinal);
        var kind = Fill("site-t01", 1, 2).Replace("\"status\":\"ok\"", "\"status\":\"\\udfff\"", StringComparison.Ordinal);
        Assert.Contains("\\ud800", note, StringComparison.Ordinal);
        var first = await gateway.PublishAsync(Message("wiot/v1/gw/gw-site-t01/up/batch", Batch("gw-site-t01", 1, note, kind, Fill("site-t01", 1, 3))));
        var second = await gateway.PublishAsync(Message("wiot/v1/gw/gw-site-t01/up/batch", Batch("gw-site-t01", 2, Fill("site-t01", 1, 4))));

        Assert.True(first.IsSuccess && second.IsSuccess);
        var store = cloud.Service<IReadingStore>();
        Assert.Equal(3, await store.CountAsync(CancellationToken.None));
        Assert.Equal("malformedJson", Assert.Single(await store.ReadQuarantineAsync(10, CancellationToken.None)).Reason);
        Assert.True(acks.TryTake(out var ack, TimeSpan.FromSeconds(5)));
        Assert.Contains("\"accepted\":2", ack, StringComparison.Ordinal);
        Assert.Contains("\"reason\":\"malformedJson\"", ack, StringComparison.Ordinal);
        var stored = await store.ReadDeviceAsync("site-t01", At, At.AddMinutes(1), CancellationToken.None);
        Assert.Contains("\\ud800", Encoding.UTF8.GetString(stored.Single(r => r.Seq == 1).Json), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task QuarantineKeepsTheNewestRowsAndTheHeadOfEachPayload(string database)
    {
        await using var cloud = await RunningCloud.StartOnAsync(database, "--Cloud:QuarantineRows", "100", "--Cloud:QuarantinePayloadBytes", "1024");
        var secret = cloud.Service<GatewayRegistry>().Provision("gw-site-t01", ["site-t01"]);
        using var gateway = await ConnectAsync(cloud.MqttPort, "gw-site-t01", secret);

        // A gateway that can sign in but sends 200 kB of garbage, 110 times over.
        var garbage = "{\"kind\":\"batch\"," + new string('x', 200_000);
        for (var i = 0; i < 110; i++)
        {
            Assert.True((await gateway.PublishAsync(Message("wiot/v1/gw/gw-site-t01/up/batch", garbage))).IsSuccess);
        }

        Assert.True((await gateway.PublishAsync(Message("wiot/v1/gw/gw-site-t01/up/batch", Batch("gw-site-t01", 1, Fill("site-t01", 1, 1))))).IsSuccess);
        var store = cloud.Service<IReadingStore>();
        var kept = await store.ReadQuarantineAsync(1000, CancellationToken.None);
        Assert.Equal(100, kept.Count);
        Assert.All(kept, q => Assert.Equal(1024, q.Json.Length));
        Assert.Contains("first 1024 of 200016 bytes kept", kept[0].Detail, StringComparison.Ordinal);
        Assert.Equal(1, await store.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task HostileSocketsAreClosedAtTheDoorAndGatewaysStillGetIn()
    {
        await using var cloud = await RunningCloud.StartAsync("--Cloud:MqttFrontDoor:ConnectTimeout", "00:00:01", "--Cloud:MqttFrontDoor:MaxPendingPerAddress", "8");
        var door = cloud.Service<WasteIoT.Cloud.Ingest.MqttFrontDoor>();

        // A CONNECT claiming 268 MB, streamed: cut at its length field, long before anything is buffered.
        using (var huge = new System.Net.Sockets.TcpClient())
        {
            await huge.ConnectAsync(System.Net.IPAddress.Loopback, cloud.MqttPort);
            var stream = huge.GetStream();
            await stream.WriteAsync(new byte[] { 0x10, 0xFF, 0xFF, 0xFF, 0x7F });
            var ended = await ReadUntilClosedAsync(stream, new byte[64 * 1024]);
            Assert.True(ended, "the connection stayed open");
        }

        // Ten sockets that never send CONNECT: two over the per-address budget are turned away, the rest closed within the timeout.
        var idle = new List<System.Net.Sockets.TcpClient>();
        for (var i = 0; i < 10; i++)
        {
            var socket = new System.Net.Sockets.TcpClient();
            try
            {
                await socket.ConnectAsync(System.Net.IPAddress.Loopback, cloud.MqttPort);
                idle.Add(socket);
            }
            catch (System.Net.Sockets.SocketException e) when (e.SocketErrorCode == System.Net.Sockets.SocketError.ConnectionReset)
            {
                // Turned away so fast that the reset arrived before this side's connect returned: closed at the door too.
                socket.Dispose();
            }
        }

        foreach (var socket in idle)
        {
            Assert.True(await ReadUntilClosedAsync(socket.GetStream(), new byte[16]), "an idle socket stayed open");
            socket.Dispose();
        }

        Assert.True(door.Refused >= 11, $"refused {door.Refused}");

        // A gateway connects and is heard as before.
        var secret = cloud.Service<GatewayRegistry>().Provision("gw-site-t01", ["site-t01"]);
        using var gateway = await ConnectAsync(cloud.MqttPort, "gw-site-t01", secret);
        Assert.True((await gateway.PublishAsync(Message("wiot/v1/gw/gw-site-t01/up/batch", Batch("gw-site-t01", 1, Fill("site-t01", 1, 1))))).IsSuccess);
        Assert.Equal(1, await cloud.Service<IReadingStore>().CountAsync(CancellationToken.None));
    }

    /// <summary>Reads (and sends nothing) until the server closes the connection, for at most ten seconds.</summary>
    private static async Task<bool> ReadUntilClosedAsync(System.Net.Sockets.NetworkStream stream, byte[] buffer)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            while (await stream.ReadAsync(buffer, timeout.Token) > 0)
            {
            }

            return true;
        }
        catch (IOException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [Fact]
    public async Task GatewayMayNotSpeakForAnotherGateway()
    {
        await using var cloud = await RunningCloud.StartAsync();
        var registry = cloud.Service<GatewayRegistry>();
        var secret = registry.Provision("gw-a", ["bin-0001"]);
        registry.Provision("gw-b", ["bin-0001"]);
        using var gateway = await ConnectAsync(cloud.MqttPort, "gw-a", secret);

        await gateway.PublishAsync(Message("wiot/v1/gw/gw-b/up/batch", Batch("gw-b", 1, Fill("bin-0001", 1, 1))));
        await gateway.PublishAsync(Message("wiot/v1/gw/gw-a/up/batch", Batch("gw-b", 2, Fill("bin-0001", 1, 2))));

        Assert.Equal(0, await cloud.Service<IReadingStore>().CountAsync(CancellationToken.None));
        using var impostor = new MqttClientFactory().CreateMqttClient();
        var refused = await impostor.ConnectAsync(Options(cloud.MqttPort, "gw-b", secret));
        Assert.NotEqual(MqttClientConnectResultCode.Success, refused.ResultCode);
    }

    private static string Fill(string device, long boot, long seq) => string.Create(
        CultureInfo.InvariantCulture,
        $$"""{"kind":"fill","schema":1,"device":"{{device}}","boot":{{boot}},"seq":{{seq}},"ts":"{{At.AddSeconds(seq):yyyy-MM-ddTHH:mm:ss}}Z","fillingLevel":0.5,"status":"ok","echo":"ok"}""");

    private static string Batch(string gateway, long number, params string[] messages) =>
        $$"""{"kind":"batch","schema":1,"gateway":"{{gateway}}","batch":{{number}},"sent":"{{DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ss}}Z","records":[{{string.Join(",", messages.Select(m => $$"""{"rx":"{{At:yyyy-MM-ddTHH:mm:ss}}Z","msg":{{m}}}"""))}}]}""";

    private static MqttApplicationMessage Message(string topic, string payload) =>
        new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();

    private static MqttClientOptions Options(int port, string id, string secret) =>
        new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithProtocolVersion(MqttProtocolVersion.V311).WithClientId(id).WithCredentials(id, secret).Build();

    private static async Task<IMqttClient> ConnectAsync(int port, string id, string secret)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var result = await client.ConnectAsync(Options(port, id, secret));
        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
        return client;
    }

    private static async Task<BlockingCollection<string>> SubscribeAsync(IMqttClient client, string filter)
    {
        var received = new BlockingCollection<string>();
        client.ApplicationMessageReceivedAsync += e =>
        {
            received.Add(Encoding.UTF8.GetString(e.ApplicationMessage.Payload.ToArray()));
            return Task.CompletedTask;
        };
        await client.SubscribeAsync(filter, MqttQualityOfServiceLevel.AtLeastOnce);
        return received;
    }
}
