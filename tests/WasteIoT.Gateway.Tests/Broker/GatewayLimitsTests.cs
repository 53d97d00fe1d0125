using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Formatter;
using WasteIoT.Gateway.Observability;

namespace WasteIoT.Gateway.Tests.Broker;

public sealed class GatewayLimitsTests
{
    [Fact]
    public async Task FullDiskClosesTheConnectionWithoutAcknowledging()
    {
        await using var gateway = await RunningGateway.StartAsync(extra: ["--Gateway:Store:QuotaBytes", "1048576", "--Gateway:Broker:MaxMessagesPerSecondPerDevice", "100000"]);
        var secret = gateway.Registry.Provision("bin-0001");
        var acknowledged = 0;
        var refused = false;
        for (var attempt = 0; attempt < 5 && !refused; attempt++)
        {
            using var device = new MqttClientFactory().CreateMqttClient();
            await device.ConnectAsync(gateway.DeviceOptions("bin-0001", "bin-0001", secret));
            try
            {
                for (var i = 0; i < 20_000; i++)
                {
                    await device.PublishAsync(DeviceMessages.Up("bin-0001", "fill", DeviceMessages.Fill("bin-0001", 1, acknowledged + 1)));
                    acknowledged++;
                }
            }
            catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or InvalidOperationException)
            {
                refused = true;
            }
        }

        Assert.True(refused, "the gateway never refused");
        Assert.Equal(acknowledged, (await gateway.Store.GetBacklogAsync(CancellationToken.None)).Rows);
        Assert.True(gateway.Service<GatewayMetrics>().Rejects("diskQuota") >= 1);
    }

    [Fact]
    public async Task IdleSocketsNeverLockDevicesOutAndAreClosedAfterTheConnectTimeout()
    {
        await using var gateway = await RunningGateway.StartAsync(extra:
            ["--Gateway:Broker:MaxConnections", "3", "--Gateway:Broker:MaxPendingConnections", "40", "--Gateway:Broker:MaxPendingPerAddress", "40", "--Gateway:Broker:ConnectTimeout", "00:00:01"]);
        var metrics = gateway.Service<WasteIoT.Gateway.Observability.GatewayMetrics>();

        // 45 sockets that never send CONNECT: 40 wait in the pending budget, 5 are turned away at once.
        var idle = new List<System.Net.Sockets.TcpClient>();
        for (var i = 0; i < 45; i++)
        {
            var socket = new System.Net.Sockets.TcpClient();
            await socket.ConnectAsync(System.Net.IPAddress.Loopback, gateway.Port);
            idle.Add(socket);
        }

        await WaitAsync(() => metrics.Rejects("tooManyPending") == 5);

        // Within the connect timeout the server closes them all: a read sees the end of the stream.
        var buffer = new byte[1];
        var closed = await idle[0].GetStream().ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(0, closed);
        await WaitAsync(() => metrics.Rejects("connectTimeout") >= 40);

        // More idle sockets open, yet the three devices the gateway serves all connect: idle ones never take their places.
        for (var i = 0; i < 10; i++)
        {
            var socket = new System.Net.Sockets.TcpClient();
            await socket.ConnectAsync(System.Net.IPAddress.Loopback, gateway.Port);
            idle.Add(socket);
        }

        using var a = await gateway.ConnectDeviceAsync("bin-0001");
        using var b = await gateway.ConnectDeviceAsync("bin-0002");
        using var c = await gateway.ConnectDeviceAsync("bin-0003");
        Assert.True(a.IsConnected && b.IsConnected && c.IsConnected);
        await Assert.ThrowsAnyAsync<Exception>(() => gateway.ConnectDeviceAsync("bin-0004"));
        Assert.Equal(1, metrics.Rejects("maxConnections"));
        idle.ForEach(s => s.Dispose());
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task InvalidConfigurationStopsStartupNamingTheSetting()
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => RunningGateway.StartAsync(extra: ["--Gateway:Id", "Bad Id!", "--Gateway:Broker:TlsPort", "8883"]));
        Assert.Contains("Gateway:Id", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Gateway:Broker:CertificatePath", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DevicesCanConnectOverTls()
    {
        using var dir = new TempDirectory();
        var pfx = dir.File("gateway.pfx");
        using (var key = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=wasteiot-gateway", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "pw"));
        }

        var tlsPort = Testing.MosquittoBroker.FreePort();
        await using var gateway = await RunningGateway.StartAsync(extra:
        [
            "--Gateway:Broker:TlsPort", tlsPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--Gateway:Broker:CertificatePath", pfx,
            "--Gateway:Broker:CertificatePassword", "pw",
        ]);
        var secret = gateway.Registry.Provision("bin-0001");
        using var device = new MqttClientFactory().CreateMqttClient();
        await device.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", tlsPort)
            .WithProtocolVersion(MqttProtocolVersion.V311)
            .WithClientId("bin-0001")
            .WithCredentials("bin-0001", secret)
            .WithTlsOptions(o => o.UseTls().WithCertificateValidationHandler(_ => true))
            .Build());
        var result = await device.PublishAsync(DeviceMessages.Up("bin-0001", "fill", DeviceMessages.Fill("bin-0001", 1, 1)));
        Assert.True(result.IsSuccess);
        Assert.Single(await gateway.Store.ReadOutboxAsync(0, 10, CancellationToken.None));
    }
}
