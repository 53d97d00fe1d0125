using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using WasteIoT.Cloud.Hosting;

namespace WasteIoT.Cloud.Tests;

/// <summary>The real cloud host on a free loopback port.</summary>
internal sealed class RunningCloud : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningCloud(WebApplication app, HttpClient client, int mqttPort, string dataDirectory)
    {
        _app = app;
        Client = client;
        MqttPort = mqttPort;
        DataDirectory = dataDirectory;
    }

    public HttpClient Client { get; }

    public int MqttPort { get; }

    public string DataDirectory { get; }

    public T Service<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    /// <summary>Starts on the embedded SQLite store or on a fresh database of the throwaway PostgreSQL cluster.</summary>
    public static Task<RunningCloud> StartOnAsync(string database, params string[] extraArgs) => StartOnAsync(database, null, extraArgs);

    public static Task<RunningCloud> StartOnAsync(string database, TimeProvider? time, params string[] extraArgs) => database switch
    {
        "PostgreSql" => StartAsync(time, ["--Cloud:Database", "PostgreSql", "--Cloud:ConnectionString", WasteIoT.Testing.PostgresCluster.Shared.CreateDatabase(), .. extraArgs]),
        _ => StartAsync(time, extraArgs),
    };

    public static Task<RunningCloud> StartAsync(params string[] extraArgs) => StartAsync(null, extraArgs);

    public static async Task<RunningCloud> StartAsync(TimeProvider? time, params string[] extraArgs)
    {
        var data = Path.Combine(Path.GetTempPath(), "wiot-cloud-" + Guid.NewGuid().ToString("N"));
        var mqttPort = WasteIoT.Testing.MosquittoBroker.FreePort();
        string[] args =
        [
            "--urls", "http://127.0.0.1:0", "--Cloud:DataDirectory", data,
            "--Cloud:MqttPort", mqttPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--Cloud:MqttBindAddress", "127.0.0.1",
            "--Logging:LogLevel:Default", "Warning",
            .. extraArgs,
        ];
        var app = CloudApplication.Build(args, time);
        await app.StartAsync();
        var tlsIndex = Array.IndexOf(extraArgs, "--Cloud:MqttTlsPort");
        string[] mqttPorts = [mqttPort.ToString(System.Globalization.CultureInfo.InvariantCulture), .. tlsIndex >= 0 ? [extraArgs[tlsIndex + 1]] : Array.Empty<string>()];
        var http = app.Urls.First(u => !mqttPorts.Any(p => u.EndsWith(":" + p, StringComparison.Ordinal)));
        var client = new HttpClient { BaseAddress = new Uri(http) };
        return new RunningCloud(app, client, mqttPort, data);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
