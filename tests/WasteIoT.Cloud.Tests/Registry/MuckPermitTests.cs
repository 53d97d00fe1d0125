using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using WasteIoT.Cloud.Registry;

namespace WasteIoT.Cloud.Tests.Registry;

/// <summary>Muck-truck permits in the registry: sites as circles, routes, night hours, validity; a reason per bad row.</summary>
public sealed class MuckPermitTests
{
    [Fact]
    public async Task APermitIsImportedReadAndExportedAsWritten()
    {
        await using var cloud = await RunningCloud.StartAsync();
        await SeedAsync(cloud.Client);

        var permit = await cloud.Client.GetFromJsonAsync<JsonElement>("/api/registry/permits/ZT-2026-018");
        Assert.Equal(("浙A·Z0001", 200.0), (permit.GetProperty("truck").GetString(), permit.GetProperty("disposals")[0].GetProperty("radiusM").GetDouble()));
        Assert.Equal(("22:00:00", "05:00:00"), (permit.GetProperty("hours")[0].GetProperty("from").GetString(), permit.GetProperty("hours")[0].GetProperty("to").GetString()));
        Assert.True(permit.GetProperty("hours")[0].GetProperty("overnight").GetBoolean());

        var exported = await cloud.Client.GetStringAsync(new Uri("/api/registry/permits.csv", UriKind.Relative));
        var row = exported.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[1];
        Assert.Equal(Audit.MuckDaysTests.Registry[2].Csv.Split('\n')[1], row);
    }

    [Fact]
    public async Task EachBadRowIsRefusedWithItsReasonAndTheGoodOnesBesideItStay()
    {
        await using var cloud = await RunningCloud.StartAsync();
        await SeedAsync(cloud.Client);
        var csv = string.Join('\n',
            "id,truck,contractor,origins,disposals,routes,hours,validFrom,validTo",
            "ZT-02,浙A·Z0002,c-haul,,30.25:120.13:200,,20:00-06:00;12:00-13:00,2026-11-01,2026-11-30",
            "ZT-03,浙A·Z9999,c-haul,,30.25:120.13:200,,22:00-05:00,2026-11-01,2026-11-30",
            "ZT-04,浙A·Z0002,c-haul,,30.25:120.13,,22:00-05:00,2026-11-01,2026-11-30",
            "ZT-05,浙A·Z0002,c-haul,,30.25:120.13:200,,night,2026-11-01,2026-11-30",
            "ZT-06,浙A·Z0002,c-haul,,30.25:120.13:200,,22:00-05:00,2026-12-01,2026-11-30",
            "ZT-07,浙A·Z0002,c-haul,,30.25:120.13:20000,,22:00-05:00,2026-11-01,2026-11-30",
            "ZT-08,浙A·Z0002,c-haul,,30.25:120.13:200,30.25:120.10,22:00-05:00,2026-11-01,2026-11-30",
            "ZT-09,浙A·Z0002,c-haul,,30.25:120.13:200,,22:00-05:00,2026-11-01,30/11/2026",
            "ZT-10,浙A·Z0002,c-haul,,,,22:00-05:00,2026-11-01,2026-11-30") + "\n";
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        var report = (await (await cloud.Client.PostAsync(new Uri("/api/registry/permits.csv", UriKind.Relative), content)).Content.ReadFromJsonAsync<ImportReport>())!;

        Assert.Equal(1, report.Imported);
        var errors = report.Errors.ToDictionary(e => e.Id ?? "?", e => e.Message);
        Assert.Contains("浙A·Z9999", errors["ZT-03"], StringComparison.Ordinal);
        Assert.Contains("is not lat:lon:radiusM", errors["ZT-04"], StringComparison.Ordinal);
        Assert.Contains("'night' is not HH:mm-HH:mm", errors["ZT-05"], StringComparison.Ordinal);
        Assert.Contains("before validFrom", errors["ZT-06"], StringComparison.Ordinal);
        Assert.Contains("outside 10–5,000 m", errors["ZT-07"], StringComparison.Ordinal);
        Assert.Contains("a route needs 2", errors["ZT-08"], StringComparison.Ordinal);
        Assert.Contains("validTo '30/11/2026' is not a day", errors["ZT-09"], StringComparison.Ordinal);
        Assert.Contains("disposals", errors["ZT-10"], StringComparison.Ordinal);
    }

    private static async Task SeedAsync(HttpClient client)
    {
        foreach (var (kind, csv) in Audit.MuckDaysTests.Registry)
        {
            using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
            (await client.PostAsync(new Uri($"/api/registry/{kind}.csv", UriKind.Relative), content)).EnsureSuccessStatusCode();
        }
    }
}
