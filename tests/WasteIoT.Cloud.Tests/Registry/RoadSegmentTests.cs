using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using WasteIoT.Cloud.Registry;

namespace WasteIoT.Cloud.Tests.Registry;

/// <summary>The county's cleaning plan as road segments in the registry: a centre line, a class, the work each needs.</summary>
public sealed class RoadSegmentTests
{
    [Fact]
    public async Task RoadSegmentsImportWithTheirWorkPlanAndLength()
    {
        await using var cloud = await RunningCloud.StartAsync();
        await Audit.CountyAuditTests.SeedRegistryAsync(cloud.Client);

        var road = await cloud.Client.GetFromJsonAsync<JsonElement>("/api/registry/roads/rd-01");
        Assert.Equal("main", road.GetProperty("class").GetString(), ignoreCase: true);
        Assert.Equal(3, road.GetProperty("path").GetArrayLength());

        // Two legs of about 130 m and 143 m on the WGS-84 sphere.
        Assert.InRange(road.GetProperty("lengthM").GetDouble(), 260, 290);
        var work = road.GetProperty("work").EnumerateArray().Select(w => (w.GetProperty("task").GetString(), w.GetProperty("passes").GetInt32(), w.GetProperty("from").GetString())).ToList();
        Assert.Equal([("Sweep", 1, "05:00:00"), ("Sweep", 1, "14:00:00"), ("Sprinkle", 3, "06:00:00")], work);
    }

    [Fact]
    public async Task WorkVehiclesAreRegisteredTrucksOfTheirKindAndOldFilesMeanCollection()
    {
        await using var cloud = await RunningCloud.StartAsync();
        await Audit.CountyAuditTests.SeedRegistryAsync(cloud.Client);
        using var content = new StringContent("plate,contractor,devices\n浙A·S0021,c-green,truck-21\n", Encoding.UTF8, "text/csv");
        Assert.Empty((await (await cloud.Client.PostAsync(new Uri("/api/registry/trucks.csv", UriKind.Relative), content)).Content.ReadFromJsonAsync<ImportReport>())!.Errors);
        Assert.Equal("Collection", (await cloud.Client.GetFromJsonAsync<JsonElement>($"/api/registry/trucks/{Uri.EscapeDataString("浙A·S0021")}")).GetProperty("vehicle").GetString());

        using var sweeper = new StringContent("plate,contractor,devices,vehicle\n浙A·S0021,c-green,truck-21,sweeper\n浙A·M0031,c-green,truck-31,muck\n浙A·X0001,c-green,truck-41,tank\n", Encoding.UTF8, "text/csv");
        var report = (await (await cloud.Client.PostAsync(new Uri("/api/registry/trucks.csv", UriKind.Relative), sweeper)).Content.ReadFromJsonAsync<ImportReport>())!;
        Assert.Equal(2, report.Imported);
        Assert.Contains("vehicle", Assert.Single(report.Errors).Message, StringComparison.Ordinal);
        Assert.Equal("Sweeper", (await cloud.Client.GetFromJsonAsync<JsonElement>($"/api/registry/trucks/{Uri.EscapeDataString("浙A·S0021")}")).GetProperty("vehicle").GetString());
        var exported = Encoding.UTF8.GetString(await cloud.Client.GetByteArrayAsync("/api/registry/trucks.csv"));
        Assert.Contains("浙A·M0031,c-green,truck-31,contractor,muck", exported, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RoadSegmentsComeFromAGisExportInGeoJsonUnderTheSameRules()
    {
        await using var cloud = await RunningCloud.StartAsync();
        await Audit.CountyAuditTests.SeedRegistryAsync(cloud.Client);
        const string Collection = """
            {"type":"FeatureCollection","features":[
              {"type":"Feature","properties":{"id":"rd-20","name":"解放路, 东段","contractor":"c-green","class":"secondary","work":["sweep@05:00-07:00","fog*2@08:00-18:00"]},
               "geometry":{"type":"LineString","coordinates":[[120.16,30.28],[120.161,30.2805],[120.162,30.281]]}},
              {"type":"Feature","properties":{"id":"rd-21","name":"广场","contractor":"c-green","class":"main","work":"sweep@05:00-07:00"},
               "geometry":{"type":"Point","coordinates":[120.16,30.28]}}
            ]}
            """;
        using var content = new StringContent(Collection, Encoding.UTF8, "application/geo+json");
        var report = (await (await cloud.Client.PostAsync(new Uri("/api/registry/roads.geojson", UriKind.Relative), content)).Content.ReadFromJsonAsync<ImportReport>())!;

        Assert.Equal(1, report.Imported);
        Assert.Equal("rd-21", Assert.Single(report.Errors).Id);
        var road = await cloud.Client.GetFromJsonAsync<JsonElement>("/api/registry/roads/rd-20");
        Assert.Equal("解放路, 东段", road.GetProperty("name").GetString());

        // GeoJSON writes [longitude, latitude]; the registry keeps latitude and longitude by name.
        Assert.Equal((30.28, 120.16), (road.GetProperty("path")[0].GetProperty("lat").GetDouble(), road.GetProperty("path")[0].GetProperty("lon").GetDouble()));
        Assert.Equal(2, road.GetProperty("work").GetArrayLength());

        using var notGeoJson = new StringContent("""{"type":"Feature"}""", Encoding.UTF8, "application/geo+json");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await cloud.Client.PostAsync(new Uri("/api/registry/roads.geojson", UriKind.Relative), notGeoJson)).StatusCode);
    }

    [Fact]
    public async Task EachBadRowIsRefusedWithItsReasonAndTheGoodOnesBesideItStay()
    {
        await using var cloud = await RunningCloud.StartAsync();
        await Audit.CountyAuditTests.SeedRegistryAsync(cloud.Client);
        var csv = string.Join('\n',
            "id,name,contractor,class,path,work",
            "rd-02,人民路,c-green,keySection,30.28:120.16;30.281:120.161,fog@08:00-18:00",
            "rd-03,断点路,c-green,main,30.28:120.16,sweep@05:00-07:00",
            "rd-04,坐标错,c-green,main,30.28;120.16,sweep@05:00-07:00",
            "rd-05,任务错,c-green,main,30.28:120.16;30.281:120.161,plough@05:00-07:00",
            "rd-06,时间倒,c-green,main,30.28:120.16;30.281:120.161,sweep@07:00-05:00",
            "rd-07,无主路,c-nobody,main,30.28:120.16;30.281:120.161,sweep@05:00-07:00",
            "rd-08,太长,c-green,secondary,30.0:120.0;30.6:120.0,sweep@05:00-07:00",
            "rd-09,类别错,c-green,highway,30.28:120.16;30.281:120.161,sweep@05:00-07:00",
            "rd-10,零次,c-green,main,30.28:120.16;30.281:120.161,sweep*0@05:00-07:00") + "\n";
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        var report = (await (await cloud.Client.PostAsync(new Uri("/api/registry/roads.csv", UriKind.Relative), content)).Content.ReadFromJsonAsync<ImportReport>())!;

        Assert.Equal(1, report.Imported);
        var errors = report.Errors.ToDictionary(e => e.Id ?? "?", e => e.Message);
        Assert.Contains("path needs 2", errors["rd-03"], StringComparison.Ordinal);
        Assert.Contains("is not lat:lon", errors["rd-04"], StringComparison.Ordinal);
        Assert.Contains("'plough@05:00-07:00' is not task", errors["rd-05"], StringComparison.Ordinal);
        Assert.Contains("ends before it starts", errors["rd-06"], StringComparison.Ordinal);
        Assert.Contains("c-nobody", errors["rd-07"], StringComparison.Ordinal);
        Assert.Contains("split the road", errors["rd-08"], StringComparison.Ordinal);
        Assert.Contains("class", errors["rd-09"], StringComparison.Ordinal);
        Assert.Contains("sweep*0", errors["rd-10"], StringComparison.Ordinal);
        Assert.Equal(2, (await cloud.Client.GetFromJsonAsync<JsonElement>("/api/registry")).EnumerateArray().Single(k => k.GetProperty("kind").GetString() == "roads").GetProperty("count").GetInt32());
    }
}
