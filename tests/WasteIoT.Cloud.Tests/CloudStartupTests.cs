using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace WasteIoT.Cloud.Tests;

public sealed class CloudStartupTests
{
    [Fact]
    public async Task StartsOnEmbeddedDefaultsAndReportsHealth()
    {
        await using var cloud = await RunningCloud.StartAsync();
        using var response = await cloud.Client.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ok", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("Asia/Shanghai", body.RootElement.GetProperty("timeZone").GetString());
    }

    [Fact]
    public async Task ServesTheWireContractItSpeaks()
    {
        await using var cloud = await RunningCloud.StartAsync();
        using var body = JsonDocument.Parse(await cloud.Client.GetStringAsync(new Uri("/api/contract", UriKind.Relative)));

        Assert.Equal(1, body.RootElement.GetProperty("schema").GetInt32());
        Assert.Equal("wiot/v1", body.RootElement.GetProperty("topicRoot").GetString());
        var kinds = body.RootElement.GetProperty("deviceKinds").EnumerateArray().Select(k => k.GetString()).ToList();
        Assert.Contains("fill", kinds);
        Assert.Contains("scan", kinds);
    }

    [Fact]
    public async Task UnknownRouteIsAProblemDetails404()
    {
        await using var cloud = await RunningCloud.StartAsync();
        using var response = await cloud.Client.GetAsync(new Uri("/api/nothing-here", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task InvalidTimeZoneStopsStartupWithAClearMessage()
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => RunningCloud.StartAsync("--Cloud:TimeZone", "Mars/Olympus_Mons"));
        Assert.Contains("TimeZone", ex.Message, StringComparison.Ordinal);
    }
}
