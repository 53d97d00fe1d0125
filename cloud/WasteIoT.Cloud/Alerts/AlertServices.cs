namespace WasteIoT.Cloud.Alerts;

public static class AlertServices
{
    /// <summary>The webhook that forwards new cases (signed, retried) when a county configures one.</summary>
    public static IServiceCollection AddAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AlertOptions>().Bind(configuration.GetSection(AlertOptions.Section)).ValidateDataAnnotations()
            .Validate(o => o.Valid(), $"{AlertOptions.Section}:WebhookUrl must be an absolute http(s) URL, with a WebhookSecret of at least 16 characters").ValidateOnStart();
        services.AddHttpClient(AlertWebhook.ClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<AlertWebhook>();
        if (configuration.GetSection(Settings.CloudOptions.Section).Get<Settings.CloudOptions>()?.TakesGateways ?? true)
        {
            services.AddHostedService(sp => sp.GetRequiredService<AlertWebhook>());
        }
        return services;
    }
}
