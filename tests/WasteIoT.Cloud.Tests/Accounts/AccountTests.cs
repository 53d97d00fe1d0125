using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using WasteIoT.Cloud.Accounts;
using WasteIoT.Cloud.Store;
using WasteIoT.Cloud.Tests.Audit;
using WasteIoT.Cloud.Users;

namespace WasteIoT.Cloud.Tests.Accounts;

/// <summary>Sign-in, lockout, sessions, anti-forgery and what each role may see, over HTTP on the real host.</summary>
public sealed class AccountTests
{
    [Fact]
    public async Task FifthWrongPasswordLocksTheAccountForFifteenMinutes()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var cloud = await RunningCloud.StartAsync(time);
        using var client = cloud.Anonymous();

        for (var i = 1; i <= 4; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/account/login", new { name = "admin", password = "wrong-" + i })).StatusCode);
        }

        var fifth = await client.PostAsJsonAsync("/api/account/login", new { name = "admin", password = "wrong-5" });
        Assert.Equal(HttpStatusCode.Locked, fifth.StatusCode);
        Assert.Equal(HttpStatusCode.Locked, (await client.PostAsJsonAsync("/api/account/login", new { name = "admin", password = RunningCloud.AdminPassword })).StatusCode);

        // An unknown name is refused exactly like a wrong password.
        var unknown = await client.PostAsJsonAsync("/api/account/login", new { name = "nobody", password = "whatever-123" });
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Contains("the name or the password is wrong", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        time.Advance(AccountService.LockFor + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/account/login", new { name = "admin", password = RunningCloud.AdminPassword })).StatusCode);
    }

    [Fact]
    public async Task AnUnknownNameLocksLikeARealOneSoNoAnswerTellsNamesApart()
    {
        await using var cloud = await RunningCloud.StartAsync();
        using var client = cloud.Anonymous();
        var answers = new List<(HttpStatusCode Known, HttpStatusCode Unknown)>();
        for (var i = 1; i <= 6; i++)
        {
            var known = await client.PostAsJsonAsync("/api/account/login", new { name = "admin", password = "wrong-" + i });
            var unknown = await client.PostAsJsonAsync("/api/account/login", new { name = "nobody", password = "wrong-" + i });
            answers.Add((known.StatusCode, unknown.StatusCode));
        }

        Assert.All(answers, a => Assert.Equal(a.Known, a.Unknown));
        Assert.Equal(HttpStatusCode.Locked, answers[^1].Unknown);
    }

    [Fact]
    public async Task ALockedNameCostsTheSameHashCheckAsAnUnknownOne()
    {
        await using var cloud = await RunningCloud.StartAsync();
        using var client = cloud.Anonymous();
        for (var i = 0; i < AccountService.LockAfter; i++)
        {
            await client.PostAsJsonAsync("/api/account/login", new { name = "admin", password = "wrong-" + i });
        }

        // The lock once answered at once (2 ms) where an unknown name cost a PBKDF2 check (55 ms): the time told names
        // apart. Both now do the check. Measured in turns, so a machine busy with other tests slows both alike; medians of nine.
        async Task<double> TimeAsync(string name, int i)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await client.PostAsJsonAsync("/api/account/login", new { name, password = "guess-" + i });
            return clock.Elapsed.TotalMilliseconds;
        }

        var unknownTimes = new List<double>();
        var lockedTimes = new List<double>();
        for (var i = 0; i < 9; i++)
        {
            unknownTimes.Add(await TimeAsync("nobody-at-all", i));
            lockedTimes.Add(await TimeAsync("admin", i));
        }

        var unknown = unknownTimes.Order().ElementAt(4);
        var locked = lockedTimes.Order().ElementAt(4);
        Assert.True(locked > unknown * 0.4, $"locked {locked:0.0} ms, unknown {unknown:0.0} ms");
    }

    [Fact]
    public async Task ParallelGuessesGetNoMoreThanTheLimitOfChecks()
    {
        await using var cloud = await RunningCloud.StartAsync();
        using var client = cloud.Anonymous();

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => client.PostAsJsonAsync("/api/account/login", new { name = "admin", password = "guess-" + i })));

        // Four refusals, then the fifth attempt locks: every other guess is answered "locked", whatever it was.
        Assert.Equal(AccountService.LockAfter - 1, answers.Count(a => a.StatusCode == HttpStatusCode.Unauthorized));
        Assert.Equal(20 - AccountService.LockAfter + 1, answers.Count(a => a.StatusCode == HttpStatusCode.Locked));
    }

    [Fact]
    public async Task DeletingAUserOrChangingItsPasswordEndsItsSessionsWithinSeconds()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var cloud = await RunningCloud.StartAsync(time);
        await CountyAuditTests.SeedRegistryAsync(cloud.Client);
        foreach (var name in new[] { "green-a", "green-b" })
        {
            (await cloud.Client.PutAsJsonAsync($"/api/users/{name}", new { name, display = name, role = "Contractor", contractor = "c-green", truck = "" })).EnsureSuccessStatusCode();
            (await cloud.Client.PostAsJsonAsync($"/api/users/{name}/password", new { password = "contractor-pass-1" })).EnsureSuccessStatusCode();
        }

        using var a = await cloud.SignInAsync("green-a", "contractor-pass-1");
        using var b = await cloud.SignInAsync("green-b", "contractor-pass-1");
        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync(new Uri("/api/account/me", UriKind.Relative))).StatusCode);

        (await cloud.Client.DeleteAsync(new Uri("/api/users/green-a", UriKind.Relative))).EnsureSuccessStatusCode();
        (await cloud.Client.PostAsJsonAsync("/api/users/green-b/password", new { password = "another-pass-22" })).EnsureSuccessStatusCode();
        time.Advance(SessionValidator.Recheck + TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.Unauthorized, (await a.GetAsync(new Uri("/api/account/me", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await b.GetAsync(new Uri("/api/account/me", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cloud.Client.GetAsync(new Uri("/api/account/me", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task SignInRefusesLargeBodiesAndTooManyAttemptsFromOneAddress()
    {
        await using var cloud = await RunningCloud.StartAsync();
        using var client = cloud.Anonymous();

        using var huge = new StringContent("{\"name\":\"admin\",\"password\":\"" + new string('x', 1024 * 1024) + "\"}", Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await client.PostAsync(new Uri("/api/account/login", UriKind.Relative), huge)).StatusCode);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < SignInLimitsPerMinute + 1; i++)
        {
            statuses.Add((await client.PostAsJsonAsync("/api/account/login", new { name = "user-" + i, password = "wrong-password" })).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    // WasteIoT.Cloud.Accounts.SignInLimits is internal: its figure, restated.
    private const int SignInLimitsPerMinute = 30;

    [Fact]
    public async Task AnonymousIsRefusedAndChangesNeedTheAntiforgeryToken()
    {
        await using var cloud = await RunningCloud.StartAsync();
        using var anonymous = cloud.Anonymous();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/api/audit/2026-11-26", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/api/registry/trucks", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);

        // Signed in, but a change without the token (as a forged cross-site request would be) is refused.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync("/api/account/login", new { name = "admin", password = RunningCloud.AdminPassword })).StatusCode);
        var forged = await anonymous.PutAsJsonAsync("/api/registry/contractors/c-x", new { id = "c-x", name = "x", phone = "" });
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("Anti-forgery", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await cloud.Client.PutAsJsonAsync("/api/registry/contractors/c-x", new { id = "c-x", name = "x", phone = "" })).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await cloud.Client.PostAsync(new Uri("/api/account/logout", UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await cloud.Client.GetAsync(new Uri("/api/registry/trucks", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task ContractorSeesOnlyItsOwnAndCrewOnlyItsTruck()
    {
        await using var cloud = await RunningCloud.StartAsync(new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero)));
        await CountyAuditTests.SeedRegistryAsync(cloud.Client);
        await SmallCountyDay.StoreAsync(cloud.Service<IReadingStore>());
        var users = await ImportUsersAsync(cloud.Client, "name,display,role,contractor,truck\nblue-boss,蓝天 王经理,contractor,c-blue,\ngreen-crew,赵师傅,crew,c-green,浙A·D1234\nbad-crew,某人,crew,c-blue,浙A·D1234\n");
        Assert.Equal(2, users.GetProperty("imported").GetInt32());
        Assert.Contains("not a registered truck of 'c-blue'", users.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        await SetPasswordAsync(cloud.Client, "blue-boss", "blue-password-1");
        await SetPasswordAsync(cloud.Client, "green-crew", "crew-password-1");
        using var blue = await cloud.SignInAsync("blue-boss", "blue-password-1");
        using var crew = await cloud.SignInAsync("green-crew", "crew-password-1");
        var greenTruck = Uri.EscapeDataString("浙A·D1234");

        // Another contractor's truck is not there, by URL or by API listing.
        Assert.Equal(HttpStatusCode.NotFound, (await blue.GetAsync(new Uri($"/api/audit/2026-11-26/trucks/{greenTruck}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await blue.GetAsync(new Uri($"/api/registry/trucks/{greenTruck}", UriKind.Relative))).StatusCode);
        var blueTrucks = await blue.GetFromJsonAsync<JsonElement>("/api/registry/trucks");
        Assert.Equal(["浙A·D5678"], blueTrucks.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetString()));
        var blueDay = await blue.GetFromJsonAsync<JsonElement>("/api/audit/2026-11-26");
        Assert.Equal(0, blueDay.GetProperty("routes").GetArrayLength());
        Assert.Equal(0, blueDay.GetProperty("summary").GetProperty("openCoverViolations").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await blue.GetAsync(new Uri("/api/users", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await blue.GetAsync(new Uri("/ngsi-ld/v1/entities?type=Vehicle", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await blue.PutAsJsonAsync("/api/registry/contractors/c-blue", new { id = "c-blue", name = "改名", phone = "" })).StatusCode);

        await cloud.Service<WasteIoT.Cloud.Cases.CaseFiler>().ScanAsync(fresh: true, CancellationToken.None);
        Assert.Equal(0, (await blue.GetFromJsonAsync<JsonElement>("/api/cases")).GetProperty("total").GetInt32());
        var anyCase = (await cloud.Client.GetFromJsonAsync<JsonElement>("/api/cases?limit=1")).GetProperty("items")[0].GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.NotFound, (await blue.GetAsync(new Uri($"/api/cases/{anyCase}", UriKind.Relative))).StatusCode);

        // The crew member sees their truck and its route, and nothing of the sites.
        var crewDay = await crew.GetFromJsonAsync<JsonElement>("/api/audit/2026-11-26");
        Assert.Equal(["浙A·D1234"], crewDay.GetProperty("trucks").EnumerateArray().Select(t => t.GetProperty("truck").GetString()));
        Assert.Equal(["r-east"], crewDay.GetProperty("routes").EnumerateArray().Select(r => r.GetProperty("route").GetString()));
        Assert.Equal(0, crewDay.GetProperty("toilets").GetArrayLength());
        Assert.Equal(1, crewDay.GetProperty("summary").GetProperty("openCoverViolations").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await crew.GetAsync(new Uri("/api/cases", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task FirstAdministratorComesFromTheCommandLineWithAPasswordShownOnce()
    {
        var data = Directory.CreateTempSubdirectory("wiot-admin-").FullName;
        var output = new StringWriter();

        Assert.Equal(0, await CreateAdminCommand.RunAsync("chief", ["--Cloud:DataDirectory", data], output));

        var password = output.ToString().Split('\n')[0].Split('\t')[1].Trim();
        Assert.Equal(20, password.Length);
        await using var cloud = await RunningCloud.StartAsync("--Cloud:DataDirectory", data);
        using var chief = await cloud.SignInAsync("chief", password);
        var me = await chief.GetFromJsonAsync<JsonElement>("/api/account/me");
        Assert.Equal("Bureau", me.GetProperty("account").GetProperty("role").GetString());
        var exported = await chief.GetStringAsync(new Uri("/api/users.csv", UriKind.Relative));
        Assert.Equal(["name,display,role,contractor,truck", "admin,管理员,bureau,,", "chief,chief,bureau,,"], exported.Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("AQAAAA", exported, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> ImportUsersAsync(HttpClient client, string csv)
    {
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        var response = await client.PostAsync(new Uri("/api/users.csv", UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task SetPasswordAsync(HttpClient client, string name, string password) =>
        (await client.PostAsJsonAsync($"/api/users/{name}/password", new { password })).EnsureSuccessStatusCode();
}
