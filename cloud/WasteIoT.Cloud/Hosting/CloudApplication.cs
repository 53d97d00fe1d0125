using System.Text.Json.Serialization.Metadata;
using WasteIoT.Cloud.Contract;
using WasteIoT.Cloud.Health;

namespace WasteIoT.Cloud.Hosting;

/// <summary>Builds the cloud host; used by Program and by tests that start it on a free port.</summary>
public static class CloudApplication
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Services.AddOptions<CloudOptions>()
            .Bind(builder.Configuration.GetSection(CloudOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), $"{CloudOptions.Section}:TimeZone is not a known time zone id")
            .ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, CloudJsonContext.Default));

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapHealth();
        app.MapContract();
        return app;
    }
}
