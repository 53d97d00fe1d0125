using Microsoft.Extensions.Configuration;
using WasteIoT.Gateway.Devices;
using WasteIoT.Gateway.Hosting;
using WasteIoT.Gateway.Store;

namespace WasteIoT.Gateway.Provisioning;

/// <summary>
/// <c>provision DEVICE-ID…</c>: creates (or replaces) each device's credentials and prints them once.
/// Runs against the same database as the gateway; the gateway may be running.
/// </summary>
public static class ProvisionCommand
{
    public static int Run(string[] deviceIds, string[] configArgs, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables("WASTEIOT_")
            .AddCommandLine(configArgs)
            .Build();
        var options = new GatewayOptions();
        configuration.GetSection(GatewayOptions.Section).Bind(options);
        var store = GatewayStore.Open(GatewayApplication.DatabasePath(options), options.Store, TimeProvider.System);
        try
        {
            var registry = new DeviceRegistry(store, TimeProvider.System);
            foreach (var id in deviceIds)
            {
                var secret = registry.Provision(id);
                output.WriteLine($"{id}\t{secret}");
            }

            output.WriteLine("# Shown once: put each secret on its device (firmware/devices/Shared/DeviceSettings.cs); only a hash is stored.");
            return 0;
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return 2;
        }
        finally
        {
            store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
