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
        services.AddHostedService(sp => sp.GetRequiredService<CaseFiler>());
        return services;
    }
}
