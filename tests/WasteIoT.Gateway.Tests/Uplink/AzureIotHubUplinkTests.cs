using System.Globalization;
using System.Text.Json;

namespace WasteIoT.Gateway.Tests.Uplink;

public sealed class AzureIotHubUplinkTests
{
    [Fact]
    public async Task BatchesReachAHubThatVerifiesTheSasToken()
    {
        await using var hub = await FakeIotHub.StartAsync("wiot-test.azure-devices.net");
        await using var gateway = await RunningGateway.StartAsync(extra: Hub(hub, Convert.ToBase64String(hub.Key), "01:00:00"));
        using var bin = await gateway.ConnectDeviceAsync("bin-0001");
        for (var i = 1; i <= 50; i++)
        {
            await bin.PublishAsync(DeviceMessages.Up("bin-0001", "fill", DeviceMessages.Fill("bin-0001", 1, i)));
        }

        await WaitUntilAsync(() => hub.Telemetry.Sum(t => Records(t.Payload)) >= 50, TimeSpan.FromSeconds(15));
        Assert.Empty(hub.Refusals);
        Assert.All(hub.Telemetry, t => Assert.StartsWith("devices/gw-test/messages/events/kind=batch", t.Topic, StringComparison.Ordinal));
        Assert.All(hub.Telemetry, t => Assert.True(t.Payload.Length < 256 * 1024));
    }

    [Fact]
    public async Task WrongKeyIsRefusedAndNothingIsMarkedSent()
    {
        await using var hub = await FakeIotHub.StartAsync("wiot-test.azure-devices.net");
        await using var gateway = await RunningGateway.StartAsync(extra: Hub(hub, Convert.ToBase64String(new byte[32]), "01:00:00"));
        using var bin = await gateway.ConnectDeviceAsync("bin-0001");
        await bin.PublishAsync(DeviceMessages.Up("bin-0001", "fill", DeviceMessages.Fill("bin-0001", 1, 1)));

        await WaitUntilAsync(() => hub.Refusals.Contains("bad signature"), TimeSpan.FromSeconds(10));
        Assert.Empty(hub.Telemetry);
        Assert.Equal(1, (await gateway.Store.GetBacklogAsync(CancellationToken.None)).Rows);
    }

    [Fact]
    public async Task TokenIsRenewedBeforeItExpires()
    {
        await using var hub = await FakeIotHub.StartAsync("wiot-test.azure-devices.net");
        await using var gateway = await RunningGateway.StartAsync(extra: Hub(hub, Convert.ToBase64String(hub.Key), "00:00:03"));

        // Tokens live 3 s (whole seconds in the token); the gateway reconnects at 2.4 s with a fresh one.
        await WaitUntilAsync(() => hub.AcceptedExpiries.Distinct().Count() >= 3, TimeSpan.FromSeconds(15));
        Assert.Empty(hub.Refusals);
    }

    private static string[] Hub(FakeIotHub hub, string key, string lifetime) =>
    [
        "--Gateway:Uplink:Mode", "AzureIotHub",
        "--Gateway:Uplink:HubHostName", hub.Hub,
        "--Gateway:Uplink:Host", "127.0.0.1",
        "--Gateway:Uplink:Port", hub.Port.ToString(CultureInfo.InvariantCulture),
        "--Gateway:Uplink:SharedAccessKey", key,
        "--Gateway:Uplink:TokenLifetime", lifetime,
        "--Gateway:Uplink:MinBackoff", "00:00:00.200",
        "--Gateway:Uplink:MaxBackoff", "00:00:01",
        "--Gateway:Broker:MaxMessagesPerSecondPerDevice", "100000",
    ];

    private static int Records(byte[] batch)
    {
        using var doc = JsonDocument.Parse(batch);
        return doc.RootElement.GetProperty("records").GetArrayLength();
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            await Task.Delay(50);
        }
    }
}
