using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using WasteIoT.Cloud.Store;

namespace WasteIoT.Cloud.Tests.Audit;

/// <summary>The checks over stored data, through the HTTP API.</summary>
public sealed class CheckEndpointsTests
{
    // 2026-11-27 in Asia/Shanghai starts at 2026-11-26T16:00Z.
    private static readonly DateTimeOffset Seven = new(2026, 11, 27, 7, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task SealedTransportVerdictComesFromStoredPositionsAndCoverEvents()
    {
        await using var cloud = await RunningCloud.StartAsync();
        var readings = new List<StoredReading>
        {
            // The cover opened before midnight (local) and the 06:59 heartbeat still reports it open.
            Stored("truck-07", 1, Seven.AddHours(-7.5), $$"""{"kind":"cover","schema":1,"device":"truck-07","boot":1,"seq":1,"ts":"{{Utc(Seven.AddHours(-7.5))}}","state":"open"}"""),
            Stored("truck-07", 200, Seven.AddSeconds(-30), $$"""{"kind":"hb","schema":1,"device":"truck-07","boot":1,"seq":200,"ts":"{{Utc(Seven.AddSeconds(-30))}}","uptimeS":100,"fw":"1.0.0","buffered":0,"dropped":0,"cover":"open"}"""),
        };
        for (var s = 0; s < 120; s++)
        {
            var at = Seven.AddSeconds(s);
            var lon = (121.47 + (s * 0.0001)).ToString(CultureInfo.InvariantCulture);
            readings.Add(Stored("truck-07", 2 + s, at, $$"""{"kind":"pos","schema":1,"device":"truck-07","boot":1,"seq":{{2 + s}},"ts":"{{Utc(at)}}","lat":31.23,"lon":{{lon}},"speed":30,"fix":1}"""));
        }

        await cloud.Service<IReadingStore>().IngestAsync(readings, [], CancellationToken.None);

        using var doc = JsonDocument.Parse(await cloud.Client.GetStringAsync(new Uri("/api/checks/sealed-transport/truck-07/2026-11-27", UriKind.Relative)));
        var violation = Assert.Single(doc.RootElement.GetProperty("violations").EnumerateArray());
        Assert.Equal(Seven, violation.GetProperty("start").GetDateTimeOffset());
        Assert.Equal(30, violation.GetProperty("peakSpeedKmh").GetDouble());

        using var otherDay = JsonDocument.Parse(await cloud.Client.GetStringAsync(new Uri("/api/checks/sealed-transport/truck-07/2026-11-28", UriKind.Relative)));
        Assert.Empty(otherDay.RootElement.GetProperty("violations").EnumerateArray());
    }

    [Fact]
    public async Task ClearanceOfABinWithoutDataIsNoData()
    {
        await using var cloud = await RunningCloud.StartAsync();
        using var doc = JsonDocument.Parse(await cloud.Client.GetStringAsync(new Uri("/api/checks/clearance/bin-0404/2026-11-27", UriKind.Relative)));
        Assert.Equal("NoData", doc.RootElement.GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task DataHealthShowsTheSequenceGapOfADay()
    {
        await using var cloud = await RunningCloud.StartAsync();
        var rows = new long[] { 1, 2, 3, 7, 8 }.Select(seq =>
            Stored("bin-0001", seq, Seven.AddMinutes(seq), $$"""{"kind":"fill","schema":1,"device":"bin-0001","boot":1,"seq":{{seq}},"ts":"{{Utc(Seven.AddMinutes(seq))}}","fillingLevel":0.5,"status":"ok","echo":"ok"}""")).ToList();
        await cloud.Service<IReadingStore>().IngestAsync(rows, [], CancellationToken.None);

        using var doc = JsonDocument.Parse(await cloud.Client.GetStringAsync(new Uri("/api/checks/data-health/bin-0001/2026-11-27", UriKind.Relative)));
        var gap = Assert.Single(doc.RootElement.GetProperty("gaps").EnumerateArray());
        Assert.Equal(4, gap.GetProperty("from").GetInt64());
        Assert.Equal(6, gap.GetProperty("to").GetInt64());
        Assert.Equal(3, doc.RootElement.GetProperty("missing").GetInt64());
    }

    [Fact]
    public async Task MalformedDateIsAProblemDetails400()
    {
        await using var cloud = await RunningCloud.StartAsync();
        using var response = await cloud.Client.GetAsync(new Uri("/api/checks/clearance/bin-0001/27-11-2026", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static StoredReading Stored(string device, long seq, DateTimeOffset ts, string json) =>
        new(device, 1, seq, JsonDocument.Parse(json).RootElement.GetProperty("kind").GetString()!, ts, ts, "gw-truck-07", Encoding.UTF8.GetBytes(json));
}
