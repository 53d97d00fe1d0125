using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;

namespace WasteIoT.Cloud.Hosting.City;

/// <summary>
/// A city instance: every county's cloud in one process, each with its own settings, database, caches and
/// container, behind one HTTP address that tells them apart by host name. Instances are stateless over the counties'
/// databases, so any instance answers for any county; each county's gateways and background work (case filer,
/// alert webhook) are taken by the instance(s) named for it (<see cref="CityOptions.TakesGatewaysOf"/>).
/// </summary>
public sealed partial class CityApplication : IAsyncDisposable
{
    private readonly Dictionary<string, (string Key, CountyServer Server)> _byHost;

    private CityApplication(WebApplication front, IReadOnlyDictionary<string, WebApplication> counties, Dictionary<string, (string Key, CountyServer Server)> byHost)
    {
        Front = front;
        Counties = counties;
        _byHost = byHost;
    }

    /// <summary>The city's own host: its Kestrel receives every county's HTTP requests.</summary>
    public WebApplication Front { get; }

    /// <summary>Each county's cloud, by key.</summary>
    public IReadOnlyDictionary<string, WebApplication> Counties { get; }

    /// <param name="file">The city's configuration (a JSON file with a <c>City</c> section).</param>
    /// <param name="args">Further settings (<c>--City:TakesGatewaysOf:0 key</c>, logging), which override the file's.</param>
    public static CityApplication Build(string file, string[] args, TimeProvider? time = null, Action<ILoggingBuilder>? logging = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(args);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        // Under every other source, so the instance's command line and environment override the file.
        var source = new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource { Path = Path.GetFullPath(file), Optional = false };
        source.ResolveFileProvider();
        builder.Configuration.Sources.Insert(0, source);
        var city = builder.Configuration.GetSection(CityOptions.Section).Get<CityOptions>() ?? new CityOptions();
        var sections = builder.Configuration.GetSection(CityOptions.Section).GetSection(nameof(CityOptions.Counties)).GetChildren().ToList();
        Validate(city);

        // What the instance's command line gives every county (logging levels, say), but never the city's own addresses.
        var shared = args.Where((a, i) => !IsCityArgument(args, i)).ToArray();
        var counties = new Dictionary<string, WebApplication>(StringComparer.Ordinal);
        var byHost = new Dictionary<string, (string, CountyServer)>(StringComparer.OrdinalIgnoreCase);
        var databases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (county, section) in city.Counties.Zip(sections))
        {
            var settings = section.GetSection("Settings").AsEnumerable(makePathsRelative: true).Where(s => s.Value is not null)
                .ToDictionary(s => s.Key, s => s.Value!, StringComparer.OrdinalIgnoreCase);
            settings.TryAdd("Cloud:DataDirectory", Path.Combine(city.DataDirectory, county.Key));
            settings["Cloud:TakesGateways"] = (city.TakesGatewaysOf.Count == 0 || city.TakesGatewaysOf.Contains(county.Key)) ? "true" : "false";

            // Two counties on one database would read each other's readings as their own.
            var database = settings.TryGetValue("Cloud:Database", out var provider) && provider.Equals("PostgreSql", StringComparison.OrdinalIgnoreCase)
                ? "pg:" + settings.GetValueOrDefault("Cloud:ConnectionString", string.Empty)
                : "sqlite:" + Path.GetFullPath(settings["Cloud:DataDirectory"]);
            if (!databases.TryAdd(database, county.Key))
            {
                throw new InvalidOperationException($"{CityOptions.Section}: counties '{databases[database]}' and '{county.Key}' name the same database; each county needs its own.");
            }

            string[] countyArgs = [.. shared, "--urls", string.Empty, .. settings.Select(s => $"--{s.Key}={s.Value}")];
            var app = CloudApplication.Build(countyArgs, time, logging, inCity: true);
            counties[county.Key] = app;
            var server = (CountyServer)app.Services.GetRequiredService<IServer>();
            foreach (var host in county.Hosts)
            {
                if (!byHost.TryAdd(host, (county.Key, server)))
                {
                    throw new InvalidOperationException($"{CityOptions.Section}: host '{host}' is named by counties '{byHost[host].Item1}' and '{county.Key}'.");
                }
            }
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            foreach (var url in city.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                var uri = new Uri(url);
                kestrel.Listen(uri.Host is "localhost" ? IPAddress.Loopback : IPAddress.Parse(uri.Host), uri.Port);
            }
        });
        logging?.Invoke(builder.Logging);
        var front = builder.Build();
        var application = new CityApplication(front, counties, byHost);
        front.Run(application.RouteAsync);
        return application;
    }

    /// <summary>Starts every county (each migrates its database), then the city's address.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        foreach (var (key, county) in Counties)
        {
            try
            {
                await county.StartAsync(cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new InvalidOperationException($"County '{key}' did not start: {e.Message}", e);
            }
        }

        await Front.StartAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        await Front.StopAsync(cancellationToken);
        foreach (var county in Counties.Values)
        {
            await county.StopAsync(cancellationToken);
        }
    }

    /// <summary>Runs until the process is asked to stop.</summary>
    public async Task RunAsync()
    {
        await StartAsync();
        await Front.WaitForShutdownAsync();
        await StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Front.DisposeAsync();
        foreach (var county in Counties.Values)
        {
            await county.DisposeAsync();
        }
    }

    private async Task RouteAsync(HttpContext context)
    {
        if (_byHost.TryGetValue(context.Request.Host.Host, out var county))
        {
            await county.Server.HandleAsync(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync($"No county is served at '{context.Request.Host.Host}'.", context.RequestAborted);
    }

    private static void Validate(CityOptions city)
    {
        if (city.Counties.Count == 0)
        {
            throw new InvalidOperationException($"{CityOptions.Section}:Counties names no county.");
        }

        foreach (var county in city.Counties)
        {
            if (!KeyPattern().IsMatch(county.Key))
            {
                throw new InvalidOperationException($"{CityOptions.Section}: county key '{county.Key}' must be 1-40 lower-case letters, digits or dashes.");
            }

            if (county.Hosts.Count == 0)
            {
                throw new InvalidOperationException($"{CityOptions.Section}: county '{county.Key}' names no host.");
            }
        }

        var twice = city.Counties.GroupBy(c => c.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new InvalidOperationException($"{CityOptions.Section}: county '{twice.Key}' is named twice.");
        }

        var unknown = city.TakesGatewaysOf.FirstOrDefault(k => city.Counties.All(c => c.Key != k));
        if (unknown is not null)
        {
            throw new InvalidOperationException($"{CityOptions.Section}:TakesGatewaysOf names '{unknown}', which is not a county of the city.");
        }
    }

    private static bool IsCityArgument(string[] args, int i) =>
        args[i].StartsWith("--City:", StringComparison.OrdinalIgnoreCase) || args[i].StartsWith("--urls", StringComparison.OrdinalIgnoreCase)
        || (i > 0 && (args[i - 1].StartsWith("--City:", StringComparison.OrdinalIgnoreCase) || args[i - 1].Equals("--urls", StringComparison.OrdinalIgnoreCase)) && !args[i - 1].Contains('=', StringComparison.Ordinal));

    [GeneratedRegex("^[a-z0-9-]{1,40}$")]
    private static partial Regex KeyPattern();
}
