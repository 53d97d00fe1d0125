using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using WasteIoT.Cloud.Store;

namespace WasteIoT.Cloud.Tests.Readings;

public sealed class ReadingEndpointsTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ReadingsArePagedInTimeOrder()
    {
        await using var cloud = await RunningCloud.StartAsync();
        var rows = Enumerable.Range(1, 25).Select(s =>
        {
            var ts = Start.AddMinutes(s);
            var json = string.Create(CultureInfo.InvariantCulture, $$"""{"kind":"fill","schema":1,"device":"bin-0001","boot":1,"seq":{{s}},"ts":"{{ts:yyyy-MM-ddTHH:mm:ss}}Z","fillingLevel":0.5,"status":"ok","echo":"ok"}""");
            return new StoredReading("bin-0001", 1, s, "fill", ts, ts, "gw-1", Encoding.UTF8.GetBytes(json));
        }).ToList();
        await cloud.Service<IReadingStore>().IngestAsync(rows, [], CancellationToken.None);

        var seqs = new List<long>();
        int? offset = 0;
        var pages = 0;
        while (offset is { } o)
        {
            using var page = JsonDocument.Parse(await cloud.Client.GetStringAsync(new Uri($"/api/devices/bin-0001/readings?from=2026-11-27T00:00:00Z&to=2026-11-28T00:00:00Z&offset={o}&limit=10", UriKind.Relative)));
            seqs.AddRange(page.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("seq").GetInt64()));
            offset = page.RootElement.TryGetProperty("next", out var next) && next.ValueKind == JsonValueKind.Number ? next.GetInt32() : null;
            pages++;
        }

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(1, 25).Select(i => (long)i), seqs);
    }

    [Theory]
    [InlineData("/api/devices/BIN!/readings?from=2026-11-27T00:00:00Z&to=2026-11-28T00:00:00Z")]
    [InlineData("/api/devices/bin-0001/readings?from=2026-11-28T00:00:00Z&to=2026-11-27T00:00:00Z")]
    [InlineData("/api/devices/bin-0001/readings?from=2026-11-27T00:00:00Z&to=2026-11-28T00:00:00Z&limit=0")]
    public async Task BadQueriesAreProblemDetails(string url)
    {
        await using var cloud = await RunningCloud.StartAsync();
        using var response = await cloud.Client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task OpenApiDocumentDescribesTheApi()
    {
        await using var cloud = await RunningCloud.StartAsync();
        using var doc = JsonDocument.Parse(await cloud.Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var paths = doc.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/devices/{device}/readings", paths);
        Assert.Contains("/api/checks/sealed-transport/{device}/{date}", paths);
        Assert.Contains("/health", paths);
    }
}
