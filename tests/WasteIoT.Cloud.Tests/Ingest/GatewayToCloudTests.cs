using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using WasteIoT.Cloud.Gateways;
using WasteIoT.Cloud.Store;
using WasteIoT.Gateway.Devices;
using WasteIoT.Gateway.Hosting;

namespace WasteIoT.Cloud.Tests.Ingest;

/// <summary>Device → real gateway → real cloud, over loopback MQTT at both hops.</summary>
public sealed class GatewayToCloudTests
{
    [Fact]
    public async Task DeviceReadingReachesTheCloudThroughTheGateway()
    {
        await using var cloud = await RunningCloud.StartAsync();
        await RelayAsync(cloud, cloud.MqttPort);
    }

    [Fact]
    public async Task GatewayReachesTheCloudOverTlsTrustingOnlyTheCountyCa()
    {
        using var pki = TestPki.Create();
        var tlsPort = WasteIoT.Testing.MosquittoBroker.FreePort();
        await using var cloud = await RunningCloud.StartAsync(
            "--Cloud:MqttTlsPort", tlsPort.ToString(CultureInfo.InvariantCulture), "--Cloud:CertificatePath", pki.ServerPfx, "--Cloud:CertificatePassword", TestPki.Password);

        await RelayAsync(cloud, tlsPort, "--Gateway:Uplink:UseTls", "true", "--Gateway:Uplink:CaCertificatePath", pki.CaPem, "--Gateway:Uplink:TlsServerName", "localhost");

        // A client that trusts another CA does not get through the handshake.
        using var stranger = new MqttClientFactory().CreateMqttClient();
        await Assert.ThrowsAnyAsync<Exception>(() => stranger.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", tlsPort)
            .WithTlsOptions(o => o.UseTls().WithTargetHost("localhost").WithTrustChain([pki.OtherCa])).WithClientId("gw-site-t01").Build()));
    }

    private static async Task RelayAsync(RunningCloud cloud, int cloudPort, params string[] uplinkArgs)
    {
        var gatewaySecret = cloud.Service<GatewayRegistry>().Provision("gw-site-t01", ["site-t01"]);
        var data = Directory.CreateTempSubdirectory("wiot-e2e-gw-").FullName;
        var gateway = GatewayApplication.Build(
        [
            "--urls", "http://127.0.0.1:0", "--Gateway:Id", "gw-site-t01", "--Gateway:DataDirectory", data,
            "--Gateway:Broker:Port", "0", "--Gateway:Broker:BindAddress", "127.0.0.1",
            "--Gateway:Uplink:Mode", "Mqtt", "--Gateway:Uplink:Port", cloudPort.ToString(CultureInfo.InvariantCulture),
            "--Gateway:Uplink:Password", gatewaySecret, "--Gateway:Uplink:PresenceInterval", "00:00:01", "--Logging:LogLevel:Default", "Warning", .. uplinkArgs,
        ]);
        await gateway.StartAsync();
        try
        {
            var deviceSecret = gateway.Services.GetRequiredService<DeviceRegistry>().Provision("site-t01");
            var port = gateway.Services.GetRequiredService<WasteIoT.Gateway.Broker.DeviceBroker>().Port;
            using var device = new MqttClientFactory().CreateMqttClient();
            await device.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithProtocolVersion(MqttProtocolVersion.V311)
                .WithClientId("site-t01").WithCredentials("site-t01", deviceSecret).Build());
            var ts = DateTimeOffset.UtcNow.AddSeconds(-30);
            for (var seq = 1; seq <= 20; seq++)
            {
                var air = string.Create(CultureInfo.InvariantCulture, $$"""{"kind":"air","schema":1,"device":"site-t01","boot":1,"seq":{{seq}},"ts":"{{ts.AddSeconds(seq):yyyy-MM-ddTHH:mm:ss}}Z","nh3":0.42,"sh2":0.008,"warmingUp":false}""");
                await device.PublishAsync(new MqttApplicationMessageBuilder().WithTopic("wiot/v1/dev/site-t01/up/air").WithPayload(air).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
            }

            var store = cloud.Service<IReadingStore>();
            var deadline = DateTime.UtcNow.AddSeconds(15);
            while (await store.CountAsync(CancellationToken.None) < 20)
            {
                Assert.True(DateTime.UtcNow < deadline, "readings did not reach the cloud");
                await Task.Delay(50);
            }

            var stored = await store.ReadDeviceAsync("site-t01", ts, ts.AddMinutes(1), CancellationToken.None);
            Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), stored.Select(r => r.Seq));
            Assert.All(stored, r => Assert.Equal("gw-site-t01", r.Gateway));

            // The gateway's presence follows its store: once everything is delivered it reports nothing waiting.
            var presence = cloud.Service<GatewayPresenceBook>();
            var admin = new WasteIoT.Cloud.Accounts.Viewer("admin", WasteIoT.Cloud.Accounts.UserRole.Bureau, "", "");
            while ((await presence.ListAsync(admin, CancellationToken.None)).Single() is not { Connected: true, BacklogRows: 0, StoreBytes: > 0 })
            {
                Assert.True(DateTime.UtcNow < deadline.AddSeconds(10), "the gateway's presence did not reach the cloud");
                await Task.Delay(50);
            }
        }
        finally
        {
            await gateway.StopAsync();
            await gateway.DisposeAsync();
        }
    }
}
