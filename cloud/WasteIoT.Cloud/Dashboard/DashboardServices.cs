namespace WasteIoT.Cloud.Dashboard;

public static class DashboardServices
{
    /// <summary>The pages' settings (map tiles and centre).</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MapOptions>().Bind(configuration.GetSection(MapOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }
}
