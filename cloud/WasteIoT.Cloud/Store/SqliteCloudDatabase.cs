using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace WasteIoT.Cloud.Store;

/// <summary>The embedded default: one SQLite file in WAL mode, zero set-up.</summary>
public sealed class SqliteCloudDatabase : CloudDatabase
{
    private readonly string _connectionString;

    public SqliteCloudDatabase(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
        using var connection = OpenSqlite();

        // The journal mode belongs to the file: set once here, not on every connection.
        connection.Execute("PRAGMA journal_mode = WAL");
        Migrate(connection, CloudSchema.Sqlite);
    }

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override DbConnection Open() => OpenSqlite();

    public override ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) => ValueTask.FromResult<DbConnection>(OpenSqlite());

    public SqliteConnection OpenSqlite()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        connection.Execute("PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000; PRAGMA cache_size = -65536;");
        return connection;
    }
}
