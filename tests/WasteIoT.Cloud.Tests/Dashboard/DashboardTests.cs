using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using WasteIoT.Cloud.Gateways;
using WasteIoT.Cloud.Store;
using WasteIoT.Cloud.Tests.Audit;

namespace WasteIoT.Cloud.Tests.Dashboard;

/// <summary>The dashboard in a real browser against the real cloud, for each kind of user; screenshots go to artifacts/screenshots.</summary>
public sealed class DashboardTests(Browser browser) : IClassFixture<Browser>
{
    private const string GreenTruck = "浙A·D1234";

    // The tests run offline: the map must work with no tiles at all.
    private static readonly string[] NoTiles = ["--Cloud:Map:TileUrl", ""];

    [Fact]
    public async Task LoginFormRefusesAWrongPasswordAndLocksAfterFive()
    {
        await using var cloud = await RunningCloud.StartAsync(NoTiles);
        var context = await browser.Chromium.NewContextAsync(new BrowserNewContextOptions { BaseURL = cloud.BaseAddress });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.WaitForURLAsync("**/login.html");

        for (var i = 1; i <= 5; i++)
        {
            await page.FillAsync("input[name=name]", "admin");
            await page.FillAsync("input[name=password]", "wrong-password-" + i);
            await page.RunAndWaitForResponseAsync(() => page.ClickAsync("button[type=submit]"), "**/api/account/login");
            await Assertions.Expect(page.Locator("#error")).ToHaveTextAsync(i < 5 ? "用户名或密码错误" : "失败次数过多，账户已锁定 15 分钟");
        }

        await page.FillAsync("input[name=password]", RunningCloud.AdminPassword);
        await page.RunAndWaitForResponseAsync(() => page.ClickAsync("button[type=submit]"), "**/api/account/login");
        await Assertions.Expect(page.Locator("#error")).ToHaveTextAsync("失败次数过多，账户已锁定 15 分钟");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.Screenshots, "login-locked.png") });
    }

    [Fact]
    public async Task ScriptInTheAddressBarNeverRunsOnAnyPage()
    {
        await using var cloud = await CountyAsync();
        var page = await browser.SignInAsync(cloud, "admin", RunningCloud.AdminPassword);
        string[] payloads = ["<img src=x onerror=\"window.__pwned=1\">", "\"><svg onload=window.__pwned=1>", "2026-11-26\"><script>window.__pwned=1</script>"];
        string[] routes = ["overview", "routes", "bins", "toilets", "scorecard", "report", "cases", "live", "crew", $"replay/{Uri.EscapeDataString(GreenTruck)}", "replay"];
        foreach (var route in routes)
        {
            foreach (var payload in payloads)
            {
                await page.GotoAsync($"/#/{route}/{Uri.EscapeDataString(payload)}");
                await page.WaitForTimeoutAsync(150);
                Assert.True(await page.EvaluateAsync<bool>("() => window.__pwned === undefined && !document.querySelector('main img[src=x], main svg[onload], main script')"), $"{route}: {payload}");
            }
        }

        var response = await page.APIRequest.GetAsync(cloud.BaseAddress + "/");
        Assert.Contains("script-src 'self';", response.Headers["content-security-policy"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task EachRoleLandsOnItsOwnMainPage()
    {
        await using var cloud = await CountyAsync();
        var bureau = await browser.SignInAsync(cloud, "admin", RunningCloud.AdminPassword);

        // With no date in the address the pages open on the latest day with data, not on an empty today.
        await bureau.GotoAsync("/#/overview");
        await Assertions.Expect(bureau.Locator(".bar input[name=day]")).ToHaveValueAsync("2026-11-26");
        await Assertions.Expect(bureau.Locator("[data-testid=summary]")).ToContainTextAsync("33.3%");

        // A day no device reported on says so and shows no alarms.
        await bureau.GotoAsync("/#/overview/2026-11-20");
        await Assertions.Expect(bureau.Locator("[data-testid=no-data]")).ToBeVisibleAsync();
        await Assertions.Expect(bureau.Locator(".tile.bad")).ToHaveCountAsync(0);
        await Shot(bureau, "bureau-overview-empty-day");

        await bureau.GotoAsync("/#/overview/2026-11-26");
        var summary = bureau.Locator("[data-testid=summary]");
        await Assertions.Expect(summary).ToContainTextAsync("33.3%");
        await Assertions.Expect(summary).ToContainTextAsync("密闭运输违规");
        await Assertions.Expect(bureau.Locator("main table").First).ToContainTextAsync(GreenTruck);
        await Shot(bureau, "bureau-overview");
        await bureau.GotoAsync("/#/toilets/2026-11-26");
        await Assertions.Expect(bureau.Locator("main table").First).ToContainTextAsync("4/6");
        await Assertions.Expect(bureau.Locator("[data-testid=episodes]")).ToContainTextAsync("氨气 11:55:00–12:05:00 (10 分钟)");
        await bureau.ClickAsync("details[data-toilet='t-01'] summary");
        // Each gas against the limit the cloud judged it by (class II: NH3 1.0), with the cleanings shaded.
        await Assertions.Expect(bureau.Locator("svg.odour[data-gas=nh3]")).ToHaveAttributeAsync("data-points", "2");
        await Assertions.Expect(bureau.Locator("svg.odour[data-gas=nh3]")).ToHaveAttributeAsync("data-limit", "1");
        await Assertions.Expect(bureau.Locator("svg.odour[data-gas=h2s]")).ToHaveAttributeAsync("data-limit", "0.01");
        await Assertions.Expect(bureau.Locator("svg.odour[data-gas=nh3] rect.cleaning")).ToHaveCountAsync(4);
        await Shot(bureau, "bureau-toilets");
        await bureau.GotoAsync("/#/health/2026-11-26");
        await Assertions.Expect(bureau.Locator("[data-testid=health-summary]")).ToContainTextAsync("收到消息");
        await Assertions.Expect(bureau.Locator("main table").Nth(1)).ToContainTextAsync("公厕");

        // Gateways now: the truck's gateway 40 minutes behind, the site's never heard from; both flagged.
        var gateways = bureau.Locator("[data-testid=gateways]");
        await Assertions.Expect(gateways.Locator("[data-gateway=gw-truck-07]")).ToHaveClassAsync(new Regex("v-unverified"));
        await Assertions.Expect(gateways).ToContainTextAsync("1200 · 40 分钟");
        await Assertions.Expect(gateways).ToContainTextAsync("从未上报");
        await Assertions.Expect(bureau.Locator("[data-testid=health-summary] .tile.bad")).ToContainTextAsync(["网关滞后或离线"]);
        await Shot(bureau, "bureau-health");
        await bureau.GotoAsync("/#/scorecard/2026-11");
        await Assertions.Expect(bureau.Locator("[data-testid=days-kept]")).ToBeVisibleAsync();
        await Assertions.Expect(bureau.Locator("main table")).ToBeVisibleAsync();
        await Shot(bureau, "bureau-scorecard");

        // The printed report names its issuer and period, and has a place to sign.
        await bureau.GotoAsync("/#/report/2026-11");
        var report = bureau.Locator("[data-testid=monthly-report]");
        await Assertions.Expect(report.Locator("header")).ToContainTextAsync("示范县城市管理局");
        await Assertions.Expect(report.Locator("header")).ToContainTextAsync("2026-11-01 至 2026-11-30");
        await Assertions.Expect(report.Locator("section.contractor-report h2")).ToContainTextAsync(["蓝天环卫", "绿洁环境服务有限公司, 城东"]);
        await Assertions.Expect(report.Locator("[data-testid=signatures]")).ToContainTextAsync("作业单位确认");
        await Shot(bureau, "bureau-report");

        var contractor = await browser.SignInAsync(cloud, "green-boss", "contractor-pass-1");
        await Assertions.Expect(contractor.Locator("[data-testid=live-map]")).ToBeVisibleAsync();
        await Assertions.Expect(contractor.Locator($"#trucks li[data-truck='{GreenTruck}']")).ToContainTextAsync("关闭");
        await Shot(contractor, "contractor-live");
        await contractor.GotoAsync("/#/bins/2026-11-26");
        await Assertions.Expect(contractor.Locator("main table")).ToContainTextAsync("bin-a");
        await Assertions.Expect(contractor.Locator("[data-testid=bin-map]")).ToHaveAttributeAsync("data-bins", "2");
        await Assertions.Expect(contractor.Locator("[data-testid=bin-map]")).ToHaveAttributeAsync("data-fitted", "true");
        await Assertions.Expect(contractor.Locator("[data-testid=bin-map] .legend")).ToBeVisibleAsync();

        // No tiles here (an offline county): the registry's own places are drawn instead of a blank canvas.
        await Assertions.Expect(contractor.Locator("[data-testid=bin-map]")).ToHaveAttributeAsync("data-geometry", new Regex("^[1-9]"));
        await Shot(contractor, "contractor-bins");

        // The crew member, on a phone: the route of the latest day with data, every household still to collect (one of
        // the three was scanned that day).
        var crew = await browser.SignInAsync(cloud, "green-crew", "crew-password-1", 390, 844);
        var route = crew.Locator("[data-testid=crew-route]");
        await Assertions.Expect(crew.Locator("[data-testid=crew-date]")).ToContainTextAsync("2026-11-26");
        await Assertions.Expect(route).ToContainTextAsync("城东线");
        await Assertions.Expect(route.Locator("li[data-household]")).ToHaveCountAsync(2);

        // Addresses in service order, the one scanned too far from its door marked, and a map of the doors.
        await Assertions.Expect(route.Locator("li[data-household]").First).ToContainTextAsync("城关镇幸福路3号 · 1幢");
        await Assertions.Expect(route.Locator("li[data-household='h-002'] .far")).ToBeVisibleAsync();
        await Assertions.Expect(crew.Locator("[data-testid=crew-map]")).ToHaveAttributeAsync("data-stops", "3");
        await Assertions.Expect(crew.Locator("#nav a")).ToHaveCountAsync(1);
        await Shot(crew, "crew-route-phone");

        // English on the switch.
        await crew.ClickAsync("#lang");
        await Assertions.Expect(crew.Locator("#nav a")).ToHaveTextAsync("My route today");
    }

    [Fact]
    public async Task DatesReadAsTheCountyWritesThemWhateverTheBrowsersLocale()
    {
        await using var cloud = await CountyAsync();
        var page = await browser.SignInAsync(cloud, "admin", RunningCloud.AdminPassword, locale: "en-US");
        await page.GotoAsync("/#/overview/2026-11-26");
        var day = page.Locator(".bar input[name=day]");
        await Assertions.Expect(day).ToHaveValueAsync("2026-11-26");
        await Assertions.Expect(page.Locator(".bar .weekday")).ToHaveTextAsync("周四");

        // The arrows step a day; a whole day typed moves the page; a day that does not exist is marked and goes nowhere.
        await page.ClickAsync(".bar button[data-step='-1']");
        await page.WaitForURLAsync("**/#/overview/2026-11-25");
        await Assertions.Expect(page.Locator("[data-page=overview][data-ready] .bar input[name=day]")).ToHaveValueAsync("2026-11-25");
        await page.Locator(".bar input[name=day]").FillAsync("2026-02-30");
        await page.Locator(".bar input[name=day]").PressAsync("Enter");
        await page.Locator(".bar input[name=day]").BlurAsync();
        await Assertions.Expect(page.Locator(".bar input[name=day]")).ToHaveClassAsync(new Regex("invalid"));
        Assert.EndsWith("#/overview/2026-11-25", page.Url, StringComparison.Ordinal);
        await page.Locator(".bar input[name=day]").FillAsync("2026-11-26");
        await page.Locator(".bar input[name=day]").BlurAsync();
        await page.WaitForURLAsync("**/#/overview/2026-11-26");

        // The calendar's choice comes back as the county's text, and the month bar reads 2026-11, not "November 2026".
        await Assertions.Expect(page.Locator("[data-page=overview][data-ready] [data-testid=summary]")).ToBeVisibleAsync();
        await page.Locator(".bar input.picker").EvaluateAsync("(p) => { p.value = '2026-11-24'; p.dispatchEvent(new Event('change')); }");
        await page.WaitForURLAsync("**/#/overview/2026-11-24");
        await page.GotoAsync("/#/scorecard/2026-11");
        await Assertions.Expect(page.Locator("[data-page=scorecard][data-ready] input[name=month]")).ToHaveValueAsync("2026-11");
        await page.ClickAsync(".bar button[data-step='1']");
        await page.WaitForURLAsync("**/#/scorecard/2026-12");
        await Assertions.Expect(page.Locator("main table")).ToContainTextAsync("绿洁环境服务有限公司");
        await Shot(page, "bureau-scorecard-en-us-browser");
    }

    [Fact]
    public async Task CaseEvidenceOpensTheReplayAtTheViolationAndTheMissedDoorsOnAMap()
    {
        await using var cloud = await CountyAsync();
        await cloud.Service<WasteIoT.Cloud.Cases.CaseFiler>().ScanAsync(fresh: true, CancellationToken.None);
        var bureau = await browser.SignInAsync(cloud, "admin", RunningCloud.AdminPassword);

        // The violation began at local midnight, the UTC evening before: the link names that instant, and the player opens there.
        await bureau.GotoAsync("/#/cases");
        await bureau.SelectOptionAsync("form.filters select[name=kind]", "sealedTransport");
        var replay = bureau.Locator("[data-page=cases][data-ready] article.case a[href^='#/replay/']");
        await Assertions.Expect(replay).ToHaveAttributeAsync("href", $"#/replay/{Uri.EscapeDataString(GreenTruck)}/2026-11-26/{Uri.EscapeDataString("2026-11-25T16:00:00.000Z")}");
        await bureau.GotoAsync($"/#/replay/{Uri.EscapeDataString(GreenTruck)}/2026-11-26/{Uri.EscapeDataString("2026-11-25T16:01:00Z")}");
        await Assertions.Expect(bureau.Locator("[data-page=replay][data-ready] [data-testid=replay-map]")).ToHaveAttributeAsync("data-at", "6");
        await Assertions.Expect(bureau.Locator("[data-testid=replay-time]")).ToContainTextAsync("00:01:00");

        // The missed-households case opens the route's day: the two doors missed while the truck was heard, on a map.
        await bureau.GotoAsync("/#/cases");
        await bureau.SelectOptionAsync("form.filters select[name=kind]", "coverage");
        await bureau.Locator("[data-page=cases][data-ready] article.case a[href^='#/route/']").ClickAsync();
        var map = bureau.Locator("[data-page=route][data-ready] [data-testid=route-map]");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-missed", "2");
        await Assertions.Expect(map.Locator(".legend")).ToContainTextAsync("漏收");
        await Assertions.Expect(bureau.Locator("[data-testid=route-missed] li")).ToHaveTextAsync([new Regex("^h-002"), new Regex("^h-003")]);
        await Shot(bureau, "bureau-route-missed");

        // The route list links each route to the same page.
        await bureau.GotoAsync("/#/routes/2026-11-26");
        await bureau.Locator("[data-page=routes][data-ready] table a[href^='#/route/r-east/']").ClickAsync();
        await Assertions.Expect(bureau.Locator("[data-page=route][data-ready] [data-testid=route-map]")).ToHaveAttributeAsync("data-missed", "2");
    }

    // Every page on each role's menu, as that role sees it, in Chinese and English; the crew on a phone.
    [Fact]
    public async Task EveryPageOfEveryRoleOpensWithoutAnError()
    {
        await using var cloud = await CountyAsync();
        await cloud.Service<WasteIoT.Cloud.Cases.CaseFiler>().ScanAsync(fresh: true, CancellationToken.None);
        foreach (var (user, password, role, width, height) in new[]
        {
            ("admin", RunningCloud.AdminPassword, "bureau", 1280, 800),
            ("green-boss", "contractor-pass-1", "contractor", 1280, 800),
            ("green-crew", "crew-password-1", "crew", 390, 844),
        })
        {
            var page = await browser.SignInAsync(cloud, user, password, width, height);
            await Assertions.Expect(page.Locator("#page > [data-ready]")).ToHaveCountAsync(1);
            foreach (var language in new[] { "zh", "en" })
            {
                if (language == "en")
                {
                    await page.ClickAsync("#lang");
                }

                var menu = await page.Locator("#nav a").EvaluateAllAsync<string[]>("links => links.map(a => a.dataset.page)");
                Assert.NotEmpty(menu);
                foreach (var name in menu)
                {
                    await page.ClickAsync($"#nav a[data-page={name}]");
                    var shown = page.Locator($"#page > [data-page={name}][data-ready]");
                    await Assertions.Expect(shown).ToHaveAttributeAsync("data-ready", "true");
                    await Assertions.Expect(shown.Locator(".error:visible")).ToHaveCountAsync(0);
                    await Shot(page, $"pages/{role}-{name}-{language}");
                }
            }
        }
    }

    [Fact]
    public async Task TruckAppearsAndMovesOnTheLiveMapAsPositionsArrive()
    {
        await using var cloud = await CountyAsync(realTime: true);
        var page = await browser.SignInAsync(cloud, "green-boss", "contractor-pass-1");
        await Assertions.Expect(page.Locator("[data-testid=live-map]")).ToBeVisibleAsync();
        var secret = cloud.Service<GatewayRegistry>().Provision("gw-truck-07", ["truck-07"]);
        using var gateway = new MqttClientFactory().CreateMqttClient();
        await gateway.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", cloud.MqttPort).WithProtocolVersion(MqttProtocolVersion.V311)
            .WithClientId("gw-truck-07").WithCredentials("gw-truck-07", secret).Build());
        var item = page.Locator($"#trucks li[data-truck='{GreenTruck}']");

        foreach (var (seq, lat) in new[] { (100L, 30.2801), (101L, 30.2809) })
        {
            var ts = DateTimeOffset.UtcNow.AddSeconds(-1);
            var position = string.Create(CultureInfo.InvariantCulture, $$"""{"kind":"pos","schema":1,"device":"truck-07","boot":3,"seq":{{seq}},"ts":"{{ts:yyyy-MM-ddTHH:mm:ss}}Z","lat":{{lat}},"lon":120.1601,"speed":24.5,"fix":1}""");
            var batch = string.Create(CultureInfo.InvariantCulture, $$"""{"kind":"batch","schema":1,"gateway":"gw-truck-07","batch":{{seq}},"sent":"{{ts:yyyy-MM-ddTHH:mm:ss}}Z","records":[{"rx":"{{ts:yyyy-MM-ddTHH:mm:ss}}Z","msg":{{position}}}]}""");
            var published = await gateway.PublishAsync(new MqttApplicationMessageBuilder().WithTopic("wiot/v1/gw/gw-truck-07/up/batch").WithPayload(batch).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
            Assert.True(published.IsSuccess);
            var stored = Stopwatch.StartNew();

            // Pushed to the page within 2 s of arrival (the issue's bound), or the expectation times out.
            await Assertions.Expect(item).ToHaveAttributeAsync("data-lat", lat.ToString(CultureInfo.InvariantCulture), new LocatorAssertionsToHaveAttributeOptions { Timeout = 2000 });
            Assert.True(stored.Elapsed < TimeSpan.FromSeconds(2), $"took {stored.Elapsed}");
        }

        await Assertions.Expect(item).ToContainTextAsync("25 km/h");

        // The map frames the fleet (not the configured centre), with its legend and scale; a click follows a truck.
        var map = page.Locator("[data-testid=live-map]");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-fitted", "true");
        await Assertions.Expect(map.Locator(".legend")).ToContainTextAsync("篷盖打开");
        await Assertions.Expect(map.Locator(".leaflet-control-scale")).ToBeVisibleAsync();
        await item.Locator("b").ClickAsync();
        await Assertions.Expect(map).ToHaveAttributeAsync("data-following", GreenTruck);
        await Assertions.Expect(map).ToHaveAttributeAsync("data-center", new Regex(@"^30\.280[89]\d,120\.160[01]\d$"));

        // The cover was last reported closed (before this page opened); a new position keeps that, not "unknown".
        await Assertions.Expect(item).ToContainTextAsync("篷盖: 关闭");
        await Shot(page, "contractor-live-moving");
    }

    [Fact]
    public async Task ReplayDrawsTheTrackByCoverStateWithTheViolation()
    {
        await using var cloud = await CountyAsync();
        var page = await browser.SignInAsync(cloud, "admin", RunningCloud.AdminPassword);

        await page.GotoAsync($"/#/replay/{Uri.EscapeDataString(GreenTruck)}/2026-11-26");

        var map = page.Locator("[data-testid=replay-map]");
        // 25 fixes at 5 s, replayed at 10-second resolution: 00:00:00, 00:00:10 … 00:02:00.
        await Assertions.Expect(map).ToHaveAttributeAsync("data-points", "13");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-violations", "1");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-open-segments", "1");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-closed-segments", "0");
        await Assertions.Expect(page.Locator("main table")).ToContainTextAsync("00:00:00");

        // The slider puts the marker on a fix and says when it was; playback runs it to the end of the day's track.
        var player = page.Locator("[data-testid=replay-player]");
        await Assertions.Expect(player.Locator("input[type=range]")).ToHaveAttributeAsync("max", "12");
        await player.Locator("input[type=range]").FillAsync("6");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-at", "6");
        await Assertions.Expect(player.Locator("[data-testid=replay-time]")).ToContainTextAsync("00:01:00");
        await Assertions.Expect(player.Locator(".replay-timeline span")).Not.ToHaveCountAsync(0);
        await Shot(page, "replay");
        await player.Locator("select").SelectOptionAsync("600");
        await player.Locator("button[data-act=play]").ClickAsync();
        await Assertions.Expect(map).ToHaveAttributeAsync("data-at", "12");
        await Assertions.Expect(player.Locator("button[data-act=play]")).ToHaveTextAsync("播放");
    }

    [Fact]
    public async Task ToiletAuditExportIsDownloadedAndOpensInExcelFormat()
    {
        await using var cloud = await CountyAsync();
        var page = await browser.SignInAsync(cloud, "admin", RunningCloud.AdminPassword);
        await page.GotoAsync("/#/toilets/2026-11-26");
        await Assertions.Expect(page.Locator("main table").First).ToContainTextAsync("4/6");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("text=导出 Excel"));
        var path = Path.Combine(Path.GetTempPath(), download.SuggestedFilename);
        await download.SaveAsAsync(path);

        using var workbook = new XLWorkbook(path);
        var sheet = workbook.Worksheet(1);
        Assert.Equal("公厕 toilet", sheet.Cell(1, 1).GetString());
        Assert.Equal("t-01", sheet.Cell(2, 1).GetString());
        Assert.Equal(4, sheet.Cell(2, 4).GetValue<int>());
        Assert.Equal(6, sheet.Cell(2, 5).GetValue<int>());

        var csv = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("text=导出 CSV"));
        var text = await File.ReadAllTextAsync(await csv.PathAsync());
        Assert.Contains("t-01,人民公园公厕,c-green,4,6", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ContractorCannotReachAnotherContractorsTruckByUrl()
    {
        await using var cloud = await CountyAsync();
        var page = await browser.SignInAsync(cloud, "blue-boss", "blue-password-1");
        await Assertions.Expect(page.Locator("[data-testid=live-map]")).ToBeVisibleAsync();

        var track = await page.GotoAsync($"/api/trucks/{Uri.EscapeDataString(GreenTruck)}/track/2026-11-26");
        Assert.Equal(404, track!.Status);
        await page.GotoAsync($"/#/replay/{Uri.EscapeDataString(GreenTruck)}/2026-11-26");
        await Assertions.Expect(page.Locator("main .error")).ToBeVisibleAsync();
        await page.GotoAsync("/#/live");
        await Assertions.Expect(page.Locator("#trucks li")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ChineseTilesGetGcj02PositionsAndOtherTilesWgs84()
    {
        await using var cloud = await RunningCloud.StartAsync("--Cloud:Map:TileUrl", "", "--Cloud:Map:Coordinates", "gcj02");
        var page = await browser.SignInAsync(cloud, "admin", RunningCloud.AdminPassword);
        await page.GotoAsync("/#/live");

        // The map's settings arrive before Leaflet takes the element; until then no transform is known.
        await Assertions.Expect(page.Locator("[data-testid=live-map].leaflet-container")).ToBeVisibleAsync();

        // In Shanghai GCJ-02 lies a few hundred metres from WGS-84; outside China the transform is the identity.
        var shifted = await page.EvaluateAsync<double[]>("() => WiotMap.point(31.2304, 121.4737)");
        var metres = Math.Sqrt(Math.Pow((shifted[0] - 31.2304) * 111_320, 2) + Math.Pow((shifted[1] - 121.4737) * 111_320 * Math.Cos(31.23 * Math.PI / 180), 2));
        Assert.InRange(metres, 300, 700);
        Assert.True(shifted[0] < 31.2304 && shifted[1] > 121.4737, $"GCJ-02 moves Shanghai south-east on WGS-84 tiles' terms: {shifted[0]}, {shifted[1]}");
        var paris = await page.EvaluateAsync<double[]>("() => WiotMap.point(48.8566, 2.3522)");
        Assert.Equal(new[] { 48.8566, 2.3522 }, paris);

        await using var plain = await RunningCloud.StartAsync(NoTiles);
        var wgs = await browser.SignInAsync(plain, "admin", RunningCloud.AdminPassword);
        await wgs.GotoAsync("/#/live");
        await Assertions.Expect(wgs.Locator("[data-testid=live-map].leaflet-container")).ToBeVisibleAsync();
        var unshifted = await wgs.EvaluateAsync<double[]>("() => WiotMap.point(31.2304, 121.4737)");
        Assert.Equal(new[] { 31.2304, 121.4737 }, unshifted);
    }

    [Fact]
    public async Task NewCasesReachOpenPagesAsANoticeAndAMenuBadge()
    {
        await using var cloud = await CountyAsync(realTime: true, "--Cloud:Alerts:PollInterval", "00:00:00.2");
        var bureau = await browser.SignInAsync(cloud, "admin", RunningCloud.AdminPassword);
        var blue = await browser.SignInAsync(cloud, "blue-boss", "blue-password-1");
        await bureau.GotoAsync("/#/overview/2026-11-26");
        await Assertions.Expect(bureau.Locator("[data-testid=summary]")).ToBeVisibleAsync();
        await Assertions.Expect(bureau.Locator("[data-testid=case-badge]")).ToHaveCountAsync(0);

        var filed = await cloud.Service<WasteIoT.Cloud.Cases.CaseFiler>().ScanAsync(fresh: true, CancellationToken.None);

        await Assertions.Expect(bureau.Locator("[data-testid=case-badge]")).ToHaveTextAsync(filed.ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(bureau.Locator("[data-testid=alert-toast]").First).ToContainTextAsync("新案件");
        await Shot(bureau, "bureau-alert");

        // The other contractor hears of none of them (all are the green contractor's); the badge clears on the cases page.
        await Assertions.Expect(blue.Locator("[data-testid=case-badge]")).ToHaveCountAsync(0);
        await bureau.ClickAsync("#nav a[data-page=cases]");
        await Assertions.Expect(bureau.Locator("[data-testid=case-badge]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task CasesAreWorkedThroughFormsEachRoleOfferedOnlyItsSteps()
    {
        await using var cloud = await CountyAsync();
        await cloud.Service<WasteIoT.Cloud.Cases.CaseFiler>().ScanAsync(fresh: true, CancellationToken.None);

        // The bureau filters to the missed-households case and dispatches it through the form.
        var bureau = await browser.SignInAsync(cloud, "admin", RunningCloud.AdminPassword);
        await bureau.GotoAsync("/#/cases");
        await bureau.SelectOptionAsync("form.filters select[name=kind]", "coverage");
        var card = bureau.Locator("article.case").First;
        await Assertions.Expect(bureau.Locator("article.case")).ToHaveCountAsync(1);
        await Assertions.Expect(card).ToContainTextAsync("漏收");
        await Assertions.Expect(card.Locator("button[data-act]")).ToHaveTextAsync(["派遣"]);
        await Assertions.Expect(card.Locator("form.step")).ToBeHiddenAsync();
        await Assertions.Expect(card.Locator(".overdue-badge")).ToHaveCountAsync(0);
        await card.Locator("button[data-act=dispatch]").ClickAsync();
        await card.Locator("form.step button[type=submit]").ClickAsync();
        await Assertions.Expect(card.Locator("form.step .error")).ToHaveTextAsync("当前状态不允许此操作（请填写说明或刷新后重试）");
        await card.Locator("form.step input[name=assignee]").FillAsync("赵师傅");
        await card.Locator("form.step textarea").FillAsync("请今日补收");
        await card.Locator("form.step button[type=submit]").ClickAsync();
        await Assertions.Expect(bureau.Locator("article.case").First).ToHaveAttributeAsync("data-status", "Dispatched");
        await Assertions.Expect(bureau.Locator("article.case").First.Locator("button[data-act]")).ToHaveCountAsync(0);
        await Shot(bureau, "bureau-cases");

        // The contractor resolves it; the note is required.
        var contractor = await browser.SignInAsync(cloud, "green-boss", "contractor-pass-1");
        await contractor.GotoAsync("/#/cases");
        await contractor.SelectOptionAsync("form.filters select[name=status]", "Dispatched");
        var own = contractor.Locator("article.case").First;
        await Assertions.Expect(own.Locator("button[data-act]")).ToHaveTextAsync(["处置完成"]);
        await own.Locator("button[data-act=resolve]").ClickAsync();
        await Assertions.Expect(own.Locator("form.step textarea")).ToHaveAttributeAsync("required", "");
        await own.Locator("form.step textarea").FillAsync("已补收并拍照");
        await own.Locator("form.step button[type=submit]").ClickAsync();
        await Assertions.Expect(contractor.Locator("article.case")).ToHaveCountAsync(0);
        await Shot(contractor, "contractor-cases");

        // The bureau sends it back with the reason; its history shows each step.
        await bureau.ReloadAsync();
        await Assertions.Expect(bureau.Locator("form.filters select[name=kind]")).ToHaveValueAsync(string.Empty);
        await bureau.SelectOptionAsync("form.filters select[name=status]", "Resolved");
        await Assertions.Expect(bureau.Locator("article.case[data-status=Resolved]")).ToHaveCountAsync(1);
        var resolved = bureau.Locator("article.case").First;
        await Assertions.Expect(resolved.Locator("button[data-act]")).ToHaveTextAsync(["结案", "退回"]);
        await resolved.Locator("button[data-act=return]").ClickAsync();
        await resolved.Locator("form.step textarea").FillAsync("照片不清，请补拍");
        await resolved.Locator("form.step button[type=submit]").ClickAsync();
        await Assertions.Expect(bureau.Locator("article.case")).ToHaveCountAsync(0);
        await bureau.SelectOptionAsync("form.filters select[name=status]", "Dispatched");
        await Assertions.Expect(bureau.Locator("article.case[data-status=Dispatched]")).ToHaveCountAsync(1);
        var back = bureau.Locator("article.case").First;
        await back.Locator("details.history summary").ClickAsync();
        await Assertions.Expect(back.Locator("details.history li")).ToHaveCountAsync(3);
        await Assertions.Expect(back.Locator("details.history")).ToContainTextAsync("照片不清，请补拍");
    }

    private static async Task<RunningCloud> CountyAsync(bool realTime = false, params string[] extraArgs)
    {
        var cloud = realTime ? await RunningCloud.StartAsync([.. NoTiles, .. extraArgs]) : await RunningCloud.StartAsync(new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero)), [.. NoTiles, .. extraArgs]);
        await CountyAuditTests.SeedRegistryAsync(cloud.Client);
        await SmallCountyDay.StoreAsync(cloud.Service<IReadingStore>());
        foreach (var (name, role, contractor, truck, password) in new[]
        {
            ("green-boss", "Contractor", "c-green", "", "contractor-pass-1"),
            ("blue-boss", "Contractor", "c-blue", "", "blue-password-1"),
            ("green-crew", "Crew", "c-green", GreenTruck, "crew-password-1"),
        })
        {
            (await cloud.Client.PutAsJsonAsync($"/api/users/{name}", new { name, display = name, role, contractor, truck })).EnsureSuccessStatusCode();
            (await cloud.Client.PostAsJsonAsync($"/api/users/{name}/password", new { password })).EnsureSuccessStatusCode();
        }

        // The truck's gateway last reported 40 minutes of backlog; the site's gateway never reported.
        var gateways = cloud.Service<GatewayRegistry>();
        gateways.Provision("gw-truck-07", ["truck-07"]);
        gateways.Provision("gw-site-t01", ["site-t01"]);
        await cloud.Service<GatewayPresenceBook>().RecordAsync("gw-truck-07", new WasteIoT.Contracts.Downlink.StatusMessage
        {
            Client = "gw-truck-07",
            Online = true,
            Backlog = new WasteIoT.Contracts.Downlink.GatewayBacklog { Rows = 1200, OldestAgeS = 2400, StoreBytes = 5_242_880 },
        }, CancellationToken.None);
        return cloud;
    }

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.Screenshots, name + ".png"), FullPage = true });
}
