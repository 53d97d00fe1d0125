using Microsoft.Playwright;
using WasteIoT.Testing;

namespace WasteIoT.Cloud.Tests.Dashboard;

/// <summary>
/// Debian's Chromium (installed by ./dev.sh test) driven by Playwright: headless, no sandbox (tests run as root in
/// CI), never a downloaded browser. One browser per test class; each test gets fresh contexts.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Chromium { get; private set; } = null!;

    /// <summary>Where the screenshots of the main pages go, for a person to look at after the run.</summary>
    public static string Screenshots { get; } = Path.Combine(RepositoryRoot.Path, "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Chromium = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
        Directory.CreateDirectory(Screenshots);
    }

    public async Task DisposeAsync()
    {
        await Chromium.DisposeAsync();
        _playwright?.Dispose();
    }

    /// <summary>A page signed in through the login form, as a person would.</summary>
    internal async Task<IPage> SignInAsync(RunningCloud cloud, string name, string password, int width = 1280, int height = 800, string locale = "zh-CN")
    {
        var context = await Chromium.NewContextAsync(new BrowserNewContextOptions { BaseURL = cloud.BaseAddress, ViewportSize = new ViewportSize { Width = width, Height = height }, AcceptDownloads = true, Locale = locale });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login.html");
        await page.FillAsync("input[name=name]", name);
        await page.FillAsync("input[name=password]", password);
        await page.ClickAsync("button[type=submit]");
        // Signed in once the dashboard's document is parsed: its "load" waits for map tiles, which a county with no
        // internet (or a test with a tile host that does not answer) may never serve.
        await page.WaitForURLAsync(url => !url.Contains("login", StringComparison.Ordinal), new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        return page;
    }
}
