using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using WasteIoT.Cloud.Hosting;

namespace WasteIoT.Cloud.Tests;

/// <summary>The real cloud host on a free loopback port.</summary>
internal sealed class RunningCloud : IAsyncDisposable
{
    private readonly WebApplication _app;

    public const string AdminPassword = "county-test-password-1";
    private readonly string _baseAddress;

    private RunningCloud(WebApplication app, HttpClient client, int mqttPort, string dataDirectory, string baseAddress)
    {
        _app = app;
        Client = client;
        _baseAddress = baseAddress;
        MqttPort = mqttPort;
        DataDirectory = dataDirectory;
    }

    /// <summary>Signed in as "admin", a bureau user.</summary>
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
        WebApplication app;
        int mqttPort;
        for (var attempt = 1; ; attempt++)
        {
            // A port found free can be taken by another test's socket before the cloud binds it: try a fresh one.
            mqttPort = WasteIoT.Testing.MosquittoBroker.FreePort();
            string[] args =
            [
                "--urls", "http://127.0.0.1:0", "--Cloud:DataDirectory", data,
                "--Cloud:MqttPort", mqttPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--Cloud:MqttBindAddress", "127.0.0.1",
                "--Logging:LogLevel:Default", "Warning",
                .. extraArgs,
            ];
            app = CloudApplication.Build(args, time);
            try
            {
                await app.StartAsync();
                break;
            }
            catch (IOException e) when (attempt < 5 && e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                await app.DisposeAsync();
            }
        }

        var tlsIndex = Array.IndexOf(extraArgs, "--Cloud:MqttTlsPort");
        string[] mqttPorts = [mqttPort.ToString(System.Globalization.CultureInfo.InvariantCulture), .. tlsIndex >= 0 ? [extraArgs[tlsIndex + 1]] : Array.Empty<string>()];
        var http = app.Urls.First(u => !mqttPorts.Any(p => u.EndsWith(":" + p, StringComparison.Ordinal)));
        var users = app.Services.GetRequiredService<WasteIoT.Cloud.Accounts.UserStore>();
        await users.UpsertAsync([new WasteIoT.Cloud.Accounts.UserAccount("admin", "管理员", WasteIoT.Cloud.Accounts.UserRole.Bureau, "", "")], CancellationToken.None);
        await app.Services.GetRequiredService<WasteIoT.Cloud.Accounts.AccountService>().SetPasswordAsync("admin", AdminPassword, CancellationToken.None);
        var client = await WasteIoT.Testing.CloudSession.SignInAsync(http, "admin", AdminPassword);
        return new RunningCloud(app, client, mqttPort, data, http);
    }

    public string BaseAddress => _baseAddress;

    /// <summary>A client with no session.</summary>
    public HttpClient Anonymous() => WasteIoT.Testing.CloudSession.Anonymous(_baseAddress);

    /// <summary>A client signed in as a user, carrying the session cookie and the anti-forgery token as the pages do.</summary>
    public Task<HttpClient> SignInAsync(string name, string password) => WasteIoT.Testing.CloudSession.SignInAsync(_baseAddress, name, password);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
