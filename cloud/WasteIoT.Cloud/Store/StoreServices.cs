using Microsoft.Extensions.Options;

namespace WasteIoT.Cloud.Store;

public static class StoreServices
{
    /// <summary>The configured database (migrated when opened) and the reading store on it.</summary>
    public static IServiceCollection AddStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StoreOptions>()
            .Bind(configuration.GetSection(StoreOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.Database != DatabaseProvider.PostgreSql || !string.IsNullOrWhiteSpace(o.ConnectionString), $"{StoreOptions.Section}:ConnectionString is required when {StoreOptions.Section}:Database is PostgreSql")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<StoreOptions>>().Value.OpenDatabase());
        services.AddSingleton<SqlReadingStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StoreOptions>>().Value;
            return sp.GetRequiredService<CloudDatabase>() switch
            {
                PostgresCloudDatabase postgres => new PostgresReadingStore(postgres) { QuarantineRows = options.QuarantineRows, QuarantinePayloadBytes = options.QuarantinePayloadBytes },
                SqliteCloudDatabase sqlite => new SqliteReadingStore(sqlite) { QuarantineRows = options.QuarantineRows, QuarantinePayloadBytes = options.QuarantinePayloadBytes },
                var other => throw new NotSupportedException(other.GetType().Name),
            };
        });
        services.AddSingleton<IReadingStore>(sp => sp.GetRequiredService<SqlReadingStore>());
        return services;
    }
}
