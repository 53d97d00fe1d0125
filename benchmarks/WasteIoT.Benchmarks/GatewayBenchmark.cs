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
            (double Rate, double ServerUs, double DriverUs) mosquittoRaw;
            using (var mosquitto = ChildProcess.Start(File.Exists("/usr/sbin/mosquitto") ? "/usr/sbin/mosquitto" : "mosquitto", ["-c", config], mosquittoPort))
            {
                var clients = await DeviceLoad.ConnectAsync(mosquittoPort, credentials);
                await DeviceLoad.SaturateAsync(clients, Math.Max(1, perDevice / 10), window, 1);
                var (serverCpu, driverCpu) = (mosquitto.ProcessorTime, Process.GetCurrentProcess().TotalProcessorTime);
                mosquittoRate = await DeviceLoad.SaturateAsync(clients, perDevice, window, 2);
                var messages = (double)devices * perDevice;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mosquitto (in memory, no validation):   {mosquittoRate,10:N0} msg/s   RSS {mosquitto.ResidentMegabytes():N0} MB   CPU {(mosquitto.ProcessorTime - serverCpu).TotalMicroseconds / messages:N1} µs/msg (load driver {(Process.GetCurrentProcess().TotalProcessorTime - driverCpu).TotalMicroseconds / messages:N1} µs/msg)"));
                await DisconnectAsync(clients);
                mosquittoRaw = await SaturateRawAsync(mosquitto, mosquittoPort, credentials, perDevice, window);
            }

            var gatewayPort = ChildProcess.FreePort();
            var gatewayHttp = ChildProcess.FreePort();
            using var gateway = ChildProcess.Start("dotnet",
            [
                GatewayCli.Assembly, "--urls", string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{gatewayHttp}"), "--Gateway:Id", "gw-bench", "--Gateway:DataDirectory", data,
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

                using var metrics = new HttpClient { BaseAddress = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{gatewayHttp}")) };
                var commitsBefore = CommitBuckets(await metrics.GetStringAsync("/metrics"));
                var latencies = await DeviceLoad.PacedAsync(clients, 2_000, TimeSpan.FromSeconds(10), 3);
                var commits = CommitBuckets(await metrics.GetStringAsync("/metrics")).Select((b, i) => (b.Le, b.Count - commitsBefore[i].Count)).ToList();
                var within = commits.First(b => b.Item2 >= 0.99 * commits[^1].Item2).Le;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"publish → PUBACK at 2,000 msg/s for 10 s: p50 {DeviceLoad.Percentile(latencies, 50):N1} ms, p99 {DeviceLoad.Percentile(latencies, 99):N1} ms, max {latencies[^1]:N1} ms ({latencies.Count:N0} samples); in the gateway, arrival → commit ≤ {within} ms for 99 %"));
                await DisconnectAsync(clients);

                // The same saturation with the lean driver: the cores go to the server under test.
                var gatewayRaw = await SaturateRawAsync(gateway, gatewayPort, credentials, perDevice, window);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"lean driver (raw MQTT sockets): mosquitto {mosquittoRaw.Rate:N0} msg/s ({mosquittoRaw.ServerUs:N1} µs/msg, driver {mosquittoRaw.DriverUs:N1}), gateway {gatewayRaw.Rate:N0} msg/s ({gatewayRaw.ServerUs:N1} µs/msg, driver {gatewayRaw.DriverUs:N1}), ratio {gatewayRaw.Rate / mosquittoRaw.Rate:P0}"));
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


    /// <summary>Every device publishes <paramref name="perDevice"/> readings over <see cref="RawMqttDevice"/>; rate and CPU per message of server and driver.</summary>
    private static async Task<(double Rate, double ServerUs, double DriverUs)> SaturateRawAsync(
        ChildProcess server, int port, IReadOnlyList<(string Id, string Secret)> credentials, int perDevice, int window)
    {
        var devices = await Task.WhenAll(credentials.Select(c => RawMqttDevice.ConnectAsync(port, c.Id, c.Secret)));
        try
        {
            await Task.WhenAll(devices.Select(d => Task.Run(() => d.PublishAsync(Math.Max(1, perDevice / 10), window, 10))));
            var (serverCpu, driverCpu) = (server.ProcessorTime, Process.GetCurrentProcess().TotalProcessorTime);
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(devices.Select(d => Task.Run(() => d.PublishAsync(perDevice, window, 11))));
            var messages = (double)devices.Length * perDevice;
            return (messages / clock.Elapsed.TotalSeconds, (server.ProcessorTime - serverCpu).TotalMicroseconds / messages,
                (Process.GetCurrentProcess().TotalProcessorTime - driverCpu).TotalMicroseconds / messages);
        }
        finally
        {
            foreach (var device in devices)
            {
                device.Dispose();
            }
        }
    }

    /// <summary>The gateway's cumulative commit-latency histogram (upper bound in ms, count) from its /metrics.</summary>
    private static List<(string Le, long Count)> CommitBuckets(string metrics) =>
        [.. metrics.Split('\n').Where(l => l.StartsWith("wasteiot_gateway_commit_latency_ms_bucket{le=\"", StringComparison.Ordinal))
            .Select(l => (l[(l.IndexOf('"', StringComparison.Ordinal) + 1)..l.LastIndexOf('"')], long.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture)))];

    private static async Task DisconnectAsync(IEnumerable<MQTTnet.IMqttClient> clients)
    {
        foreach (var client in clients)
        {
            await client.DisconnectAsync(new MQTTnet.MqttClientDisconnectOptions());
            client.Dispose();
        }
    }
}
