using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WasteIoT.Cloud.Accounts;
using WasteIoT.Cloud.Hosting;

namespace WasteIoT.Benchmarks;

/// <summary>
/// The dashboard on a county-sized day (issue targets: overview API p95 ≤ 100 ms, first render of each page ≤ 1 s):
/// the day is stored by the audit benchmark's seeding child, the real cloud serves it, an HTTP client times the
/// overview API and Debian's Chromium times each page from navigation to its content.
/// </summary>
internal static class DashboardBenchmark
{
    private const string Date = "2026-11-26";

    public static async Task<int> RunAsync(int trucks, TextWriter output)
    {
        var data = Directory.CreateTempSubdirectory("wiot-dash-").FullName;
        try
        {
            using (var child = Process.Start(new ProcessStartInfo(Environment.ProcessPath!, ["audit-seed", data, trucks.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false })!)
            {
                await child.WaitForExitAsync();
            }

            var app = CloudApplication.Build(["--urls", "http://127.0.0.1:0", "--Cloud:DataDirectory", data, "--Cloud:MqttPort", ChildProcess.FreePort().ToString(CultureInfo.InvariantCulture),
                "--Cloud:MqttBindAddress", "127.0.0.1", "--Cloud:Map:TileUrl", "", "--Logging:LogLevel:Default", "Warning"]);
            await app.StartAsync();
            try
            {
                var users = app.Services.GetRequiredService<UserStore>();
                await users.UpsertAsync([new UserAccount("reviewer", "reviewer", UserRole.Bureau, "", "")], CancellationToken.None);
                await app.Services.GetRequiredService<AccountService>().SetPasswordAsync("reviewer", "county-password-9x", CancellationToken.None);
                var http = app.Urls.Last();
                using var client = new HttpClient(new HttpClientHandler { UseCookies = true, CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = new Uri(http) };
                (await client.PostAsJsonAsync("/api/account/login", new { name = "reviewer", password = "county-password-9x" })).EnsureSuccessStatusCode();

                var cold = Stopwatch.StartNew();
                (await client.GetAsync(new Uri($"/api/audit/{Date}/summary", UriKind.Relative))).EnsureSuccessStatusCode();
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first overview request (computes the county day): {cold.Elapsed.TotalSeconds:N1} s"));
                foreach (var path in new[] { $"/api/audit/{Date}/summary", $"/api/audit/{Date}" })
                {
                    var times = new List<double>();
                    long bytes = 0;
                    for (var i = 0; i < 200; i++)
                    {
                        var clock = Stopwatch.StartNew();
                        var body = await client.GetByteArrayAsync(new Uri(path, UriKind.Relative));
                        times.Add(clock.Elapsed.TotalMilliseconds);
                        bytes = body.Length;
                    }

                    times.Sort();
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"GET {path} ({bytes / 1024.0:N0} KB): p50 {times[100]:N1} ms, p95 {times[190]:N1} ms, max {times[^1]:N1} ms over 200"));
                }

                await PagesAsync(http, output);
            }
            finally
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }

            return 0;
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task PagesAsync(string baseUrl, TextWriter output)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login.html");
        await page.FillAsync("input[name=name]", "reviewer");
        await page.FillAsync("input[name=password]", "county-password-9x");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("main table");
        foreach (var (hash, ready) in new[]
        {
            ($"#/overview/{Date}", "[data-testid=summary]"),
            ("#/live", "#trucks li"),
            ($"#/routes/{Date}", "main table"),
            ($"#/bins/{Date}", "[data-testid=bin-map][data-drawn]"),
            ($"#/toilets/{Date}", "details[data-toilet]"),
            ("#/cases", "main table"),
            ($"#/scorecard/{Date[..7]}", "main table"),
            ($"#/replay/T-000/{Date}", "[data-testid=replay-map][data-drawn]"),
        })
        {
            // A fresh load of the whole page, as when a user opens it: shell, scripts, API calls, rendering.
            await page.GotoAsync("about:blank");
            var clock = Stopwatch.StartNew();
            await page.GotoAsync("/" + hash);
            await page.WaitForSelectorAsync(ready, new PageWaitForSelectorOptions { Timeout = 60_000, State = WaitForSelectorState.Attached });
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first render {hash}: {clock.Elapsed.TotalMilliseconds:N0} ms"));
        }
    }
}
