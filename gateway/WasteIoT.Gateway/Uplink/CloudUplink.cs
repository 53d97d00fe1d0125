namespace WasteIoT.Gateway.Uplink;

/// <summary>Placeholder replaced below.</summary>
public sealed class CloudUplink : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.CompletedTask;
}
