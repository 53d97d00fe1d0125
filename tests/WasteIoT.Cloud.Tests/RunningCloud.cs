using Microsoft.AspNetCore.Builder;
using WasteIoT.Cloud.Hosting;

namespace WasteIoT.Cloud.Tests;

/// <summary>The real cloud host on a free loopback port.</summary>
internal sealed class RunningCloud : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningCloud(WebApplication app, HttpClient client)
    {
        _app = app;
        Client = client;
    }

    public HttpClient Client { get; }

    public static async Task<RunningCloud> StartAsync(params string[] extraArgs)
    {
        var data = Path.Combine(Path.GetTempPath(), "wiot-cloud-" + Guid.NewGuid().ToString("N"));
        string[] args = ["--urls", "http://127.0.0.1:0", "--Cloud:DataDirectory", data, .. extraArgs];
        var app = CloudApplication.Build(args);
        await app.StartAsync();
        var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        return new RunningCloud(app, client);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
