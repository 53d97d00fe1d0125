using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using WasteIoT.Cloud.Cases;
using WasteIoT.Cloud.Store;
using WasteIoT.Cloud.Tests.Audit;
using WasteIoT.Contracts.Messages;

namespace WasteIoT.Cloud.Tests.Cases;

/// <summary>Violations become cases once; cases move through the workflow; the month is counted.</summary>
public sealed class CaseWorkflowTests
{
    private static readonly DateTimeOffset Morning = SmallCountyDay.MorningAfter;

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task ClosedDayViolationsAreFiledOnceEach(string database)
    {
        var time = new FakeTimeProvider(Morning);
        await using var cloud = await RunningCloud.StartOnAsync(database, time);
        await CountyAuditTests.SeedRegistryAsync(cloud.Client);
        await SmallCountyDay.StoreAsync(cloud.Service<IReadingStore>());

        await cloud.Service<CaseFiler>().ScanAsync(fresh: true, CancellationToken.None);
        Assert.Equal(0, await cloud.Service<CaseFiler>().ScanAsync(fresh: true, CancellationToken.None));

        var page = await cloud.Client.GetFromJsonAsync<JsonElement>("/api/cases?limit=100");
        var cases = OfDay(page, "2026-11-26").Select(c => (c.GetProperty("kind").GetString(), c.GetProperty("subject").GetString())).Order().ToList();
        Assert.Equal(
            [
                ("coverage", "r-east"),
                ("pondAlarm", "p-01"),
                ("sealedTransport", "浙A·D1234"),
                ("stationDisinfection", "ts-01"),
                ("stationOdour", "ts-01"),
                ("toiletCleaning", "t-01"),
                ("toiletOdour", "t-01"),
            ],
            cases);

        // The truck's node was first switched on late on the 25th (23:58) and the other nodes at 23:00: the 25th's
        // service hours were over before they existed, so nothing is filed for that day.
        Assert.Empty(OfDay(page, "2026-11-25"));
        var coverage = OfDay(page, "2026-11-26").Single(c => c.GetProperty("kind").GetString() == "coverage");
        Assert.Equal("漏收：城东线 漏 2 户", coverage.GetProperty("title").GetString());
        Assert.Contains("漏收：h-002, h-003", coverage.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("c-green", coverage.GetProperty("contractor").GetString());

        // Texts read in the county's local time: the cover opened at 23:58 the evening before, so the violation starts at 00:00 local.
        var sealedTransport = OfDay(page, "2026-11-26").Single(c => c.GetProperty("kind").GetString() == "sealedTransport");
        Assert.Contains("行驶中篷盖打开 00:00:00–00:01:55", sealedTransport.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("+00:00", string.Concat(OfDay(page, "2026-11-26").Select(c => c.GetProperty("title").GetString() + c.GetProperty("detail").GetString())), StringComparison.Ordinal);
        Assert.Equal("Filed", coverage.GetProperty("status").GetString());
    }

    [Fact]
    public async Task OpenDayFilesWhatHappenedButNotWhatTheDayMayStillDo()
    {
        // 10:00 local on the 26th itself: the day is not over.
        var time = new FakeTimeProvider(SmallCountyDay.Midnight.AddHours(10));
        await using var cloud = await RunningCloud.StartAsync(time);
        await CountyAuditTests.SeedRegistryAsync(cloud.Client);
        await SmallCountyDay.StoreAsync(cloud.Service<IReadingStore>());

        await cloud.Service<CaseFiler>().ScanAsync(fresh: true, CancellationToken.None);

        var kinds = OfDay(await cloud.Client.GetFromJsonAsync<JsonElement>("/api/cases"), "2026-11-26").Select(c => c.GetProperty("kind").GetString()).Order().ToList();
        Assert.Equal(["pondAlarm", "sealedTransport", "stationOdour", "toiletOdour"], kinds);
    }

    [Fact]
    public async Task PastDayStillDrainingIsFiledOnlyOnceItsDataSettles()
    {
        var time = new FakeTimeProvider(Morning);
        await using var cloud = await RunningCloud.StartAsync(time);
        await CountyAuditTests.SeedRegistryAsync(cloud.Client);
        var filer = cloud.Service<CaseFiler>();
        var feed = cloud.Service<WasteIoT.Cloud.Ingest.IngestFeed>();
        var store = cloud.Service<IReadingStore>();

        // The 26th arrives a day late, in two parts, as a truck's backlog drains: the first part alone would show
        // households as missed that the second part shows served.
        var readings = SmallCountyDay.Readings().OrderBy(r => r.Ts).ToList();
        var firstPart = readings[..(readings.Count / 2)];
        await store.IngestAsync(firstPart, [], CancellationToken.None);
        feed.Publish(firstPart);
        await filer.ScanAsync(fresh: false, CancellationToken.None);
        Assert.Empty(OfDay(await cloud.Client.GetFromJsonAsync<JsonElement>("/api/cases"), "2026-11-26"));
        time.Advance(TimeSpan.FromMinutes(3));
        var secondPart = readings[(readings.Count / 2)..];
        await store.IngestAsync(secondPart, [], CancellationToken.None);
        feed.Publish(secondPart);
        time.Advance(TimeSpan.FromMinutes(4));
        await filer.ScanAsync(fresh: false, CancellationToken.None);
        Assert.Empty(OfDay(await cloud.Client.GetFromJsonAsync<JsonElement>("/api/cases"), "2026-11-26"));

        // Five minutes after the last of it: the day is scanned at once, with what the whole day shows.
        time.Advance(TimeSpan.FromMinutes(1.5));
        await filer.ScanAsync(fresh: false, CancellationToken.None);
        var filed = OfDay(await cloud.Client.GetFromJsonAsync<JsonElement>("/api/cases?limit=100"), "2026-11-26").ToList();
        Assert.Equal(7, filed.Count);
        var coverage = filed.Single(c => c.GetProperty("kind").GetString() == "coverage");
        Assert.Contains("漏收：h-002, h-003", coverage.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeviceThatLostDataThatDayGetsNoMissedServiceCase()
    {
        var time = new FakeTimeProvider(Morning);
        await using var cloud = await RunningCloud.StartAsync(time);
        await CountyAuditTests.SeedRegistryAsync(cloud.Client);

        // Three of the toilet node's messages in the afternoon (perhaps cleanings) never arrived: its numbering jumps.
        var readings = SmallCountyDay.Readings();
        var lost = readings.Where(r => r.Device == "site-t01" && r.Ts >= SmallCountyDay.Midnight.AddHours(15)).OrderBy(r => r.Seq).Take(3).ToList();
        readings.RemoveAll(lost.Contains);
        await cloud.Service<IReadingStore>().IngestAsync(readings, [], CancellationToken.None);

        await cloud.Service<CaseFiler>().ScanAsync(fresh: true, CancellationToken.None);

        var cases = OfDay(await cloud.Client.GetFromJsonAsync<JsonElement>("/api/cases"), "2026-11-26").ToList();
        var kinds = cases.Select(c => c.GetProperty("kind").GetString()).ToList();
        Assert.DoesNotContain("toiletCleaning", kinds);
        Assert.Contains("toiletOdour", kinds);

        // The loss is not hidden either: it is a finding of its own, against the contractor whose node it is, in local time.
        var silent = Assert.Single(cases, c => c.GetProperty("kind").GetString() == "nodeSilent");
        Assert.Equal(("t-01", "c-green"), (silent.GetProperty("subject").GetString(), silent.GetProperty("contractor").GetString()));
        Assert.Contains("site-t01 14:55–15:15 消息丢失", silent.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CaseMovesThroughTheWorkflowAndTheMonthIsCounted()
    {
        var time = new FakeTimeProvider(Morning);
        await using var cloud = await RunningCloud.StartAsync(time);
        await CountyAuditTests.SeedRegistryAsync(cloud.Client);
        await SmallCountyDay.StoreAsync(cloud.Service<IReadingStore>());
        await cloud.Service<CaseFiler>().ScanAsync(fresh: true, CancellationToken.None);
        var id = (await cloud.Client.GetFromJsonAsync<JsonElement>("/api/cases?limit=1")).GetProperty("items")[0].GetProperty("id").GetInt64();

        await Refused(cloud.Client, id, "dispatch", new { note = "go" }, "needs an assignee");
        await Refused(cloud.Client, id, "close", new { note = "done" }, "a filed case cannot be closed");
        await Step(cloud.Client, id, "dispatch", new { assignee = "赵师傅", note = "请今日处理" }, "Dispatched");
        (await cloud.Client.PutAsJsonAsync("/api/users/green-boss", new { name = "green-boss", display = "绿洁 张经理", role = "Contractor", contractor = "c-green", truck = "" })).EnsureSuccessStatusCode();
        (await cloud.Client.PostAsJsonAsync("/api/users/green-boss/password", new { password = "contractor-pass-1" })).EnsureSuccessStatusCode();
        using var contractor = await cloud.SignInAsync("green-boss", "contractor-pass-1");
        await Refused(contractor, id, "resolve", new { note = " " }, "needs a note");

        // The contractor resolves its own cases, not the bureau; each is offered only its own steps.
        Assert.Equal(HttpStatusCode.Forbidden, (await cloud.Client.PostAsJsonAsync($"/api/cases/{id}/resolve", new { note = "局里代办" })).StatusCode);
        Assert.Equal(["resolve"], await ActionsAsync(contractor, id));
        Assert.Empty(await ActionsAsync(cloud.Client, id));
        time.Advance(TimeSpan.FromHours(3));
        await Step(contractor, id, "resolve", new { note = "已补收并拍照" }, "Resolved");
        Assert.Equal(HttpStatusCode.Forbidden, (await contractor.PostAsJsonAsync($"/api/cases/{id}/close", new { note = "自己结案" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await contractor.PostAsJsonAsync($"/api/cases/{id}/return", new { note = "退回" })).StatusCode);
        Assert.Equal(["close", "return"], await ActionsAsync(cloud.Client, id));

        // Sent back with the reason, resolved again, closed.
        await Refused(cloud.Client, id, "return", new { note = "" }, "needs a note saying why");
        await Refused(cloud.Client, id, "dispatch", new { assignee = "钱师傅" }, "a resolved case cannot be dispatched");
        await Step(cloud.Client, id, "return", new { note = "照片不清，请补拍" }, "Dispatched");
        await Step(contractor, id, "resolve", new { note = "已补拍" }, "Resolved");
        await Step(cloud.Client, id, "close", new { note = "核查通过" }, "Closed");
        Assert.Equal(HttpStatusCode.Conflict, (await cloud.Client.PostAsJsonAsync($"/api/cases/{id}/reopen", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cloud.Client.PostAsJsonAsync("/api/cases/999999/dispatch", new { assignee = "x" })).StatusCode);

        var closed = await cloud.Client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");
        Assert.Equal("赵师傅", closed.GetProperty("assignee").GetString());
        Assert.Equal(["Dispatched", "Resolved", "Dispatched", "Resolved", "Closed"], closed.GetProperty("notes").EnumerateArray().Select(n => n.GetProperty("status").GetString()));
        Assert.Equal(["admin", "green-boss", "admin", "green-boss", "admin"], closed.GetProperty("notes").EnumerateArray().Select(n => n.GetProperty("author").GetString()));

        // Now: seven cases of the 26th; one completed on time, six not yet due.
        var month = await cloud.Client.GetFromJsonAsync<MonthlyReport>("/api/cases/monthly/2026-11");
        Assert.Equal((7, 1, 1, 1, 1), (month!.All.Filed, month.All.Completed, month.All.Closed, month.All.Due, month.All.OnTime));
        Assert.Equal(1.0, month.All.OnTimeRate);
        Assert.Equal(1.0 / 7, month.All.CompletionRate, 6);
        Assert.Equal(1, month.FiledByKind["coverage"]);
        Assert.Equal("c-green", Assert.Single(month.ByContractor).Contractor);

        // Two days on, the other six are overdue (and the 12-hour session has expired: sign in again).
        time.Advance(TimeSpan.FromDays(2));
        Assert.Equal(HttpStatusCode.Unauthorized, (await cloud.Client.GetAsync(new Uri("/api/cases/monthly/2026-11", UriKind.Relative))).StatusCode);
        using var later = await cloud.SignInAsync("admin", RunningCloud.AdminPassword);
        month = await later.GetFromJsonAsync<MonthlyReport>("/api/cases/monthly/2026-11");
        Assert.Equal((7, 1), (month!.All.Due, month.All.OnTime));
        Assert.Equal(1.0 / 7, month.All.OnTimeRate, 6);
        Assert.Equal(0, (await later.GetFromJsonAsync<MonthlyReport>("/api/cases/monthly/2026-10"))!.All.Filed);
        Assert.Equal(HttpStatusCode.BadRequest, (await later.GetAsync(new Uri("/api/cases/monthly/2026-13", UriKind.Relative))).StatusCode);
    }

    private static IEnumerable<JsonElement> OfDay(JsonElement page, string day) =>
        page.GetProperty("items").EnumerateArray().Where(c => c.GetProperty("day").GetString() == day);

    private static async Task<List<string?>> ActionsAsync(HttpClient client, long id) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}")).GetProperty("actions").EnumerateArray().Select(a => a.GetString())];

    private static async Task Step(HttpClient client, long id, string action, object body, string status)
    {
        var response = await client.PostAsJsonAsync($"/api/cases/{id}/{action}", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(status, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    private static async Task Refused(HttpClient client, long id, string action, object body, string reason)
    {
        var response = await client.PostAsJsonAsync($"/api/cases/{id}/{action}", body);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
