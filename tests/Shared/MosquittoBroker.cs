using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace WasteIoT.Testing;

/// <summary>
/// A real Mosquitto (Debian's package, installed by ./dev.sh test) on a loopback port, anonymous, with a
/// throwaway config; the uplink peer where a plain broker is needed.
/// </summary>
internal sealed class MosquittoBroker : IDisposable
{
    private readonly Process _process;
    private readonly string _config;

    private MosquittoBroker(Process process, string config, int port)
    {
        _process = process;
        _config = config;
        Port = port;
    }

    public int Port { get; }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static MosquittoBroker Start(int? port = null)
    {
        var chosen = port ?? FreePort();
        var config = Path.Combine(Path.GetTempPath(), $"wiot-mosquitto-{chosen}.conf");
        File.WriteAllText(config, $"listener {chosen} 127.0.0.1\nallow_anonymous true\npersistence false\nmax_inflight_messages 100\nmax_queued_messages 100000\n");
        var binary = File.Exists("/usr/sbin/mosquitto") ? "/usr/sbin/mosquitto" : "mosquitto";
        var process = Process.Start(new ProcessStartInfo(binary, ["-c", config])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("mosquitto did not start");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, chosen);
                return new MosquittoBroker(process, config, chosen);
            }
            catch (SocketException)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException("mosquitto exited: " + process.StandardError.ReadToEnd());
                }

                Thread.Sleep(50);
            }
        }

        process.Kill();
        throw new TimeoutException("mosquitto did not listen within 10 s");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process.Dispose();
        File.Delete(_config);
    }
}
