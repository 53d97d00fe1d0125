namespace WasteIoT.Cloud.Cases;

public static class CaseServices
{
    /// <summary>Cases: their store, the workflow by role, and the filer that files findings as days close.</summary>
    public static IServiceCollection AddCases(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CaseOptions>().Bind(configuration.GetSection(CaseOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CaseStore>();
        services.AddSingleton<CaseWorkflow>();
        services.AddSingleton<CaseFiler>();
        if (configuration.GetSection(Settings.CloudOptions.Section).Get<Settings.CloudOptions>()?.TakesGateways ?? true)
        {
            // One instance of a county files its cases (any would file each once: the case key is unique; one spares the work).
            services.AddHostedService(sp => sp.GetRequiredService<CaseFiler>());
        }
        return services;
    }
}
