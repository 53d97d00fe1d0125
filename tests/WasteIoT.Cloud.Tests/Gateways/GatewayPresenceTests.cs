using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using WasteIoT.Cloud.Gateways;
using WasteIoT.Cloud.Store;

namespace WasteIoT.Cloud.Tests.Gateways;

/// <summary>
/// Gateways report their presence with what their store holds; the data-health page shows who is behind, who went
/// silent and who dropped off, to the bureau and to the contractor whose devices it carries.
/// </summary>
public sealed class GatewayPresenceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task BacklogSilenceAndLostLinksAreShownPerGateway(string database)
    {
        var time = new FakeTimeProvider(Now);
        await using var cloud = await RunningCloud.StartOnAsync(database, time);
        await Audit.CountyAuditTests.SeedRegistryAsync(cloud.Client);
        var gateways = cloud.Service<GatewayRegistry>();
        var greenSecret = gateways.Provision("gw-green", ["truck-07", "site-t01"]);
        var blueSecret = gateways.Provision("gw-blue", ["truck-08"]);
        var strangerSecret = gateways.Provision("gw-odd", ["site-ts01"]);
        gateways.Provision("gw-quiet", ["bin-0001"]);

        // gw-green is 40 minutes behind (a truck out of coverage); gw-blue is up to date, then loses its link.
        using var green = await ConnectAsync(cloud, "gw-green", greenSecret);
        await ReportAsync(green, "gw-green", """{"kind":"status","schema":1,"client":"gw-green","online":true,"fw":"1.0.0","backlog":{"rows":1200,"oldestAgeS":2400,"storeBytes":5242880,"thinned":3}}""");
        using var blue = await ConnectAsync(cloud, "gw-blue", blueSecret);
        await ReportAsync(blue, "gw-blue", """{"kind":"status","schema":1,"client":"gw-blue","online":true,"backlog":{"rows":0,"oldestAgeS":0,"storeBytes":1048576}}""");

        // A report that claims another gateway, or a negative backlog, is quarantined, not believed.
        using var odd = await ConnectAsync(cloud, "gw-odd", strangerSecret);
        await ReportAsync(odd, "gw-odd", """{"kind":"status","schema":1,"client":"gw-green","online":true,"backlog":{"rows":0,"oldestAgeS":0}}""");
        await ReportAsync(odd, "gw-odd", """{"kind":"status","schema":1,"client":"gw-odd","online":true,"backlog":{"rows":-5,"oldestAgeS":0}}""");
        await ReportAsync(odd, "gw-odd", "{\"kind\":\"status\",");

        var list = await WaitForAsync(cloud.Client, l => Row(l, "gw-green").GetProperty("reported").ValueKind != JsonValueKind.Null
            && Row(l, "gw-blue").GetProperty("connected").GetBoolean());
        var greenRow = Row(list, "gw-green");
        Assert.True(greenRow.GetProperty("connected").GetBoolean());
        Assert.False(greenRow.GetProperty("silent").GetBoolean());
        Assert.Equal(1200, greenRow.GetProperty("backlogRows").GetInt64());
        Assert.Equal(2400, greenRow.GetProperty("oldestAgeS").GetInt64());
        Assert.True(greenRow.GetProperty("behind").GetBoolean());
        Assert.False(Row(list, "gw-blue").GetProperty("behind").GetBoolean());
        Assert.Equal(3, greenRow.GetProperty("thinned").GetInt64());
        Assert.Equal(["c-green"], greenRow.GetProperty("contractors").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(2, greenRow.GetProperty("devices").GetInt32());
        Assert.Equal(JsonValueKind.Null, Row(list, "gw-odd").GetProperty("reported").ValueKind);
        Assert.Equal(JsonValueKind.Null, Row(list, "gw-quiet").GetProperty("reported").ValueKind);
        var quarantined = await cloud.Service<IReadingStore>().ReadQuarantineAsync(100, CancellationToken.None);
        Assert.Equal(3, quarantined.Count(q => q.Gateway == "gw-odd"));

        // The link drops without a goodbye: the broker sends gw-blue's last will; its last backlog stays readable.
        blue.Dispose();
        list = await WaitForAsync(cloud.Client, l => !Row(l, "gw-blue").GetProperty("connected").GetBoolean());
        Assert.Equal(0, Row(list, "gw-blue").GetProperty("backlogRows").GetInt64());
        Assert.Equal(1048576, Row(list, "gw-blue").GetProperty("storeBytes").GetInt64());

        // Connected but no report for longer than allowed (3 minutes): silent, listed before the healthy.
        time.Advance(TimeSpan.FromMinutes(4));
        list = await cloud.Client.GetFromJsonAsync<JsonElement>("/api/gateways/presence");
        Assert.True(Row(list, "gw-green").GetProperty("silent").GetBoolean());
        Assert.Equal(4, list.GetArrayLength());

        // Each contractor sees the gateways that carry its devices; a crew none.
        await ImportUsersAsync(cloud.Client, "name,display,role,contractor,truck\nblue-boss,蓝天 王经理,contractor,c-blue,\ngreen-crew,赵师傅,crew,c-green,浙A·D1234\n");
        using var blueBoss = await SignInAsync(cloud, "blue-boss", "blue-password-1");
        using var crew = await SignInAsync(cloud, "green-crew", "crew-password-1");
        var seenByBlue = await blueBoss.GetFromJsonAsync<JsonElement>("/api/gateways/presence");
        Assert.Equal(["gw-blue"], seenByBlue.EnumerateArray().Select(g => g.GetProperty("gateway").GetString()));
        Assert.Equal(0, (await crew.GetFromJsonAsync<JsonElement>("/api/gateways/presence")).GetArrayLength());
    }

    private static JsonElement Row(JsonElement list, string gateway) => list.EnumerateArray().Single(g => g.GetProperty("gateway").GetString() == gateway);

    private static async Task<JsonElement> WaitForAsync(HttpClient client, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var list = await client.GetFromJsonAsync<JsonElement>("/api/gateways/presence");
            if (done(list))
            {
                return list;
            }

            Assert.True(DateTime.UtcNow < deadline, $"presence not as expected: {list}");
            await Task.Delay(50);
        }
    }

    private static async Task<IMqttClient> ConnectAsync(RunningCloud cloud, string id, string secret)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", cloud.MqttPort).WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(id).WithCredentials(id, secret)
            .WithWillTopic($"wiot/v1/gw/{id}/status").WithWillPayload($$"""{"kind":"status","schema":1,"client":"{{id}}","online":false}""").WithWillRetain(true)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        return client;
    }

    private static Task ReportAsync(IMqttClient client, string id, string json) =>
        client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic($"wiot/v1/gw/{id}/status").WithPayload(json)
            .WithRetainFlag(true).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());

    private static async Task ImportUsersAsync(HttpClient client, string csv)
    {
        using var content = new StringContent(csv, System.Text.Encoding.UTF8, "text/csv");
        (await client.PostAsync(new Uri("/api/users.csv", UriKind.Relative), content)).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync("/api/users/blue-boss/password", new { password = "blue-password-1" })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync("/api/users/green-crew/password", new { password = "crew-password-1" })).EnsureSuccessStatusCode();
    }

    private static Task<HttpClient> SignInAsync(RunningCloud cloud, string name, string password) => cloud.SignInAsync(name, password);
}
