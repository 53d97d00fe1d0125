namespace WasteIoT.Cloud.Ngsi;

public static class NgsiLdServices
{
    public static IServiceCollection AddNgsiLd(this IServiceCollection services)
    {
        services.AddSingleton<NgsiLdView>();
        return services;
    }
}
