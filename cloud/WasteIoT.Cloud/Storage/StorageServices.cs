using Microsoft.Extensions.Options;

namespace WasteIoT.Cloud.Storage;

public static class StorageServices
{
    /// <summary>The configured database (migrated when opened) and the reading store on it.</summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.Database != DatabaseProvider.PostgreSql || !string.IsNullOrWhiteSpace(o.ConnectionString), $"{StorageOptions.Section}:ConnectionString is required when {StorageOptions.Section}:Database is PostgreSql")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value.OpenDatabase());
        services.AddSingleton<SqlReadingStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
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
