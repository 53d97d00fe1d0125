using System.Globalization;
using System.Reflection;
using WasteIoT.Testing;

namespace WasteIoT.Gateway.Tests;

/// <summary>The gateway as a separate process, so a test can SIGKILL it like a power cut.</summary>
internal static class GatewayProcess
{
    private static readonly string Assembly = typeof(GatewayProcess).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "GatewayAssembly").Value!;

    public static string[] Provision(string dataDirectory, params string[] devices) =>
        [.. ServiceProcess.Run(Assembly, ["provision", .. devices, "--Gateway:DataDirectory", dataDirectory])
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#')).Select(l => l.Split('\t')[1].Trim())];

    public static ServiceProcess Start(string dataDirectory, int port, params string[] extra) => ServiceProcess.Start(Assembly, port,
    [
        "--urls", "http://127.0.0.1:0",
        "--Gateway:Id", "gw-kill",
        "--Gateway:DataDirectory", dataDirectory,
        "--Gateway:Broker:Port", port.ToString(CultureInfo.InvariantCulture),
        "--Gateway:Broker:BindAddress", "127.0.0.1",
        "--Gateway:Broker:MaxMessagesPerSecondPerDevice", "100000",
        "--Gateway:Uplink:Mode", "None",
        "--Logging:LogLevel:Default", "Warning",
        .. extra,
    ]);
}
