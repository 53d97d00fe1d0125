using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Protocol;
using WasteIoT.Gateway.Downlink;
using WasteIoT.Testing;

namespace WasteIoT.Gateway.Tests.Uplink;

/// <summary>The gateway's uplink against a real Mosquitto standing in for the cloud.</summary>
public sealed class CloudUplinkTests
{
    [Fact]
    public async Task BacklogDrainsInOrderWhenTheUplinkComesBack()
    {
        var port = MosquittoBroker.FreePort();
        await using var gateway = await RunningGateway.StartAsync(extra: Uplink(port));
        using var bin = await gateway.ConnectDeviceAsync("bin-0001");
        using var truck = await gateway.ConnectDeviceAsync("truck-07");
        for (var i = 1; i <= 300; i++)
        {
            await bin.PublishAsync(DeviceMessages.Up("bin-0001", "fill", DeviceMessages.Fill("bin-0001", 1, i)));
            await truck.PublishAsync(DeviceMessages.Up("truck-07", "scan", DeviceMessages.Scan("truck-07", 1, i, $"E28{i:X8}")));
        }

        // The cloud is down: everything waits on disk.
        Assert.Equal(600, (await gateway.Store.GetBacklogAsync(CancellationToken.None)).Rows);

        await using var cloud = await RecordingCloud.StartAsync(port);
        await WaitUntilAsync(() => Task.FromResult(cloud.Received.Where(r => r.Topic.EndsWith("/up/batch", StringComparison.Ordinal)).Sum(r => Records(r.Payload).Count) >= 600), TimeSpan.FromSeconds(60));
        var received = cloud.Received.Where(r => r.Topic.EndsWith("/up/batch", StringComparison.Ordinal)).SelectMany(r => Records(r.Payload)).ToList();

        foreach (var device in new[] { "bin-0001", "truck-07" })
        {
            var seqs = received.Where(r => r.Device == device).Select(r => r.Seq).ToList();
            Assert.Equal(Enumerable.Range(1, 300).Select(i => (long)i), seqs);
        }

        await WaitUntilAsync(async () => (await gateway.Store.GetBacklogAsync(CancellationToken.None)).Rows == 0, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task PresenceTellsTheCloudWhatWaitsAndThatItDrained()
    {
        var port = MosquittoBroker.FreePort();
        await using var gateway = await RunningGateway.StartAsync(extra: [.. Uplink(port), "--Gateway:Uplink:PresenceInterval", "00:00:00.500"]);
        using var bin = await gateway.ConnectDeviceAsync("bin-0001");
        for (var i = 1; i <= 5; i++)
        {
            await bin.PublishAsync(DeviceMessages.Up("bin-0001", "fill", DeviceMessages.Fill("bin-0001", 1, i)));
        }

        // The cloud is down: the presence it will get says five messages wait, and since when.
        var waiting = await gateway.Service<WasteIoT.Gateway.Uplink.PresenceReporter>().CurrentAsync(CancellationToken.None);
        Assert.Equal(("gw-test", true, 5L), (waiting.Client, waiting.Online, waiting.Backlog!.Rows));
        Assert.InRange(waiting.Backlog.OldestAgeS, 0, 60);
        Assert.True(waiting.Backlog.StoreBytes > 0);
        Assert.Null(waiting.Validate());

        // Once up, the cloud hears the gateway's presence (retained) again and again, and it ends at nothing waiting.
        await using var cloud = await RecordingCloud.StartAsync(port);
        Contracts.Downlink.StatusMessage? last = null;
        await WaitUntilAsync(() =>
        {
            var reports = cloud.Received.Where(r => r.Topic == "wiot/v1/gw/gw-test/status")
                .Select(r => JsonSerializer.Deserialize(r.Payload, Contracts.Serialization.ContractJsonContext.Default.StatusMessage)!).ToList();
            last = reports.LastOrDefault();
            return Task.FromResult(reports.Count >= 2 && last is { Online: true, Backlog.Rows: 0 });
        }, TimeSpan.FromSeconds(15));
        Assert.Equal(0, last!.Backlog!.OldestAgeS);
    }

    [Fact]
    public async Task RouteFromTheCloudAnswersScansAndSurvivesRestart()
    {
        using var cloud = MosquittoBroker.Start();
        using var data = new TempDirectory();
        await using (var gateway = await RunningGateway.StartAsync(data.Path, Uplink(cloud.Port)))
        {
            await WaitUntilAsync(() => Task.FromResult(gateway.Service<Observability.GatewayMetrics>().UplinkConnected), TimeSpan.FromSeconds(10));
            using var publisher = await ConnectAsync(cloud.Port, "cloud-test");
            var route = $$"""{"kind":"route","schema":1,"gateway":"gw-test","route":"r-east-03","truck":"truck-07","date":"{{DateTime.UtcNow:yyyy-MM-dd}}","households":[{"household":"hh-1","tag":"E2800001","lat":31.23,"lon":121.47}]}""";
            await publisher.PublishAsync(new MqttApplicationMessageBuilder().WithTopic("wiot/v1/gw/gw-test/down/route").WithPayload(route).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).WithRetainFlag().Build());
            await WaitUntilAsync(() => Task.FromResult(gateway.Service<RouteBook>().Current is not null), TimeSpan.FromSeconds(10));
        }

        // Restarted with the cloud unreachable: the route is still there.
        await using var restarted = await RunningGateway.StartAsync(data.Path, Uplink(MosquittoBroker.FreePort()));
        await WaitUntilAsync(() => Task.FromResult(restarted.Service<RouteBook>().Current is not null), TimeSpan.FromSeconds(10));
        Assert.Equal(Contracts.Downlink.ScanOutcome.Accepted, restarted.Service<RouteBook>().Answer("E2800001").Outcome);
    }

    [Fact]
    public async Task CoverAlarmReachesTheCloudAtOnce()
    {
        using var cloud = MosquittoBroker.Start();
        await using var gateway = await RunningGateway.StartAsync(extra: Uplink(cloud.Port));
        await WaitUntilAsync(() => Task.FromResult(gateway.Service<Observability.GatewayMetrics>().UplinkConnected), TimeSpan.FromSeconds(10));
        var alarms = new ConcurrentQueue<string>();
        using var listener = await ConnectAsync(cloud.Port, "cloud-alarms");
        listener.ApplicationMessageReceivedAsync += e =>
        {
            alarms.Enqueue(Encoding.UTF8.GetString(e.ApplicationMessage.Payload.ToArray()));
            return Task.CompletedTask;
        };
        await listener.SubscribeAsync("wiot/v1/gw/gw-test/up/alarm", MqttQualityOfServiceLevel.AtLeastOnce);

        using var truck = await gateway.ConnectDeviceAsync("truck-07");
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-2);
        await truck.PublishAsync(DeviceMessages.Up("truck-07", "cover", $$"""{"kind":"cover","schema":1,"device":"truck-07","boot":1,"seq":1,"ts":"{{t0:yyyy-MM-ddTHH:mm:ss}}Z","state":"open"}"""));
        for (var s = 1; s <= 40; s++)
        {
            await truck.PublishAsync(DeviceMessages.Up("truck-07", "pos", $$"""{"kind":"pos","schema":1,"device":"truck-07","boot":1,"seq":{{s + 1}},"ts":"{{t0.AddSeconds(s):yyyy-MM-ddTHH:mm:ss}}Z","lat":31.23,"lon":121.47,"speed":25,"fix":1}"""));
        }

        await WaitUntilAsync(() => Task.FromResult(!alarms.IsEmpty), TimeSpan.FromSeconds(10));
        Assert.Contains("\"alarm\":\"coverOpenWhileMoving\"", alarms.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigRelayedToADeviceCarriesTheGatewaysPace()
    {
        using var cloud = MosquittoBroker.Start();
        await using var gateway = await RunningGateway.StartAsync(extra: [.. Uplink(cloud.Port), "--Gateway:Broker:MaxMessagesPerSecondPerDevice", "50"]);
        await WaitUntilAsync(() => Task.FromResult(gateway.Service<Observability.GatewayMetrics>().UplinkConnected), TimeSpan.FromSeconds(10));
        using var device = await gateway.ConnectDeviceAsync("site-t01");
        var configs = new ConcurrentQueue<string>();
        device.ApplicationMessageReceivedAsync += e =>
        {
            configs.Enqueue(Encoding.UTF8.GetString(e.ApplicationMessage.Payload.ToArray()));
            return Task.CompletedTask;
        };
        await device.SubscribeAsync("wiot/v1/dev/site-t01/down/#", MqttQualityOfServiceLevel.AtLeastOnce);

        using var publisher = await ConnectAsync(cloud.Port, "cloud-test");
        await publisher.PublishAsync(new MqttApplicationMessageBuilder().WithTopic("wiot/v1/gw/gw-test/down/config")
            .WithPayload("""{"kind":"config","schema":1,"device":"site-t01","revision":7,"publishIntervalS":300}""").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        await WaitUntilAsync(() => Task.FromResult(!configs.IsEmpty), TimeSpan.FromSeconds(10));

        Assert.Equal("""{"kind":"config","schema":1,"device":"site-t01","revision":7,"publishIntervalS":300,"maxPublishPerS":40}""", configs.Single());
    }

    [Fact]
    public async Task HostileDevicePayloadsNeverStopTheUplinkAndEveryGoodReadingArrivesOnce()
    {
        var port = MosquittoBroker.FreePort();
        await using var cloud = await RecordingCloud.StartAsync(port);
        await using var gateway = await RunningGateway.StartAsync(extra: Uplink(port));
        using var device = await gateway.ConnectDeviceAsync("bin-0001");
        var mutator = new PayloadMutator(seed: 42);
        var valid = new HashSet<long>();
        for (var i = 1; i <= 500; i++)
        {
            // One good reading in five, numbered apart from the hostile ones (which reuse the template's seq 900000+).
            var payload = i % 5 == 0 ? Encoding.UTF8.GetBytes(DeviceMessages.Fill("bin-0001", 1, i)) : mutator.Mutate(DeviceMessages.Fill("bin-0001", 1, 900_000 + i));
            valid.UnionWith(i % 5 == 0 ? [i] : []);
            var result = await device.PublishAsync(new MqttApplicationMessageBuilder().WithTopic("wiot/v1/dev/bin-0001/up/fill").WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
            Assert.True(result.IsSuccess, $"publish {i} was not acknowledged");
        }

        Assert.True(device.IsConnected);
        await WaitUntilAsync(async () => (await gateway.Store.GetBacklogAsync(CancellationToken.None)).Rows == 0, TimeSpan.FromSeconds(30));
        var batches = cloud.Received.Where(r => r.Topic.EndsWith("/up/batch", StringComparison.Ordinal)).Select(r => r.Payload).ToList();

        // What the cloud gets is a valid batch, and each record in it passes the same decoder on the same bytes.
        var forwarded = new List<long>();
        foreach (var batch in batches)
        {
            var decoded = WasteIoT.Contracts.Serialization.WireCodec.Decode(batch, WasteIoT.Contracts.Serialization.ContractJsonContext.Default.UplinkBatch, WasteIoT.Contracts.WireLimits.MaxBatchBytes);
            Assert.True(decoded.IsValid, decoded.Violation?.ToString());
            foreach (var record in decoded.Value.Records)
            {
                var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(record.Msg);
                var judged = WasteIoT.Contracts.Serialization.WireCodec.DecodeDeviceMessage(raw, DateTimeOffset.UtcNow);
                Assert.True(judged.IsValid, judged.Violation?.ToString());
                forwarded.Add(judged.Value.Seq);
            }
        }

        Assert.All(valid, seq => Assert.Single(forwarded, seq));
        Assert.True(gateway.Service<Observability.GatewayMetrics>().Rejects("malformedJson") > 100);
    }

    private static string[] Uplink(int port) =>
        ["--Gateway:Broker:MaxMessagesPerSecondPerDevice", "100000", "--Gateway:Uplink:Mode", "Mqtt", "--Gateway:Uplink:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--Gateway:Uplink:MinBackoff", "00:00:00.200", "--Gateway:Uplink:MaxBackoff", "00:00:01"];

    private static async Task<IMqttClient> ConnectAsync(int port, string clientId)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId(clientId).Build());
        return client;
    }

    private static List<(string Device, long Seq)> Records(byte[] batch)
    {
        using var doc = JsonDocument.Parse(batch);
        return [.. doc.RootElement.GetProperty("records").EnumerateArray()
            .Select(r => r.GetProperty("msg"))
            .Select(m => (m.GetProperty("device").GetString()!, m.GetProperty("seq").GetInt64()))];
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            await Task.Delay(50);
        }
    }
}
