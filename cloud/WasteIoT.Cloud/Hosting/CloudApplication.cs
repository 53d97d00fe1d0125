using System.Net;
using WasteIoT.Cloud.Accounts;
using WasteIoT.Cloud.Alerts;
using WasteIoT.Cloud.Audit;
using WasteIoT.Cloud.Cases;
using WasteIoT.Cloud.Contract;
using WasteIoT.Cloud.Crew;
using WasteIoT.Cloud.Dashboard;
using WasteIoT.Cloud.Exports;
using WasteIoT.Cloud.Gateways;
using WasteIoT.Cloud.Health;
using WasteIoT.Cloud.Ingest;
using WasteIoT.Cloud.Live;
using WasteIoT.Cloud.Ngsi;
using WasteIoT.Cloud.Readings;
using WasteIoT.Cloud.Registry;
using WasteIoT.Cloud.Scorecards;
using WasteIoT.Cloud.Settings;
using WasteIoT.Cloud.Store;
using WasteIoT.Cloud.Tonnage;
using WasteIoT.Cloud.Users;

namespace WasteIoT.Cloud.Hosting;

/// <summary>Builds the cloud host from its features; used by Program and by tests that start it on a free port.</summary>
public static class CloudApplication
{
    /// <param name="inCity">
    /// Hosted by a city instance (<see cref="City.CityApplication"/>): its HTTP requests come from the city's server,
    /// and its own Kestrel serves only its MQTT ports, when it takes its gateways.
    /// </param>
    public static WebApplication Build(string[] args, TimeProvider? time = null, Action<ILoggingBuilder>? logging = null, bool inCity = false)
    {
        ArgumentNullException.ThrowIfNull(args);

        // The HTTP addresses (--urls) are bound below beside the MQTT ones. Left among the host's arguments, Kestrel
        // would also see them as its server addresses and warn at every start that it is "overriding" them.
        var urlsArgument = TakeUrls(ref args);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = args,

            // The dashboard's files and appsettings.json sit beside the assembly, wherever the process is started from.
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        time ??= TimeProvider.System;
        builder.Services.AddOptions<CloudOptions>()
            .Bind(builder.Configuration.GetSection(CloudOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), $"{CloudOptions.Section}:TimeZone is not a known time zone id")
            .Validate(o => o.MqttTlsPort == 0 || File.Exists(o.CertificatePath), $"{CloudOptions.Section}:CertificatePath must name an existing certificate file when {CloudOptions.Section}:MqttTlsPort is set")
            .ValidateOnStart();
        builder.Services.AddSingleton(time);
        builder.Services.AddStore(builder.Configuration);
        builder.Services.AddGateways();
        builder.AddIngest(time);
        builder.Services.AddRegistry();
        builder.Services.AddReadings();
        builder.Services.AddAudit(builder.Configuration);
        builder.Services.AddCases(builder.Configuration);
        builder.Services.AddAlerts(builder.Configuration);
        builder.Services.AddLive();
        builder.Services.AddNgsiLd();
        builder.Services.AddDashboard(builder.Configuration);
        builder.Services.AddAccounts();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, CloudJsonContext.Default);
            o.SerializerOptions.TypeInfoResolverChain.Insert(1, RegistryJsonContext.Default);
        });

        // A Urls setting in appsettings or ASPNETCORE_URLS still reaches the host's own addresses (read when the builder
        // is made), so Kestrel logs its harmless "overriding" warning then; --urls and the default do not.
        var urls = urlsArgument ?? builder.Configuration["Urls"] ?? "http://127.0.0.1:5080";
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                var uri = new Uri(url);
                kestrel.Listen(uri.Host is "localhost" ? IPAddress.Loopback : IPAddress.Parse(uri.Host), uri.Port);
            }
        });

        if (inCity)
        {
            var kestrel = builder.Services.Last(d => d.ServiceType == typeof(Microsoft.AspNetCore.Hosting.Server.IServer));
            builder.Services.Remove(kestrel);
            var listens = urls.Length > 0 || (builder.Configuration.GetSection(CloudOptions.Section).Get<CloudOptions>()?.TakesGateways ?? true);
            builder.Services.AddSingleton<Microsoft.AspNetCore.Hosting.Server.IServer>(sp => new City.CountyServer(!listens ? null
                : (Microsoft.AspNetCore.Hosting.Server.IServer)(kestrel.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.CreateInstance(sp, kestrel.ImplementationType!))));
        }

        // A host embedding this one (the demo) may send the logs elsewhere than the console.
        logging?.Invoke(builder.Logging);
        var app = builder.Build();
        app.UseIngest();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSecurityHeaders();
        app.UseSignInBodyLimit();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapHealth();
        app.MapContract();
        app.MapChecks();
        app.MapReadings();
        app.MapRegistry();
        app.MapAudit();
        app.MapCases();
        app.MapAlerts();
        app.MapGateways();
        app.MapCrew();
        app.MapNgsiLd();
        app.MapAccounts();
        app.MapUsers();
        app.MapLive();
        app.MapExports();
        app.MapScorecard();
        app.MapTonnage();
        app.MapOpenApi();
        return app;
    }

    /// <summary>Removes <c>--urls X</c> (or <c>--urls=X</c>) from the arguments and returns X.</summary>
    private static string? TakeUrls(ref string[] args)
    {
        var rest = new List<string>(args.Length);
        string? urls = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--urls" or "/urls" && i + 1 < args.Length)
            {
                urls = args[++i];
            }
            else if (args[i].StartsWith("--urls=", StringComparison.Ordinal))
            {
                urls = args[i]["--urls=".Length..];
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        args = [.. rest];
        return urls;
    }
}
