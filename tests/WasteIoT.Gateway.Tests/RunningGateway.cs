using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Formatter;
using WasteIoT.Gateway.Broker;
using WasteIoT.Gateway.Devices;
using WasteIoT.Gateway.Hosting;
using WasteIoT.Gateway.Store;

namespace WasteIoT.Gateway.Tests;

/// <summary>The real gateway host on free loopback ports with its own data folder.</summary>
internal sealed class RunningGateway : IAsyncDisposable
{
    private readonly TempDirectory? _ownedDirectory;

    private RunningGateway(WebApplication app, string dataDirectory, TempDirectory? owned)
    {
        App = app;
        DataDirectory = dataDirectory;
        _ownedDirectory = owned;
        Http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    public WebApplication App { get; }

    public string DataDirectory { get; }

    public HttpClient Http { get; }

    public int Port => App.Services.GetRequiredService<DeviceBroker>().Port;

    public DeviceRegistry Registry => App.Services.GetRequiredService<DeviceRegistry>();

    public GatewayStore Store => App.Services.GetRequiredService<GatewayStore>();

    public T Service<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    public static async Task<RunningGateway> StartAsync(string? dataDirectory = null, params string[] extra)
    {
        var owned = dataDirectory is null ? new TempDirectory() : null;
        var data = dataDirectory ?? owned!.Path;
        string[] args =
        [
            "--urls", "http://127.0.0.1:0",
            "--Gateway:Id", "gw-test",
            "--Gateway:DataDirectory", data,
            "--Gateway:Broker:Port", "0",
            "--Gateway:Broker:BindAddress", "127.0.0.1",
            "--Gateway:Uplink:Mode", "None",
            "--Logging:LogLevel:Default", "Warning",
            .. extra,
        ];
        var app = GatewayApplication.Build(args);
        await app.StartAsync();
        return new RunningGateway(app, data, owned);
    }

    /// <summary>Provisions a device and connects it as the firmware does (MQTT 3.1.1, persistent session).</summary>
    public async Task<IMqttClient> ConnectDeviceAsync(string device, string? secret = null)
    {
        secret ??= Registry.Provision(device);
        var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(DeviceOptions(device, device, secret));
        return client;
    }

    public MqttClientOptions DeviceOptions(string clientId, string user, string secret) =>
        new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", Port)
            .WithProtocolVersion(MqttProtocolVersion.V311)
            .WithClientId(clientId)
            .WithCredentials(user, secret)
            .WithCleanSession(false)
            .WithTimeout(TimeSpan.FromSeconds(5))
            .Build();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        _ownedDirectory?.Dispose();
    }
}
