using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using WasteIoT.Cloud.Store;
using WasteIoT.Cloud.Tests.Audit;

namespace WasteIoT.Cloud.Tests.Ngsi;

/// <summary>The NGSI-LD view of the small county against the FIWARE Smart Data Models schemas.</summary>
public sealed class NgsiLdTests
{
    // AirQualityObserved's own example does not pass its schema (its "tsp" is not an integer, among others), so it cannot vouch for the validator.
    [Theory]
    [InlineData("WasteContainer")]
    [InlineData("Vehicle")]
    public void SchemaAcceptsItsOwnExampleAndRefusesABrokenOne(string type)
    {
        var example = JsonDocument.Parse(File.ReadAllText(Path.Combine(FiwareSchemas.Folder, type, "example.json"))).RootElement;
        Assert.Empty(FiwareSchemas.Errors(type, example));

        var broken = JsonDocument.Parse(example.GetRawText().Replace($"\"type\": \"{type}\"", "\"type\": \"Spaceship\"", StringComparison.Ordinal)).RootElement;
        Assert.NotEmpty(FiwareSchemas.Errors(type, broken));
    }

    [Fact]
    public async Task CountyEntitiesValidateAgainstTheSmartDataModels()
    {
        await using var cloud = await RunningCloud.StartAsync(new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero)));
        await CountyAuditTests.SeedRegistryAsync(cloud.Client);
        await SmallCountyDay.StoreAsync(cloud.Service<IReadingStore>());

        var containers = await ListAsync(cloud.Client, "WasteContainer");
        var vehicles = await ListAsync(cloud.Client, "Vehicle");
        var air = await ListAsync(cloud.Client, "AirQualityObserved");

        foreach (var (type, entities) in new[] { ("WasteContainer", containers), ("Vehicle", vehicles), ("AirQualityObserved", air) })
        {
            foreach (var entity in entities)
            {
                Assert.Empty(FiwareSchemas.Errors(type, entity));
            }
        }

        Assert.Equal(["urn:ngsi-ld:WasteContainer:bin-a", "urn:ngsi-ld:WasteContainer:bin-ts"], containers.Select(c => c.GetProperty("id").GetString()));
        Assert.Equal(0.2, containers[0].GetProperty("fillingLevel").GetDouble());
        Assert.Equal("2026-11-26T12:00:00.000Z", containers[0].GetProperty("dateModified").GetString());
        Assert.False(containers[1].TryGetProperty("fillingLevel", out _));

        var truck = Assert.Single(vehicles);
        Assert.Equal("urn:ngsi-ld:Vehicle:%E6%B5%99A%C2%B7D1234", truck.GetProperty("id").GetString());
        Assert.Equal("浙A·D1234", truck.GetProperty("vehiclePlateIdentifier").GetString());
        Assert.Equal("closed", truck.GetProperty("cargoCoverStatus").GetString());
        Assert.Equal(120.15, truck.GetProperty("location").GetProperty("coordinates")[0].GetDouble());

        var toilet = air.Single(a => a.GetProperty("id").GetString() == "urn:ngsi-ld:AirQualityObserved:t-01");
        Assert.NotEmpty(FiwareSchemas.Errors("AirQualityObserved", JsonDocument.Parse(toilet.GetRawText().Replace("\"sh2\":0.005", "\"sh2\":-1", StringComparison.Ordinal)).RootElement));
        Assert.Equal(1.5, toilet.GetProperty("nh3").GetDouble());
        Assert.Equal("indoor", toilet.GetProperty("typeofLocation").GetString());
    }

    [Fact]
    public async Task NormalizedFormAndSingleEntityAndErrorsFollowNgsiLd()
    {
        await using var cloud = await RunningCloud.StartAsync();
        await CountyAuditTests.SeedRegistryAsync(cloud.Client);
        await SmallCountyDay.StoreAsync(cloud.Service<IReadingStore>());

        var response = await cloud.Client.GetAsync(new Uri("/ngsi-ld/v1/entities/urn:ngsi-ld:Vehicle:%E6%B5%99A%C2%B7D1234", UriKind.Relative));
        Assert.Equal("application/ld+json", response.Content.Headers.ContentType?.MediaType);
        var normalized = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Property", normalized.GetProperty("cargoCoverStatus").GetProperty("type").GetString());
        Assert.Equal("closed", normalized.GetProperty("cargoCoverStatus").GetProperty("value").GetString());
        Assert.Equal("GeoProperty", normalized.GetProperty("location").GetProperty("type").GetString());

        var bin = JsonDocument.Parse(await cloud.Client.GetStringAsync(new Uri("/ngsi-ld/v1/entities/urn:ngsi-ld:WasteContainer:bin-a", UriKind.Relative))).RootElement;
        Assert.Equal("Relationship", bin.GetProperty("refDevice").GetProperty("type").GetString());
        Assert.Equal("urn:ngsi-ld:Device:bin-0001", bin.GetProperty("refDevice").GetProperty("object")[0].GetString());

        var unknown = await cloud.Client.GetAsync(new Uri("/ngsi-ld/v1/entities?type=Spaceship", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("https://uri.etsi.org/ngsi-ld/errors/BadRequestData", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await cloud.Client.GetAsync(new Uri("/ngsi-ld/v1/entities/urn:ngsi-ld:Vehicle:nobody", UriKind.Relative))).StatusCode);
    }

    private static async Task<List<JsonElement>> ListAsync(HttpClient client, string type)
    {
        var response = await client.GetAsync(new Uri($"/ngsi-ld/v1/entities?type={type}&options=keyValues", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return [.. JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray()];
    }
}
