using System.Net.Http.Json;
using ClosedXML.Excel;
using Microsoft.Playwright;
using WasteIoT.Cloud.Tests.Audit;

namespace WasteIoT.Cloud.Tests.Dashboard;

/// <summary>
/// The street-cleaning map and the muck-truck page in a real browser against the real cloud: the hand-built days of
/// <see cref="RoadDaysTests"/> and <see cref="MuckDaysTests"/> together, the morning after.
/// </summary>
public sealed class StreetsPageTests(Browser browser) : IClassFixture<Browser>
{
    [Fact]
    public async Task TheRoadMapColoursSegmentsByTheirWindowAndTheMuckPagePlacesTheDumping()
    {
        await using var cloud = await StreetsAsync();
        var bureau = await browser.SignInAsync(cloud, "admin", RunningCloud.AdminPassword);

        // All windows: rd-01 short (a sweep and a sprinkle), rd-02 done.
        await bureau.GotoAsync("/#/roads/2026-11-26");
        var map = bureau.Locator("[data-page=roads][data-ready] [data-testid=road-map]");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-drawn", "true");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-shortfall", "1");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-ok", "1");
        await Assertions.Expect(bureau.Locator("[data-testid=road-summary]")).ToContainTextAsync("40.0%");
        await Shot(bureau, "bureau-roads");

        // The morning sweep alone: rd-01 swept once of twice; rd-02 has no work then.
        await bureau.SelectOptionAsync("select[name=window]", "Sweep@05:00-07:00");
        map = bureau.Locator("[data-page=roads][data-ready] [data-testid=road-map]");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-drawn", "true");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-other", "1");
        await Assertions.Expect(bureau.Locator("[data-testid=passes][data-segment=rd-01]")).ToHaveTextAsync("1 / 2");
        await Assertions.Expect(bureau.Locator("[data-testid=passes]")).ToHaveCountAsync(1);
        await Shot(bureau, "bureau-roads-morning-sweep");

        // The sweeper's replay from the window's start reads by its brushes, not a cover it does not have.
        await bureau.Locator("[data-page=roads][data-ready] table a[href^='#/replay/']").First.ClickAsync();
        var replay = bureau.Locator("[data-page=replay][data-ready] [data-testid=replay-map]");
        await Assertions.Expect(replay).ToHaveAttributeAsync("data-vehicle", "Sweeper");
        await Assertions.Expect(replay).ToHaveAttributeAsync("data-drawn", "true");
        Assert.True(int.Parse(await replay.GetAttributeAsync("data-working-segments") ?? "0", System.Globalization.CultureInfo.InvariantCulture) >= 1);
        await Assertions.Expect(replay.Locator(".legend")).ToContainTextAsync("作业中");
        await Assertions.Expect(bureau.Locator("[data-testid=replay-time]")).ToContainTextAsync("05:30:00");
        await Shot(bureau, "bureau-sweeper-replay");

        // Muck trucks: the tarp open on the first run and four stretches or raises against the permits, one suspected dumping on the map with its place.
        await bureau.GotoAsync("/#/muck/2026-11-26");
        var muckMap = bureau.Locator("[data-page=muck][data-ready] [data-testid=muck-map]");
        await Assertions.Expect(muckMap).ToHaveAttributeAsync("data-markers", "5");
        await Assertions.Expect(bureau.Locator("[data-testid=muck-summary]")).ToContainTextAsync("疑似偷倒");
        await Assertions.Expect(bureau.Locator("[data-testid=muck-findings] [data-finding]")).ToHaveTextAsync(["篷布未遮盖行驶", "无证行驶", "非核准时段行驶", "偏离核准路线", "疑似偷倒"]);
        await Assertions.Expect(bureau.Locator("main table").First).ToContainTextAsync("无有效核准证");
        await Shot(bureau, "bureau-muck");

        // The road export is the page's table.
        await bureau.GotoAsync("/#/roads/2026-11-26");
        await Assertions.Expect(bureau.Locator("[data-page=roads][data-ready]")).ToHaveCountAsync(1);
        var download = await bureau.RunAndWaitForDownloadAsync(() => bureau.ClickAsync("text=导出 Excel"));
        var saved = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + "-" + download.SuggestedFilename);
        await download.SaveAsAsync(saved);
        using (var workbook = new XLWorkbook(saved))
        {
            var rows = workbook.Worksheet(1).RowsUsed().Skip(1).Select(r => (r.Cell(1).GetString(), r.Cell(6).GetString(), r.Cell(9).GetValue<int>(), r.Cell(11).GetString())).ToList();
            Assert.Equal([("rd-01", "机扫 sweep", 1, "未达标 shortfall"), ("rd-01", "洒水 sprinkle", 0, "未达标 shortfall"), ("rd-02", "机扫 sweep", 1, "达标 ok")], rows);
        }

        // The month's report carries the 机扫率 with the basis behind it, and the muck trucks' breaches.
        await bureau.GotoAsync("/#/report/2026-11");
        var report = bureau.Locator("[data-page=report][data-ready] [data-testid=monthly-report]");
        await Assertions.Expect(report).ToContainTextAsync("机扫率");
        await Assertions.Expect(report).ToContainTextAsync("按计划机扫 0.4 公里·日，未达标 0.6 公里·日");
        await Assertions.Expect(report).ToContainTextAsync("其中疑似偷倒 1 起");
        await Shot(bureau, "bureau-report-streets");

        // The street contractor sees its roads and none of the hauler's trucks.
        var green = await browser.SignInAsync(cloud, "green-boss", "contractor-pass-1");
        await green.GotoAsync("/#/muck/2026-11-26");
        await Assertions.Expect(green.Locator("[data-page=muck][data-ready] [data-testid=muck-map]")).ToHaveAttributeAsync("data-markers", "0");
        await green.GotoAsync("/#/roads/2026-11-26");
        await Assertions.Expect(green.Locator("[data-page=roads][data-ready] [data-testid=road-map]")).ToHaveAttributeAsync("data-shortfall", "1");
    }

    private static async Task<RunningCloud> StreetsAsync()
    {
        var cloud = await HandBuiltCounty.StartAsync("Sqlite", HandBuiltCounty.Both, RoadDaysTests.SweepAndSprinkleDay(), MuckDaysTests.BreachDay());
        (await cloud.Client.PutAsJsonAsync("/api/users/green-boss", new { name = "green-boss", display = "green-boss", role = "Contractor", contractor = "c-green", truck = "" })).EnsureSuccessStatusCode();
        (await cloud.Client.PostAsJsonAsync("/api/users/green-boss/password", new { password = "contractor-pass-1" })).EnsureSuccessStatusCode();
        return cloud;
    }

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.Screenshots, name + ".png"), FullPage = true });
}
