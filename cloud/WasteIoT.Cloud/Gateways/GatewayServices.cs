namespace WasteIoT.Cloud.Gateways;

public static class GatewayServices
{
    /// <summary>Gateways' credentials and device assignments, and their presence with backlog.</summary>
    public static IServiceCollection AddGateways(this IServiceCollection services)
    {
        services.AddSingleton<GatewayRegistry>();
        services.AddSingleton<GatewayPresenceBook>();
        return services;
    }
}
