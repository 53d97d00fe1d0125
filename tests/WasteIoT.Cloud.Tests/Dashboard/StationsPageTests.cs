using Microsoft.Playwright;
using WasteIoT.Cloud.Tests.Audit;

namespace WasteIoT.Cloud.Tests.Dashboard;

/// <summary>A weighed transfer station's day and month in a real browser: the ledger a station manager signs.</summary>
public sealed class StationsPageTests(Browser browser) : IClassFixture<Browser>
{
    [Fact]
    public async Task TheDaysLedgerListsEveryVisitAndTheMonthDrawsEachDay()
    {
        await using var cloud = await HandBuiltCounty.StartAsync("Sqlite", StationLedgerDaysTests.Registry, StationLedgerDaysTests.Day(transferTrips: 2));
        var bureau = await browser.SignInAsync(cloud, "admin", RunningCloud.AdminPassword);

        await bureau.GotoAsync("/#/stations/2026-11-26");
        var station = bureau.Locator("[data-page=stations][data-ready] [data-station=ts-01]");
        await Assertions.Expect(station.Locator("[data-testid=ledger]")).ToContainTextAsync("5.00 t");
        await Assertions.Expect(station.Locator("[data-state=shortfall]")).ToHaveCountAsync(1);
        await Assertions.Expect(station.Locator("tbody tr")).ToHaveCountAsync(6);
        await Assertions.Expect(station.Locator("tbody")).ToContainTextAsync("转运出站");
        await Assertions.Expect(bureau.Locator("[data-testid=collection]")).ToContainTextAsync("16.00 t");
        await bureau.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.Screenshots, "bureau-station-ledger.png"), FullPage = true });

        await station.Locator("a[href^='#/station-month/']").ClickAsync();
        var month = bureau.Locator("[data-page=station-month][data-ready]");
        await Assertions.Expect(month.Locator("[data-testid=month-ledger]")).ToContainTextAsync("25.00 t");
        await Assertions.Expect(month.Locator("[data-testid=ledger-chart] rect")).ToHaveCountAsync(2 * 26);
        await bureau.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.Screenshots, "bureau-station-month.png"), FullPage = true });

        // The month by truck: the 25th (opened first, so its day is closed and kept) and the 26th add up per truck.
        await bureau.GotoAsync("/#/stations/2026-11-25");
        await Assertions.Expect(bureau.Locator("[data-page=stations][data-ready] [data-testid=collection]")).ToContainTextAsync("3.00 t");
        await bureau.GotoAsync("/#/stations/2026-11-26");
        await bureau.Locator("[data-page=stations][data-ready] a[href^='#/collection-month/']").ClickAsync();
        var collection = bureau.Locator("[data-page=collection-month][data-ready]");
        await Assertions.Expect(collection.Locator("[data-testid=collection-month]")).ToContainTextAsync("25.00 t");
        await Assertions.Expect(collection.Locator("[data-testid=trucks-month] tbody tr", new() { HasText = "浙A·D1234" })).ToContainTextAsync("19.00 t");
        await Assertions.Expect(collection.Locator("[data-testid=trucks-month] tbody tr", new() { HasText = "浙A·D5678" })).ToContainTextAsync("6.00 t");
        await bureau.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.Screenshots, "bureau-collection-month.png"), FullPage = true });
    }

    [Fact]
    public async Task ThePondsMonthChartsItsVolumeAgainstTheAlarmAndWhatWasTreated()
    {
        await using var cloud = await HandBuiltCounty.StartAsync("Sqlite", LeachateDaysTests.Registry, LeachateDaysTests.Day());
        var bureau = await browser.SignInAsync(cloud, "admin", RunningCloud.AdminPassword);

        await bureau.GotoAsync("/#/stations/2026-11-26");
        await bureau.Locator("[data-page=stations][data-ready] [data-testid=ponds] a[href^='#/pond-month/']").ClickAsync();
        var month = bureau.Locator("[data-page=pond-month][data-ready]");
        await Assertions.Expect(month.Locator("[data-testid=pond-month]")).ToContainTextAsync("587.5 m³");
        await Assertions.Expect(month.Locator("[data-testid=pond-chart] rect")).ToHaveCountAsync(26);
        await bureau.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.Screenshots, "bureau-pond-month.png"), FullPage = true });
    }

    [Fact]
    public async Task TheLandfillsTonnesAndWhereEachHaulWentAreShown()
    {
        await using var cloud = await HandBuiltCounty.StartAsync("Sqlite", LandfillDaysTests.Registry, LandfillDaysTests.Day(SmallCountyDay.Midnight.AddHours(24).AddMinutes(30)));
        var bureau = await browser.SignInAsync(cloud, "admin", RunningCloud.AdminPassword);

        await bureau.GotoAsync("/#/stations/2026-11-26");
        var page = bureau.Locator("[data-page=stations][data-ready]");
        await Assertions.Expect(page.Locator("[data-testid=landfills]")).ToContainTextAsync("9.90 t");
        await Assertions.Expect(page.Locator("[data-testid=hauls] tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("[data-testid=hauls] [data-state=shortfall]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=hauls] tbody tr").First).ToContainTextAsync("lf-01");
    }
}
