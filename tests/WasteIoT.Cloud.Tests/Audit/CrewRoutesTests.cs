using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using WasteIoT.Cloud.Store;

namespace WasteIoT.Cloud.Tests.Audit;

public sealed class CrewRoutesTests
{
    [Fact]
    public async Task CrewReadsItsOwnRoutesAddressesInServiceOrderAndNoOneElses()
    {
        await using var cloud = await RunningCloud.StartAsync(new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero)));
        await CountyAuditTests.SeedRegistryAsync(cloud.Client);
        await SmallCountyDay.StoreAsync(cloud.Service<IReadingStore>());
        foreach (var (name, contractor, truck, password) in new[] { ("green-crew", "c-green", "浙A·D1234", "crew-password-1"), ("blue-crew", "c-blue", "浙A·D5678", "crew-password-2") })
        {
            (await cloud.Client.PutAsJsonAsync($"/api/users/{name}", new { name, display = name, role = "Crew", contractor, truck })).EnsureSuccessStatusCode();
            (await cloud.Client.PostAsJsonAsync($"/api/users/{name}/password", new { password })).EnsureSuccessStatusCode();
        }

        using var green = await cloud.SignInAsync("green-crew", "crew-password-1");
        var route = Assert.Single((await green.GetFromJsonAsync<JsonElement>("/api/crew/2026-11-26")).EnumerateArray());
        var stops = route.GetProperty("stops").EnumerateArray().ToList();
        Assert.Equal(["h-001", "h-002", "h-003"], stops.Select(s => s.GetProperty("household").GetString()));
        Assert.Equal(["served", "missed", "missed"], stops.Select(s => s.GetProperty("state").GetString()));
        Assert.Equal(("城关镇幸福路3号", "1幢"), (stops[1].GetProperty("address").GetString(), stops[1].GetProperty("building").GetString()));
        Assert.Equal(2, route.GetProperty("left").GetInt32());

        // Households belong to the bureau: the crew cannot list them, and another truck's crew sees no route here.
        Assert.Equal(0, (await green.GetFromJsonAsync<JsonElement>("/api/registry/households")).GetProperty("total").GetInt32());
        using var blue = await cloud.SignInAsync("blue-crew", "crew-password-2");
        Assert.Empty((await blue.GetFromJsonAsync<JsonElement>("/api/crew/2026-11-26")).EnumerateArray());
    }
}
