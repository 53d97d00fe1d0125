using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace WasteIoT.Benchmarks;

/// <summary>
/// The gateway after a long cloud outage (issue targets: RSS ≤ 150 MB with 1,000 connected devices and
/// 1,000,000 queued messages; accepting connections within 5 s of a restart with that backlog; backlog drain to a
/// local cloud ≥ 10,000 msg/s). Mosquitto stands in for the cloud.
/// </summary>
internal static class BacklogBenchmark
{
    public static async Task<int> RunAsync(int devices, int queued, TextWriter output)
    {
        var data = Directory.CreateTempSubdirectory("wiot-backlog-").FullName;
        try
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC"));
            var credentials = GatewayCli.Provision(data, Enumerable.Range(1, devices).Select(i => string.Create(CultureInfo.InvariantCulture, $"dev-{i:00000}")));
            var fill = Stopwatch.StartNew();
            Prefill(Path.Combine(data, "gateway.db"), credentials.Select(c => c.Id).ToArray(), queued);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"backlog: {queued:N0} readings of {devices:N0} devices written in {fill.Elapsed.TotalSeconds:N1} s; database {new FileInfo(Path.Combine(data, "gateway.db")).Length / 1048576.0:N0} MB"));

            var cloudPort = ChildProcess.FreePort();
            var gatewayPort = ChildProcess.FreePort();
            var started = Stopwatch.StartNew();
            using var gateway = ChildProcess.Start("dotnet",
            [
                GatewayCli.Assembly, "--urls", "http://127.0.0.1:0", "--Gateway:Id", "gw-bench", "--Gateway:DataDirectory", data,
                "--Gateway:Broker:Port", gatewayPort.ToString(CultureInfo.InvariantCulture), "--Gateway:Broker:BindAddress", "127.0.0.1",
                "--Gateway:Uplink:Mode", "Mqtt", "--Gateway:Uplink:Port", cloudPort.ToString(CultureInfo.InvariantCulture),
                "--Gateway:Uplink:MinBackoff", "00:00:00.200", "--Gateway:Uplink:MaxBackoff", "00:00:00.500",
                "--Logging:LogLevel:Default", "Warning",
            ], gatewayPort, Path.GetDirectoryName(GatewayCli.Assembly));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"restart with the backlog: accepting connections {started.Elapsed.TotalSeconds:N2} s after the process started"));

            var clients = await DeviceLoad.ConnectAsync(gatewayPort, credentials);
            await Task.Delay(2_000);
            GC.Collect();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{clients.Count:N0} devices connected, {queued:N0} queued: gateway RSS {gateway.ResidentMegabytes():N0} MB"));

            var config = Path.Combine(data, "cloud.conf");
            File.WriteAllText(config, string.Create(CultureInfo.InvariantCulture, $"listener {cloudPort} 127.0.0.1\nallow_anonymous true\npersistence false\nmax_inflight_messages 100\n"));
            var peakRss = 0.0;
            using (ChildProcess.Start(File.Exists("/usr/sbin/mosquitto") ? "/usr/sbin/mosquitto" : "mosquitto", ["-c", config], cloudPort))
            {
                var drain = Stopwatch.StartNew();
                long left;
                do
                {
                    await Task.Delay(1_000);
                    left = Unsent(Path.Combine(data, "gateway.db"));
                    peakRss = Math.Max(peakRss, gateway.ResidentMegabytes());
                }
                while (left > 0 && drain.Elapsed < TimeSpan.FromMinutes(10));

                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"drain to a local cloud (Mosquitto): {queued - left:N0} readings in {drain.Elapsed.TotalSeconds:N1} s = {(queued - left) / drain.Elapsed.TotalSeconds:N0} msg/s (± 1 s polling); peak RSS while draining {peakRss:N0} MB"));
            }

            foreach (var client in clients)
            {
                client.Dispose();
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


    /// <summary>Writes the backlog straight into the gateway's table, as weeks of an unreachable cloud would leave it.</summary>
    private static void Prefill(string database, string[] devices, int queued)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO readings (device, boot, seq, kind, ts, rx, payload, business) VALUES ($d, 1, $s, 'fill', $ts, $ts, $p, 0)";
        var d = insert.Parameters.Add("$d", SqliteType.Text);
        var s = insert.Parameters.Add("$s", SqliteType.Integer);
        var ts = insert.Parameters.Add("$ts", SqliteType.Integer);
        var p = insert.Parameters.Add("$p", SqliteType.Blob);
        var start = DateTimeOffset.UtcNow.AddDays(-2);
        for (var i = 0; i < queued; i++)
        {
            var device = devices[i % devices.Length];
            var seq = (i / devices.Length) + 1;
            var at = start.AddMilliseconds(i * 100L);
            d.Value = device;
            s.Value = seq;
            ts.Value = at.ToUnixTimeMilliseconds();
            p.Value = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $$"""{"kind":"fill","schema":1,"device":"{{device}}","boot":1,"seq":{{seq}},"ts":"{{at:yyyy-MM-ddTHH:mm:ss.fff}}Z","fillingLevel":0.42,"distanceMm":580,"temperature":12.5,"status":"ok","echo":"ok","battery":3.6}"""));
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static long Unsent(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM readings WHERE sent = 0";
        return (long)command.ExecuteScalar()!;
    }
}
