using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using MQTTnet;
using MQTTnet.Formatter;
using WasteIoT.Testing;

namespace WasteIoT.Gateway.Tests.Durability;

/// <summary>The gateway's promise: what it acknowledged is never lost, even when it is killed mid-commit.</summary>
public sealed class GatewayKillTests
{
    [Fact]
    public async Task AcknowledgedReadingSurvivesGatewayKill()
    {
        using var data = new TempDirectory();
        const int Devices = 20;
        var ids = Enumerable.Range(1, Devices).Select(i => $"bin-{i:0000}").ToArray();
        var secrets = GatewayProcess.Provision(data.Path, ids);
        Assert.Equal(Devices, secrets.Length);
        var port = MosquittoBroker.FreePort();
        var acknowledged = new ConcurrentBag<(string Device, long Seq)>();
        using var stop = new CancellationTokenSource();

        var gateway = GatewayProcess.Start(data.Path, port);
        var devices = ids.Select((id, i) => Task.Run(() => RunDeviceAsync(id, secrets[i], port, acknowledged, stop.Token))).ToList();
        try
        {
            for (var kill = 0; kill < 3; kill++)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(1_500 + Random.Shared.Next(500)));
                gateway.Kill();
                gateway.Dispose();
                gateway = GatewayProcess.Start(data.Path, port);
            }

            await Task.Delay(1_500);
            await stop.CancelAsync();
            await Task.WhenAll(devices);
        }
        finally
        {
            gateway.Kill();
            gateway.Dispose();
        }

        var stored = ReadKeys(Path.Combine(data.Path, "gateway.db"));
        var missing = acknowledged.Where(a => !stored.Contains(a)).ToList();
        Assert.True(acknowledged.Count > 500, $"only {acknowledged.Count} acknowledged");
        Assert.True(missing.Count == 0, $"{missing.Count} of {acknowledged.Count} acknowledged readings lost, e.g. {string.Join(", ", missing.Take(5))}");
    }

    /// <summary>A device as the firmware behaves: the same reading is sent until it is acknowledged.</summary>
    private static async Task RunDeviceAsync(string device, string secret, int port, ConcurrentBag<(string, long)> acknowledged, CancellationToken stop)
    {
        var seq = 1L;
        while (!stop.IsCancellationRequested)
        {
            using var client = new MqttClientFactory().CreateMqttClient();
            try
            {
                await client.ConnectAsync(
                    new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithProtocolVersion(MqttProtocolVersion.V311)
                        .WithClientId(device).WithCredentials(device, secret).WithCleanSession(false).WithTimeout(TimeSpan.FromSeconds(2)).Build(),
                    stop);
                while (!stop.IsCancellationRequested)
                {
                    var result = await client.PublishAsync(DeviceMessages.Up(device, "fill", DeviceMessages.Fill(device, 1, seq)), stop);
                    if (!result.IsSuccess)
                    {
                        break;
                    }

                    acknowledged.Add((device, seq));
                    seq++;
                }
            }
            catch (Exception)
            {
                // Killed gateway, refused connection, timed-out PUBACK: retry the same reading, as the firmware does.
                if (stop.IsCancellationRequested)
                {
                    return;
                }

                await Task.Delay(50, CancellationToken.None);
            }
        }
    }

    private static HashSet<(string, long)> ReadKeys(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT device, seq FROM readings";
        using var reader = command.ExecuteReader();
        var keys = new HashSet<(string, long)>();
        while (reader.Read())
        {
            Assert.True(keys.Add((reader.GetString(0), reader.GetInt64(1))), "a reading was stored twice");
        }

        return keys;
    }
}
