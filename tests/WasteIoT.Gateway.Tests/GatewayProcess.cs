using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace WasteIoT.Gateway.Tests;

/// <summary>The gateway as a separate process, so a test can SIGKILL it like a power cut.</summary>
internal sealed class GatewayProcess : IDisposable
{
    private static readonly string Assembly = typeof(GatewayProcess).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "GatewayAssembly").Value!;

    private readonly Process _process;

    private GatewayProcess(Process process) => _process = process;

    public static string[] Provision(string dataDirectory, params string[] devices)
    {
        var start = Info(["provision", .. devices, "--Gateway:DataDirectory", dataDirectory]);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#')).Select(l => l.Split('\t')[1].Trim())];
    }

    public static GatewayProcess Start(string dataDirectory, int port, params string[] extra)
    {
        var process = Process.Start(Info(
        [
            "--urls", "http://127.0.0.1:0",
            "--Gateway:Id", "gw-kill",
            "--Gateway:DataDirectory", dataDirectory,
            "--Gateway:Broker:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--Gateway:Broker:BindAddress", "127.0.0.1",
            "--Gateway:Broker:MaxMessagesPerSecondPerDevice", "100000",
            "--Gateway:Uplink:Mode", "None",
            "--Logging:LogLevel:Default", "Warning",
            .. extra,
        ]))!;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException("gateway exited: " + process.StandardError.ReadToEnd());
            }

            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, port);
                return new GatewayProcess(process);
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }

        process.Kill();
        throw new TimeoutException("gateway did not listen within 30 s");
    }

    /// <summary>SIGKILL: no shutdown code runs, as when the power goes.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }

    private static ProcessStartInfo Info(string[] args) => new("dotnet", [Assembly, .. args])
    {
        RedirectStandardOutput = true,
        RedirectStandardError = true,
        UseShellExecute = false,
        WorkingDirectory = Path.GetDirectoryName(Assembly)!,
    };
}
