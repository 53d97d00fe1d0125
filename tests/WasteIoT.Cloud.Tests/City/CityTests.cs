using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WasteIoT.Cloud.Audit;
using WasteIoT.Cloud.Cases;
using WasteIoT.Cloud.Gateways;
using WasteIoT.Cloud.Hosting.City;
using WasteIoT.Cloud.Live;
using WasteIoT.Cloud.Store;
using WasteIoT.Cloud.Tests.Audit;
using WasteIoT.Cloud.Tests.ScaleOut;

namespace WasteIoT.Cloud.Tests.City;

/// <summary>
/// A city: three counties, each on its own PostgreSQL database, served by two instances that split the counties'
/// gateways between them; either instance answers for any county, with the county's own data and sessions.
/// </summary>
public sealed class CityTests : IDisposable
{
    private static readonly string[] Keys = ["anxi", "beiling", "cangxi"];
    private readonly string _folder = Directory.CreateTempSubdirectory("wiot-city-").FullName;
    private readonly Dictionary<HttpClient, CookieContainer> _cookies = [];

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task AnyInstanceAnswersForAnyCountyWithItsOwnDataAndSessions()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero));
        var mqtt = Keys.ToDictionary(k => k, _ => WasteIoT.Testing.MosquittoBroker.FreePort());
        var file = WriteCity(Keys.ToDictionary(k => k, _ => WasteIoT.Testing.PostgresCluster.Shared.CreateDatabase()), mqtt);

        // Instance one takes the gateways of anxi and beiling, instance two those of cangxi.
        await using var one = await StartAsync(file, time, "anxi", "beiling");
        await using var two = await StartAsync(file, time, "cangxi");
        Assert.Contains(one.Counties["anxi"].Services.GetServices<IHostedService>(), s => s is CaseFiler);
        Assert.DoesNotContain(two.Counties["anxi"].Services.GetServices<IHostedService>(), s => s is CaseFiler);

        foreach (var key in Keys)
        {
            // Each county's users are its own: the same name, a password of each county's.
            var app = one.Counties[key];
            await app.Services.GetRequiredService<WasteIoT.Cloud.Accounts.UserStore>()
                .UpsertAsync([new WasteIoT.Cloud.Accounts.UserAccount("admin", "管理员", WasteIoT.Cloud.Accounts.UserRole.Bureau, "", "")], CancellationToken.None);
            await app.Services.GetRequiredService<WasteIoT.Cloud.Accounts.AccountService>().SetPasswordAsync("admin", Password(key), CancellationToken.None);
            var admin = await SignInAsync(one, key);
            await CountyAuditTests.SeedRegistryAsync(admin);
        }

        // Instance two re-reads the registries instance one wrote (within seconds), before the day's readings come.
        time.Advance(TimeSpan.FromSeconds(4));
        foreach (var key in Keys)
        {
            await two.Counties[key].Services.GetRequiredService<WasteIoT.Cloud.Registry.CountyRegistry>().CurrentAsync(CancellationToken.None);
        }

        // anxi's and cangxi's day arrive over MQTT at the instance that takes each; beiling hears nothing.
        var readings = SmallCountyDay.Readings();
        var devices = readings.Select(r => r.Device).Distinct().ToArray();
        await TwoCloudsTests.SendAsync(mqtt["anxi"], "gw-anxi", one.Counties["anxi"].Services.GetRequiredService<GatewayRegistry>().Provision("gw-anxi", devices), readings);
        await TwoCloudsTests.SendAsync(mqtt["cangxi"], "gw-cangxi", two.Counties["cangxi"].Services.GetRequiredService<GatewayRegistry>().Provision("gw-cangxi", devices),
            readings.Where(r => r.Device != "truck-07"));

        // The live map at an instance that does not take anxi's gateways shows its trucks too, told through the database.
        var seen = one.Counties["anxi"].Services.GetRequiredService<LiveFeed>().Latest;
        Assert.NotEmpty(seen);
        var elsewhere = two.Counties["anxi"].Services.GetRequiredService<LiveFeed>();
        for (var wait = 0; wait < 100 && !elsewhere.Latest.SequenceEqual(seen); wait++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(seen, elsewhere.Latest);
        Assert.Empty(one.Counties["cangxi"].Services.GetRequiredService<LiveFeed>().Latest);
        var health = await (await SignInAsync(two, "anxi")).GetFromJsonAsync<JsonElement>("/health");
        Assert.Equal(("anxi县", false), (health.GetProperty("county").GetString(), health.GetProperty("takesGateways").GetBoolean()));
        Assert.True(health.GetProperty("peers").GetProperty("received").GetInt64() >= 1);

        time.Advance(TimeSpan.FromSeconds(4));
        var summaries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in Keys)
        {
            var viaOne = await (await SignInAsync(one, key)).GetStringAsync(new Uri("/api/audit/2026-11-26/summary", UriKind.Relative));
            var viaTwo = await (await SignInAsync(two, key)).GetStringAsync(new Uri("/api/audit/2026-11-26/summary", UriKind.Relative));
            Assert.Equal(viaOne, viaTwo);
            summaries[key] = viaOne;
        }

        var anxi = JsonSerializer.Deserialize<DaySummary>(summaries["anxi"], JsonSerializerOptions.Web)!;
        var cangxi = JsonSerializer.Deserialize<DaySummary>(summaries["cangxi"], JsonSerializerOptions.Web)!;
        var beiling = JsonSerializer.Deserialize<DaySummary>(summaries["beiling"], JsonSerializerOptions.Web)!;
        Assert.Equal(1, anxi.OpenCoverViolations);
        Assert.Equal(0, cangxi.OpenCoverViolations);
        Assert.Equal(0, beiling.OpenCoverViolations);
        Assert.NotEqual(summaries["anxi"], summaries["cangxi"]);
        Assert.NotEqual(summaries["beiling"], summaries["cangxi"]);

        // A session begun at one instance holds at the other (the key ring is in the county's database), and only for its county.
        var signedIn = await SignInAsync(one, "anxi");
        Assert.Equal(HttpStatusCode.OK, (await Carrying(signedIn, one, two, "anxi").GetAsync(new Uri("/api/account/me", UriKind.Relative))).StatusCode);
        using (var connection = one.Counties["anxi"].Services.GetRequiredService<WasteIoT.Cloud.Store.CloudDatabase>().Open())
        {
            Assert.True(Convert.ToInt64(connection.Scalar("SELECT COUNT(*) FROM protection_keys"), CultureInfo.InvariantCulture) >= 1);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await Carrying(signedIn, one, two, "cangxi").GetAsync(new Uri("/api/account/me", UriKind.Relative))).StatusCode);

        using var stranger = new HttpClient { BaseAddress = new Uri(one.Front.Urls.First()) };
        stranger.DefaultRequestHeaders.Host = "nowhere.city.test";
        var unknown = await stranger.GetAsync(new Uri("/api/account/me", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public void TwoCountiesOnOneDatabaseAreRefusedAtStart()
    {
        var database = WasteIoT.Testing.PostgresCluster.Shared.CreateDatabase();
        var file = WriteCity(new Dictionary<string, string> { ["anxi"] = database, ["beiling"] = database }, new Dictionary<string, int> { ["anxi"] = 1, ["beiling"] = 2 });
        var error = Assert.Throws<InvalidOperationException>(() => CityApplication.Build(file, []));
        Assert.Contains("same database", error.Message, StringComparison.Ordinal);
    }

    private static async Task<CityApplication> StartAsync(string file, TimeProvider time, params string[] takes)
    {
        var city = CityApplication.Build(file, [.. takes.SelectMany((k, i) => new[] { $"--City:TakesGatewaysOf:{i}", k }), "--Logging:LogLevel:Default", "Warning"], time);
        await city.StartAsync();
        return city;
    }

    private async Task<HttpClient> SignInAsync(CityApplication city, string county)
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new HttpClientHandler { UseCookies = true, CookieContainer = cookies }) { BaseAddress = new Uri(city.Front.Urls.First()) };
        _cookies[client] = cookies;
        client.DefaultRequestHeaders.Host = Host(county);
        (await client.PostAsJsonAsync("/api/account/login", new { name = "admin", password = Password(county) })).EnsureSuccessStatusCode();
        var me = await client.GetFromJsonAsync<JsonElement>("/api/account/me");
        client.DefaultRequestHeaders.Add("X-XSRF-TOKEN", me.GetProperty("antiforgeryToken").GetString());
        return client;
    }

    /// <summary>A client at another instance (and host) with the session cookie a client holds.</summary>
    private HttpClient Carrying(HttpClient signedIn, CityApplication from, CityApplication to, string county)
    {
        var cookies = _cookies[signedIn].GetCookies(new Uri(from.Front.Urls.First()));
        var client = new HttpClient { BaseAddress = new Uri(to.Front.Urls.First()) };
        client.DefaultRequestHeaders.Host = Host(county);
        client.DefaultRequestHeaders.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Name}={c.Value}")));
        return client;
    }

    private static string Host(string county) => county + ".city.test";

    private static string Password(string county) => "city-password-" + county;

    private string WriteCity(IReadOnlyDictionary<string, string> databases, IReadOnlyDictionary<string, int> mqtt)
    {
        var counties = databases.Select(d => new
        {
            Key = d.Key,
            Hosts = new[] { Host(d.Key) },
            Settings = new
            {
                Cloud = new Dictionary<string, string>
                {
                    ["CountyName"] = d.Key + "县",
                    ["Database"] = "PostgreSql",
                    ["ConnectionString"] = d.Value,
                    ["MqttPort"] = mqtt[d.Key].ToString(CultureInfo.InvariantCulture),
                    ["MqttBindAddress"] = "127.0.0.1",
                    ["Map:TileUrl"] = string.Empty,
                },
            },
        });
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, JsonSerializer.Serialize(new { City = new { Urls = "http://127.0.0.1:0", DataDirectory = _folder, Counties = counties } }));
        return path;
    }
}
