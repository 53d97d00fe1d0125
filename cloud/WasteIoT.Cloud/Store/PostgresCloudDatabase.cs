using System.Data.Common;
using Npgsql;

namespace WasteIoT.Cloud.Store;

/// <summary>Production storage: PostgreSQL through one pooled Npgsql data source. Several cloud instances may share it.</summary>
public sealed class PostgresCloudDatabase : CloudDatabase
{
    // Any fixed number: instances starting together take turns migrating.
    private const long MigrationLock = 0x5749_4f54;

    public PostgresCloudDatabase(string connectionString)
    {
        DataSource = NpgsqlDataSource.Create(connectionString);
        using var connection = DataSource.OpenConnection();
        connection.Execute($"SELECT pg_advisory_lock({MigrationLock})");
        try
        {
            Migrate(connection, CloudSchema.PostgreSql);
        }
        finally
        {
            connection.Execute($"SELECT pg_advisory_unlock({MigrationLock})");
        }
    }

    public NpgsqlDataSource DataSource { get; }

    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    public override DbConnection Open() => DataSource.OpenConnection();

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) => await DataSource.OpenConnectionAsync(cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            DataSource.Dispose();
        }
    }
}
