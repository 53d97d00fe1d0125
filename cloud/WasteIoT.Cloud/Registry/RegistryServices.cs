namespace WasteIoT.Cloud.Registry;

public static class RegistryServices
{
    /// <summary>The county's registry (contractors, trucks, routes, households, sites, bins, ponds) and its cached snapshot.</summary>
    public static IServiceCollection AddRegistry(this IServiceCollection services)
    {
        services.AddSingleton<RegistryStore>();
        services.AddSingleton<CountyRegistry>();
        return services;
    }
}
