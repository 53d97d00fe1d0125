using WasteIoT.Cloud.Gateways;

using WasteIoT.Cloud.Store;

namespace WasteIoT.Cloud.Hosting;

/// <summary><c>provision-gateway GATEWAY-ID DEVICE-ID… [--Cloud:DataDirectory DIR | --Cloud:Database PostgreSql --Cloud:ConnectionString CS]</c>: a gateway's credentials (shown once) and its devices.</summary>
public static class ProvisionGatewayCommand
{
    public static int Run(string gateway, string[] rest, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(rest);
        ArgumentNullException.ThrowIfNull(output);
        var devices = rest.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        var options = rest[devices.Length..];
        var cloud = new ConfigurationBuilder().AddJsonFile("appsettings.json", optional: true).AddEnvironmentVariables().AddCommandLine(options)
            .Build().GetSection(StoreOptions.Section).Get<StoreOptions>() ?? new StoreOptions();
        try
        {
            using var database = cloud.OpenDatabase();
            var registry = new GatewayRegistry(database, TimeProvider.System);
            output.WriteLine($"{gateway}\t{registry.Provision(gateway, devices)}");
            output.WriteLine("# Shown once: set it as the gateway's Gateway:Uplink:Password.");
            return 0;
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return 2;
        }
    }
}
