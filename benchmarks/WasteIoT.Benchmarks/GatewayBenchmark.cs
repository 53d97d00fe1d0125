using System.Diagnostics;
using System.Globalization;

namespace WasteIoT.Benchmarks;

/// <summary>
/// Gateway durable ingest against Mosquitto pass-through, same machine, same load, same run
/// (issue targets: ≥ 20,000 msg/s and ≥ 40 % of Mosquitto; p99 publish → PUBACK ≤ 50 ms at 2,000 msg/s).
/// </summary>
internal static class GatewayBenchmark
{
    public static async Task<int> RunAsync(int devices, int perDevice, int window, TextWriter output)
    {
        var data = Directory.CreateTempSubdirectory("wiot-bench-").FullName;
        try
        {
            var ids = Enumerable.Range(1, devices).Select(i => string.Create(CultureInfo.InvariantCulture, $"dev-{i:0000}")).ToArray();
            var credentials = GatewayCli.Provision(data, ids);

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load: {devices} devices × {perDevice} QoS 1 readings, {window} in flight per device"));

            var mosquittoPort = ChildProcess.FreePort();
            var config = Path.Combine(data, "mosquitto.conf");
            File.WriteAllText(config, string.Create(CultureInfo.InvariantCulture, $"listener {mosquittoPort} 127.0.0.1\nallow_anonymous true\npersistence false\nmax_inflight_messages {window}\n"));
            double mosquittoRate;
            using (var mosquitto = ChildProcess.Start(File.Exists("/usr/sbin/mosquitto") ? "/usr/sbin/mosquitto" : "mosquitto", ["-c", config], mosquittoPort))
            {
                var clients = await DeviceLoad.ConnectAsync(mosquittoPort, credentials);
                await DeviceLoad.SaturateAsync(clients, Math.Max(1, perDevice / 10), window, 1);
                var (serverCpu, driverCpu) = (mosquitto.ProcessorTime, Process.GetCurrentProcess().TotalProcessorTime);
                mosquittoRate = await DeviceLoad.SaturateAsync(clients, perDevice, window, 2);
                var messages = (double)devices * perDevice;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mosquitto (in memory, no validation):   {mosquittoRate,10:N0} msg/s   RSS {mosquitto.ResidentMegabytes():N0} MB   CPU {(mosquitto.ProcessorTime - serverCpu).TotalMicroseconds / messages:N1} µs/msg (load driver {(Process.GetCurrentProcess().TotalProcessorTime - driverCpu).TotalMicroseconds / messages:N1} µs/msg)"));
                await DisconnectAsync(clients);
            }

            var gatewayPort = ChildProcess.FreePort();
            using var gateway = ChildProcess.Start("dotnet",
            [
                GatewayCli.Assembly, "--urls", "http://127.0.0.1:0", "--Gateway:Id", "gw-bench", "--Gateway:DataDirectory", data,
                "--Gateway:Broker:Port", gatewayPort.ToString(CultureInfo.InvariantCulture), "--Gateway:Broker:BindAddress", "127.0.0.1",
                "--Gateway:Broker:MaxMessagesPerSecondPerDevice", "100000", "--Gateway:Uplink:Mode", "None", "--Logging:LogLevel:Default", "Warning",
                "--Gateway:Store:Synchronous", Environment.GetEnvironmentVariable("BENCH_SYNC") ?? "Full",
            ], gatewayPort, Path.GetDirectoryName(GatewayCli.Assembly));
            {
                var clients = await DeviceLoad.ConnectAsync(gatewayPort, credentials);
                await DeviceLoad.SaturateAsync(clients, Math.Max(1, perDevice / 10), window, 1);
                var (serverCpu, driverCpu) = (gateway.ProcessorTime, Process.GetCurrentProcess().TotalProcessorTime);
                var gatewayRate = await DeviceLoad.SaturateAsync(clients, perDevice, window, 2);
                var messages = (double)devices * perDevice;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"gateway (validated, fsync'd SQLite WAL):  {gatewayRate,10:N0} msg/s   RSS {gateway.ResidentMegabytes():N0} MB   CPU {(gateway.ProcessorTime - serverCpu).TotalMicroseconds / messages:N1} µs/msg (load driver {(Process.GetCurrentProcess().TotalProcessorTime - driverCpu).TotalMicroseconds / messages:N1} µs/msg)"));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio gateway / mosquitto:               {gatewayRate / mosquittoRate,10:P0}"));

                var latencies = await DeviceLoad.PacedAsync(clients, 2_000, TimeSpan.FromSeconds(10), 3);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"publish → PUBACK at 2,000 msg/s for 10 s: p50 {DeviceLoad.Percentile(latencies, 50):N1} ms, p99 {DeviceLoad.Percentile(latencies, 99):N1} ms, max {latencies[^1]:N1} ms ({latencies.Count:N0} samples)"));
                await DisconnectAsync(clients);
            }

            return 0;
        }
        finally
        {
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }


    private static async Task DisconnectAsync(IEnumerable<MQTTnet.IMqttClient> clients)
    {
        foreach (var client in clients)
        {
            await client.DisconnectAsync(new MQTTnet.MqttClientDisconnectOptions());
            client.Dispose();
        }
    }
}
