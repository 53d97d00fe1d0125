using WasteIoT.Cloud.Gateways;
using WasteIoT.Cloud.Storage;

namespace WasteIoT.Cloud.Hosting;

/// <summary><c>provision-gateway GATEWAY-ID DEVICE-ID… [--Cloud:DataDirectory DIR]</c>: a gateway's credentials (shown once) and its devices.</summary>
public static class ProvisionGatewayCommand
{
    public static int Run(string gateway, string[] rest, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(rest);
        ArgumentNullException.ThrowIfNull(output);
        var devices = rest.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        var options = rest[devices.Length..];
        var data = new CloudOptions().DataDirectory;
        for (var i = 0; i < options.Length - 1; i++)
        {
            if (options[i] == "--Cloud:DataDirectory")
            {
                data = options[i + 1];
            }
        }

        try
        {
            var registry = new GatewayRegistry(new SqliteReadingStore(Path.Combine(data, "cloud.db")));
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
