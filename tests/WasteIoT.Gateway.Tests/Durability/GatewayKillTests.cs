using Microsoft.Data.Sqlite;
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
        using var stop = new CancellationTokenSource();

        var gateway = GatewayProcess.Start(data.Path, port);
        var devices = ids.Select((id, i) => new LoadDevice(id, secrets[i], port, (d, seq) => ("fill", DeviceMessages.Fill(d, 1, seq)))).ToList();
        var running = devices.Select(d => Task.Run(() => d.RunAsync(stop.Token))).ToList();
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
            await Task.WhenAll(running);
        }
        finally
        {
            gateway.Dispose();
        }

        var stored = ReadKeys(Path.Combine(data.Path, "gateway.db"));
        var acknowledged = devices.SelectMany(d => d.Acknowledged.Select(seq => (d.Device, seq))).ToList();
        var missing = acknowledged.Where(a => !stored.Contains(a)).ToList();
        Assert.True(acknowledged.Count > 500, $"only {acknowledged.Count} acknowledged");
        Assert.True(missing.Count == 0, $"{missing.Count} of {acknowledged.Count} acknowledged readings lost, e.g. {string.Join(", ", missing.Take(5))}");
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
