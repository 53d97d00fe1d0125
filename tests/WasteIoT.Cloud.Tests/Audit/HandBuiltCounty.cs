using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using WasteIoT.Cloud.Cases;
using WasteIoT.Cloud.Store;

namespace WasteIoT.Cloud.Tests.Audit;

/// <summary>
/// A cloud the morning after the 26th with registry files imported (every row accepted) and a hand-built day stored
/// and scanned for cases: what the street, muck-truck and weighbridge tests start from. <see cref="Both"/> is the road
/// plan's and the muck trucks' counties together, as the pages and the scorecard see them.
/// </summary>
internal static class HandBuiltCounty
{
    public static IEnumerable<(string Kind, string Csv)> Both =>
        RoadDaysTests.Files.Where(f => f.Kind != "contractors").Concat(MuckDaysTests.Registry.Where(f => f.Kind != "contractors"))
            .GroupBy(f => f.Kind).Select(g => (g.Key, g.First().Csv + string.Concat(g.Skip(1).Select(f => f.Csv[(f.Csv.IndexOf('\n', StringComparison.Ordinal) + 1)..]))))
            .Prepend(("contractors", "id,name,phone\nc-green,绿洁环境,\nc-haul,城建运输,\n"));

    public static async Task<RunningCloud> StartAsync(string database, IEnumerable<(string Kind, string Csv)> files, params StoredDay[] days)
    {
        var cloud = await RunningCloud.StartOnAsync(database, new FakeTimeProvider(SmallCountyDay.MorningAfter), "--Cloud:Map:TileUrl", "");
        foreach (var (kind, csv) in files)
        {
            using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
            var response = await cloud.Client.PostAsync(new Uri($"/api/registry/{kind}.csv", UriKind.Relative), content);
            var report = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode && JsonDocument.Parse(report).RootElement.GetProperty("errors").GetArrayLength() == 0, report);
        }

        foreach (var day in days)
        {
            await day.StoreAsync(cloud.Service<IReadingStore>());
        }

        await cloud.Service<CaseFiler>().ScanAsync(fresh: true, CancellationToken.None);
        return cloud;
    }

    /// <summary>The cases filed for the 26th.</summary>
    public static async Task<List<JsonElement>> CasesAsync(RunningCloud cloud) =>
        [.. (await cloud.Client.GetFromJsonAsync<JsonElement>("/api/cases?limit=100")).GetProperty("items").EnumerateArray()
            .Where(c => c.GetProperty("day").GetString() == "2026-11-26").Select(c => c.Clone())];
}
