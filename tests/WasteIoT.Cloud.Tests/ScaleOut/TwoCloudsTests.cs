using System.Net.Http.Json;
using System.Text;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using WasteIoT.Cloud.Audit;
using WasteIoT.Cloud.Cases;
using WasteIoT.Cloud.Gateways;
using WasteIoT.Cloud.Tests.Audit;

namespace WasteIoT.Cloud.Tests.ScaleOut;

/// <summary>
/// The cloud is stateless over PostgreSQL: two instances on one database, each with its own gateway, give the
/// verdicts one instance gives, and file each case once.
/// </summary>
public sealed class TwoCloudsTests
{
    [Fact]
    public async Task TwoInstancesWithGatewaysSplitGiveTheVerdictsOfOne()
    {
        var database = WasteIoT.Testing.PostgresCluster.Shared.CreateDatabase();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero));
        string[] shared = ["--Cloud:Database", "PostgreSql", "--Cloud:ConnectionString", database];
        await using var a = await RunningCloud.StartAsync(time, shared);
        await using var b = await RunningCloud.StartAsync(time, shared);
        await CountyAuditTests.SeedRegistryAsync(a.Client);

        // Trucks and bins report through a gateway on instance A; toilets, the station and the pond through one on B.
        var readings = SmallCountyDay.Readings();
        string[] onA = ["truck-07", "bin-0001", "bin-0900"];
        var secretA = a.Service<GatewayRegistry>().Provision("gw-a", onA);
        var secretB = b.Service<GatewayRegistry>().Provision("gw-b", ["site-t01", "site-ts01", "pond-01"]);
        await SendAsync(a.MqttPort, "gw-a", secretA, readings.Where(r => onA.Contains(r.Device)));
        await SendAsync(b.MqttPort, "gw-b", secretB, readings.Where(r => !onA.Contains(r.Device)));

        await using var reference = await RunningCloud.StartOnAsync("Sqlite", time);
        await CountyAuditTests.SeedRegistryAsync(reference.Client);
        await SmallCountyDay.StoreAsync(reference.Service<WasteIoT.Cloud.Store.IReadingStore>());

        var expected = await reference.Client.GetFromJsonAsync<DaySummary>("/api/audit/2026-11-26/summary");
        Assert.Equal(expected, await a.Client.GetFromJsonAsync<DaySummary>("/api/audit/2026-11-26/summary"));

        // B took no registry write itself: it re-reads the registry within seconds of A's.
        time.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(expected, await b.Client.GetFromJsonAsync<DaySummary>("/api/audit/2026-11-26/summary"));
        Assert.Equal(1, expected!.OpenCoverViolations);

        // Both filers scan; each finding becomes one case.
        await reference.Service<CaseFiler>().ScanAsync(fresh: true, CancellationToken.None);
        await Task.WhenAll(a.Service<CaseFiler>().ScanAsync(fresh: true, CancellationToken.None), b.Service<CaseFiler>().ScanAsync(fresh: true, CancellationToken.None));
        Assert.Equal(await CasesAsync(reference.Client), await CasesAsync(b.Client));
        Assert.Equal(7, (await CasesAsync(a.Client)).Count);
    }

    private static async Task<List<string>> CasesAsync(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/cases?limit=100")).GetProperty("items").EnumerateArray()
            .Select(c => $"{c.GetProperty("kind")}/{c.GetProperty("subject")}/{c.GetProperty("day")}/{c.GetProperty("finding")}").Order(StringComparer.Ordinal)];

    internal static async Task SendAsync(int port, string gateway, string secret, IEnumerable<WasteIoT.Cloud.Store.StoredReading> readings)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithProtocolVersion(MqttProtocolVersion.V311)
            .WithClientId(gateway).WithCredentials(gateway, secret).Build());
        // A batch holds at most 1,000 records (the protocol's limit): a day goes in several, numbered on.
        var number = 0;
        foreach (var chunk in readings.Chunk(500))
        {
            var records = string.Join(",", chunk.Select(r => $$"""{"rx":"{{r.GatewayRx.UtcDateTime:yyyy-MM-ddTHH:mm:ss}}Z","msg":{{Encoding.UTF8.GetString(r.Json)}}}"""));
            var batch = $$"""{"kind":"batch","schema":1,"gateway":"{{gateway}}","batch":{{++number}},"sent":"{{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ss}}Z","records":[{{records}}]}""";
            var result = await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic($"wiot/v1/gw/{gateway}/up/batch").WithPayload(batch).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
            Assert.True(result.IsSuccess, result.ReasonString);
        }
    }
}
