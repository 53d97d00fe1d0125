using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using WasteIoT.Cloud.Registry;

namespace WasteIoT.Cloud.Tests.Registry;

/// <summary>The registry over HTTP on the real host, on both databases.</summary>
public sealed class RegistryApiTests
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task CountyImportedFromCsvExportsTheSameRows(string database)
    {
        await using var cloud = await RunningCloud.StartOnAsync(database);

        foreach (var (kind, csv) in SmallCounty.Files)
        {
            var report = await ImportAsync(cloud.Client, kind, csv);
            Assert.Empty(report.Errors);
        }

        foreach (var (kind, csv) in SmallCounty.Files)
        {
            var exported = await cloud.Client.GetByteArrayAsync($"/api/registry/{kind}.csv");
            Assert.Equal([0xEF, 0xBB, 0xBF], exported[..3]);
            Assert.Equal(Rows(csv), Rows(Encoding.UTF8.GetString(exported)));
        }

        var kinds = await cloud.Client.GetFromJsonAsync<JsonElement>("/api/registry");
        Assert.Equal(3, kinds.EnumerateArray().Single(k => k.GetProperty("kind").GetString() == "households").GetProperty("count").GetInt32());
        var route = await cloud.Client.GetFromJsonAsync<JsonElement>("/api/registry/routes/r-east");
        Assert.Equal(["h-001", "h-002", "h-003"], route.GetProperty("households").EnumerateArray().Select(h => h.GetString()));
        Assert.Equal(7, route.GetProperty("serviceDays").GetArrayLength());
        var toilet = await cloud.Client.GetFromJsonAsync<JsonElement>("/api/registry/sites/t-01");
        Assert.Equal("II", toilet.GetProperty("toiletClass").GetString());
        Assert.Equal("06:00:00", toilet.GetProperty("opens").GetString());
    }

    [Fact]
    public async Task FormulaLikeCellsAreExportedAsTextAndReadBackUnchanged()
    {
        await using var cloud = await RunningCloud.StartAsync();
        foreach (var (kind, csv) in SmallCounty.Files.Take(4))
        {
            Assert.Empty((await ImportAsync(cloud.Client, kind, csv)).Errors);
        }

        var address = "=HYPERLINK(\"http://evil.example\",\"点我\")";
        (await cloud.Client.PutAsJsonAsync("/api/registry/households/h-001", new { id = "h-001", address, building = "@SUM(1+1)", lat = 30.2741, lon = -120.1551, tag = "TAG-0001" })).EnsureSuccessStatusCode();

        var exported = System.Text.Encoding.UTF8.GetString(await cloud.Client.GetByteArrayAsync("/api/registry/households.csv"));
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"点我\"\")\"", exported, StringComparison.Ordinal);
        Assert.Contains(",'@SUM(1+1),", exported, StringComparison.Ordinal);
        Assert.Contains(",-120.1551,", exported, StringComparison.Ordinal);

        // Read back through the import, the cells are what they were.
        Assert.Empty((await ImportAsync(cloud.Client, "households", exported.TrimStart('\uFEFF'))).Errors);
        var household = await cloud.Client.GetFromJsonAsync<JsonElement>("/api/registry/households/h-001");
        Assert.Equal((address, "@SUM(1+1)"), (household.GetProperty("address").GetString(), household.GetProperty("building").GetString()));
    }

    [Fact]
    public async Task BadRowsAreRefusedByLineAndGoodRowsBesideThemAreKept()
    {
        await using var cloud = await RunningCloud.StartAsync();
        await ImportAsync(cloud.Client, "contractors", SmallCounty.Files[0].Csv);
        await ImportAsync(cloud.Client, "trucks", SmallCounty.Files[2].Csv);

        var report = await ImportAsync(cloud.Client, "households",
            "id,address,building,lat,lon,tag\nh-001,幸福路1号,1幢,30.27,120.15,TAG-1\nh-002,幸福路3号,1幢,north,120.15,TAG-2\nh-003,幸福路5号,,30.27,120.15,\nh-004,\"幸福路7号, 后门\",,30.27,120.15,TAG-4\nh-001,dup,,30.27,120.15,TAG-9\n");

        Assert.Equal(2, report.Imported);
        Assert.Equal([(3, "h-002"), (4, "h-003"), (6, "h-001")], report.Errors.Select(e => (e.Line, e.Id!)));
        Assert.Contains("lat 'north' is not a number", report.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("tag is required", report.Errors[1].Message, StringComparison.Ordinal);

        var route = await ImportAsync(cloud.Client, "routes", "id,name,contractor,truck,serviceDays,households\nr-1,一线,c-green,浙A·D1234,mon;wed;fri,h-001;h-404\nr-2,二线,c-green,浙A·D9999,sunday,h-004\nr-3,三线,c-green,浙A·D1234,someday,h-004\n");
        Assert.Equal(0, route.Imported);
        Assert.Contains("households not registered: h-404", route.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("truck '浙A·D9999' is not a registered truck", route.Errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("serviceDays 'someday'", route.Errors[2].Message, StringComparison.Ordinal);

        var header = await ImportAsync(cloud.Client, "bins", "id,name\nbin-1,x\n");
        Assert.Contains("header lacks column(s) contractor, lat", Assert.Single(header.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RowsAreEditedOneByOneWithValidationAndReferentialChecks()
    {
        await using var cloud = await RunningCloud.StartAsync();
        foreach (var (kind, csv) in SmallCounty.Files)
        {
            await ImportAsync(cloud.Client, kind, csv);
        }

        var moved = await cloud.Client.PutAsJsonAsync("/api/registry/households/h-003", new { id = "h-003", address = "幸福路5号", building = "3幢", lat = 30.2751, lon = 120.1561, tag = "TAG-0003" });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal("3幢", (await cloud.Client.GetFromJsonAsync<JsonElement>("/api/registry/households/h-003")).GetProperty("building").GetString());

        var invalid = await cloud.Client.PutAsJsonAsync("/api/registry/sites/t-02", new
        {
            id = "t-02",
            kind = "toilet",
            name = "新公厕",
            contractor = "c-none",
            lat = 30.28,
            lon = 120.16,
            toiletClass = (string?)null,
            opens = "06:00:00",
            closes = "05:00:00",
            cleaners = new[] { "b-999" },
            devices = Array.Empty<string>(),
        });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var problem = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("contractor 'c-none' is not a registered contractor", problem, StringComparison.Ordinal);
        Assert.Contains("toiletClass is required", problem, StringComparison.Ordinal);
        Assert.Contains("cleaner 'b-999' is not a registered badge", problem, StringComparison.Ordinal);

        var mismatch = await cloud.Client.PutAsJsonAsync("/api/registry/badges/b-003", new { id = "b-004", name = "x", role = "crew", contractor = "c-green" });
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);

        var referenced = await cloud.Client.DeleteAsync(new Uri("/api/registry/households/h-002", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Conflict, referenced.StatusCode);
        Assert.Contains("routes/r-east", await referenced.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await cloud.Client.DeleteAsync(new Uri("/api/registry/ponds/p-01", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cloud.Client.GetAsync(new Uri("/api/registry/ponds/p-01", UriKind.Relative))).StatusCode);

        var unknown = await cloud.Client.GetAsync(new Uri("/api/registry/spaceships", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);

        var page = await cloud.Client.GetFromJsonAsync<JsonElement>("/api/registry/households?offset=1&limit=1");
        Assert.Equal(3, page.GetProperty("total").GetInt32());
        Assert.Equal("h-002", page.GetProperty("items")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task AnotherInstanceSeesAWriteWithinSeconds()
    {
        await using var cloud = await RunningCloud.StartAsync();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var other = new CountyRegistry(new RegistryStore(cloud.Service<WasteIoT.Cloud.Store.CloudDatabase>(), time), time);
        Assert.Equal(0, (await other.CurrentAsync(CancellationToken.None)).Count("contractors"));

        await ImportAsync(cloud.Client, "contractors", SmallCounty.Files[0].Csv);
        time.Advance(TimeSpan.FromSeconds(4));

        Assert.Equal(2, (await other.CurrentAsync(CancellationToken.None)).Count("contractors"));
    }

    private static async Task<ImportReport> ImportAsync(HttpClient client, string kind, string csv)
    {
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        var response = await client.PostAsync(new Uri($"/api/registry/{kind}.csv", UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ImportReport>())!;
    }

    private static List<string> Rows(string csv) =>
        [.. Csv.Read(new StringReader(csv)).Select(r => string.Join("|", r.Fields)).Order(StringComparer.Ordinal)];
}
