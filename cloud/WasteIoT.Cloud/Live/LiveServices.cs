namespace WasteIoT.Cloud.Live;

public static class LiveServices
{
    /// <summary>The live feed of truck positions, listening to ingest from the host's start.</summary>
    public static IServiceCollection AddLive(this IServiceCollection services)
    {
        services.AddSingleton<LiveFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveFeed>());
        return services;
    }
}
