using System.ComponentModel.DataAnnotations;

namespace WasteIoT.Cloud.Store;

/// <summary>Where the cloud keeps its data: the storage settings of the <c>Cloud</c> configuration section.</summary>
public sealed class StoreOptions
{
    public const string Section = "Cloud";

    /// <summary>Where the embedded SQLite database and other state live.</summary>
    [Required]
    public string DataDirectory { get; set; } = ".data/cloud";

    /// <summary>Sqlite (embedded, the default) or PostgreSql (production; several cloud instances may share one).</summary>
    public DatabaseProvider Database { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>The Npgsql connection string when <see cref="Database"/> is PostgreSql.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Quarantined records kept (oldest out).</summary>
    [Range(100, 100_000_000)]
    public int QuarantineRows { get; set; } = 100_000;

    /// <summary>Bytes kept of each quarantined payload.</summary>
    [Range(256, 4 * 1024 * 1024)]
    public int QuarantinePayloadBytes { get; set; } = 4096;

    /// <summary>Opens (and migrates) the configured database.</summary>
    public CloudDatabase OpenDatabase() => Database switch
    {
        DatabaseProvider.PostgreSql => new PostgresCloudDatabase(ConnectionString ?? throw new InvalidOperationException($"{Section}:ConnectionString is required when {Section}:Database is PostgreSql")),
        _ => new SqliteCloudDatabase(Path.Combine(DataDirectory, "cloud.db")),
    };
}
