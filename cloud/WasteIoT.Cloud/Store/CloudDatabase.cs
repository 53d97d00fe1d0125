using System.Data.Common;

namespace WasteIoT.Cloud.Store;

/// <summary>
/// One database, SQLite or PostgreSQL. Everything but bulk ingest speaks SQL both understand
/// (<c>@name</c> parameters, <c>ON CONFLICT</c>, integers for instants in Unix milliseconds), so one code path serves both.
/// </summary>
public abstract class CloudDatabase : IDisposable
{
    public abstract DatabaseProvider Provider { get; }

    public abstract DbConnection Open();

    public abstract ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }

    /// <summary>Applies the steps not yet recorded in <c>schema_version</c>, each in its own transaction.</summary>
    protected static void Migrate(DbConnection connection, IReadOnlyList<string> steps)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(steps);
        connection.Execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
        var current = Convert.ToInt32(connection.Scalar("SELECT COALESCE(MAX(version), 0) FROM schema_version"), System.Globalization.CultureInfo.InvariantCulture);
        for (var step = current; step < steps.Count; step++)
        {
            using var transaction = connection.BeginTransaction();
            connection.Execute(steps[step], transaction);
            connection.Execute($"INSERT INTO schema_version (version) VALUES ({step + 1})", transaction);
            transaction.Commit();
        }
    }
}
