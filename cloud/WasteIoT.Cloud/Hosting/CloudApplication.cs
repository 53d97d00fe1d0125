using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using MQTTnet.AspNetCore;
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
using WasteIoT.Cloud.Ingestion;
using WasteIoT.Cloud.Live;
using WasteIoT.Cloud.Ngsi;
using WasteIoT.Cloud.Readings;
using WasteIoT.Cloud.Registry;
using WasteIoT.Cloud.Scorecards;
using WasteIoT.Cloud.Settings;
using WasteIoT.Cloud.Storage;
using WasteIoT.Cloud.Users;

namespace WasteIoT.Cloud.Hosting;

/// <summary>Builds the cloud host; used by Program and by tests that start it on a free port.</summary>
public static class CloudApplication
{
    public static WebApplication Build(string[] args, TimeProvider? time = null, Action<ILoggingBuilder>? logging = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = args,

            // The dashboard's files and appsettings.json sit beside the assembly, wherever the process is started from.
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        builder.Services.AddOptions<CloudOptions>()
            .Bind(builder.Configuration.GetSection(CloudOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), $"{CloudOptions.Section}:TimeZone is not a known time zone id")
            .Validate(o => o.MqttTlsPort == 0 || File.Exists(o.CertificatePath), $"{CloudOptions.Section}:CertificatePath must name an existing certificate file when {CloudOptions.Section}:MqttTlsPort is set")
            .Validate(o => o.Database != DatabaseProvider.PostgreSql || !string.IsNullOrWhiteSpace(o.ConnectionString), $"{CloudOptions.Section}:ConnectionString is required when {CloudOptions.Section}:Database is PostgreSql")
            .ValidateOnStart();
        builder.Services.AddSingleton(time ?? TimeProvider.System);
        var cloud = builder.Configuration.GetSection(CloudOptions.Section).Get<CloudOptions>() ?? new CloudOptions();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<CloudOptions>>().Value.OpenDatabase());
        builder.Services.AddSingleton<SqlReadingStore>(sp => sp.GetRequiredService<CloudDatabase>() switch
        {
            PostgresCloudDatabase postgres => new PostgresReadingStore(postgres) { QuarantineRows = Quarantine(sp).Rows, QuarantinePayloadBytes = Quarantine(sp).Bytes },
            SqliteCloudDatabase sqlite => new SqliteReadingStore(sqlite) { QuarantineRows = Quarantine(sp).Rows, QuarantinePayloadBytes = Quarantine(sp).Bytes },
            var other => throw new NotSupportedException(other.GetType().Name),
        });
        builder.Services.AddSingleton<IReadingStore>(sp => sp.GetRequiredService<SqlReadingStore>());
        builder.Services.AddSingleton<GatewayRegistry>();
        builder.Services.AddSingleton<GatewayPresenceBook>();
        builder.Services.AddSingleton<BatchProcessor>();
        builder.Services.AddSingleton<GatewayIngest>();
        builder.Services.AddSingleton<IngestFeed>();
        builder.Services.AddSingleton<DeviceDay>();
        builder.Services.AddSingleton<RegistryStore>();
        builder.Services.AddSingleton<CountyRegistry>();
        builder.Services.AddOptions<CheckRules>().Bind(builder.Configuration.GetSection(CheckRules.Section)).ValidateOnStart();
        builder.Services.AddSingleton<CountyAudit>();
        builder.Services.AddSingleton<DaySummaryStore>();
        builder.Services.AddSingleton<DayAuditCache>();
        builder.Services.AddOptions<CaseOptions>().Bind(builder.Configuration.GetSection(CaseOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<CaseStore>();
        builder.Services.AddSingleton<NgsiLdView>();
        builder.Services.AddSingleton<LiveFeed>();
        builder.Services.AddOptions<MapOptions>().Bind(builder.Configuration.GetSection(MapOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<CaseWorkflow>();
        builder.Services.AddSingleton<CaseFiler>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CaseFiler>());
        builder.Services.AddOptions<Alerts.AlertOptions>().Bind(builder.Configuration.GetSection(Alerts.AlertOptions.Section)).ValidateDataAnnotations()
            .Validate(o => o.Valid(), $"{Alerts.AlertOptions.Section}:WebhookUrl must be an absolute http(s) URL, with a WebhookSecret of at least 16 characters").ValidateOnStart();
        builder.Services.AddHttpClient(Alerts.AlertWebhook.ClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        builder.Services.AddSingleton<Alerts.AlertWebhook>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Alerts.AlertWebhook>());

        // The gateway-facing MQTT endpoint lives in the same Kestrel server as the HTTP API.
        builder.Services.AddHostedMqttServer(o => o.WithoutDefaultEndpoint().WithPersistentSessions());
        builder.Services.AddMqttConnectionHandler();
        builder.Services.AddConnections();
        var frontDoorOptions = builder.Configuration.GetSection(MqttFrontDoorOptions.Section).Get<MqttFrontDoorOptions>() ?? new MqttFrontDoorOptions();
        System.ComponentModel.DataAnnotations.Validator.ValidateObject(frontDoorOptions, new System.ComponentModel.DataAnnotations.ValidationContext(frontDoorOptions), validateAllProperties: true);
        var frontDoor = new MqttFrontDoor(frontDoorOptions, time ?? TimeProvider.System);
        builder.Services.AddSingleton(frontDoor);
        // The HTTP addresses (--urls) are bound below beside the MQTT ones; left in the host's settings as well, Kestrel
        // would warn at every start that it is "overriding" them.
        var urls = builder.Configuration["Urls"] ?? "http://127.0.0.1:5080";
        builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey, string.Empty);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Parse(cloud.MqttBindAddress), cloud.MqttPort, listen =>
            {
                listen.Use(frontDoor.Wrap);
                listen.UseMqtt();
            });
            if (cloud.MqttTlsPort != 0)
            {
                var certificate = cloud.LoadCertificate();
                kestrel.Listen(IPAddress.Parse(cloud.MqttBindAddress), cloud.MqttTlsPort, listen =>
                {
                    listen.UseHttps(certificate);
                    listen.Use(frontDoor.Wrap);
                    listen.UseMqtt();
                });
            }
            foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                var uri = new Uri(url);
                kestrel.Listen(uri.Host is "localhost" ? IPAddress.Loopback : IPAddress.Parse(uri.Host), uri.Port);
            }
        });
        builder.Services.AddSingleton<UserStore>();
        builder.Services.AddSingleton<AccountService>();
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.Cookie.Name = "wiot";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.SlidingExpiration = true;

            // An API answers 401/403; the pages decide where to send the user.
            o.Events.OnRedirectToLogin = c => Status(c.Response, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = c => Status(c.Response, StatusCodes.Status403Forbidden);
            o.Events.OnValidatePrincipal = c => c.HttpContext.RequestServices.GetRequiredService<SessionValidator>().ValidateAsync(c);
        });
        builder.Services.AddSingleton<SessionValidator>();
        builder.Services.AddSignInLimits();
        builder.Services.AddAuthorizationBuilder().AddPolicy(CloudPolicies.Bureau, p => p.RequireRole(nameof(UserRole.Bureau)));
        builder.Services.AddAntiforgery(o =>
        {
            o.HeaderName = "X-XSRF-TOKEN";
            o.Cookie.Name = "wiot-af";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, CloudJsonContext.Default);
            o.SerializerOptions.TypeInfoResolverChain.Insert(1, RegistryJsonContext.Default);
        });

        // A host embedding this one (the demo) may send the logs elsewhere than the console.
        logging?.Invoke(builder.Logging);
        var app = builder.Build();
        app.UseMqttServer(server => app.Services.GetRequiredService<GatewayIngest>().Attach(server));
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
        _ = app.Services.GetRequiredService<LiveFeed>();
        app.MapOpenApi();
        return app;
    }

    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }

    private static (int Rows, int Bytes) Quarantine(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<CloudOptions>>().Value;
        return (options.QuarantineRows, options.QuarantinePayloadBytes);
    }
}
