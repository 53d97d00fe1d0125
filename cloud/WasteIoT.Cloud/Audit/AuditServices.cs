using WasteIoT.Cloud.Checks;

namespace WasteIoT.Cloud.Audit;

public static class AuditServices
{
    /// <summary>The county's checks by thing and day under the configured rules, kept summaries and the day cache.</summary>
    public static IServiceCollection AddAudit(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CheckRules>().Bind(configuration.GetSection(CheckRules.Section)).ValidateOnStart();
        services.AddSingleton<CountyAudit>();
        services.AddSingleton<DaySummaryStore>();
        services.AddSingleton<KeptThingStore>();
        services.AddSingleton<DayAuditCache>();
        return services;
    }
}
