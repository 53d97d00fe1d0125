using Microsoft.Data.Sqlite;

namespace WasteIoT.Cloud.Storage;

/// <summary>The embedded default: one SQLite file in WAL mode, zero set-up.</summary>
public sealed class SqliteReadingStore : IReadingStore, IDisposable
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _writer = new(1, 1);
    private SqliteConnection? _writeConnection;
    private SqliteCommand? _insert;
    private SqliteCommand? _quarantine;

    public SqliteReadingStore(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
        Migrate();
    }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000; PRAGMA cache_size = -65536;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    public async Task<IngestOutcome> IngestAsync(IReadOnlyList<StoredReading> readings, IReadOnlyList<QuarantinedRecord> quarantined, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(readings);
        ArgumentNullException.ThrowIfNull(quarantined);
        await _writer.WaitAsync(cancellationToken);
        try
        {
            // One writer connection with its statements prepared once: the per-batch cost is the rows, not the set-up.
            _writeConnection ??= OpenWriter();
            using var transaction = _writeConnection.BeginTransaction();
            _insert!.Transaction = transaction;
            _quarantine!.Transaction = transaction;
            var accepted = 0;
            var p = _insert.Parameters;
            foreach (var r in readings)
            {
                p[0].Value = r.Device;
                p[1].Value = r.Boot;
                p[2].Value = r.Seq;
                p[3].Value = r.Kind;
                p[4].Value = r.Ts.ToUnixTimeMilliseconds();
                p[5].Value = r.GatewayRx.ToUnixTimeMilliseconds();
                p[6].Value = r.Gateway;
                p[7].Value = r.Json;
                accepted += _insert.ExecuteNonQuery();
            }

            var q = _quarantine.Parameters;
            foreach (var record in quarantined)
            {
                q[0].Value = record.Gateway;
                q[1].Value = record.Batch;
                q[2].Value = record.Index;
                q[3].Value = record.Reason;
                q[4].Value = record.Detail;
                q[5].Value = record.Json;
                _quarantine.ExecuteNonQuery();
            }

            transaction.Commit();
            return new IngestOutcome(accepted, readings.Count - accepted);
        }
        catch (SqliteException)
        {
            // The connection may be in any state after a failed commit: start the next batch on a fresh one.
            DisposeWriter();
            throw;
        }
        finally
        {
            _writer.Release();
        }
    }

    public async Task<IReadOnlyList<StoredReading>> ReadDeviceAsync(string device, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT device, boot, seq, kind, ts, rx, gateway, json FROM readings WHERE device = $d AND ts >= $from AND ts < $to ORDER BY ts, boot, seq";
        command.Parameters.AddWithValue("$d", device);
        command.Parameters.AddWithValue("$from", from.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$to", to.ToUnixTimeMilliseconds());
        var rows = new List<StoredReading>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new StoredReading(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetString(3),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)), reader.GetString(6), (byte[])reader.GetValue(7)));
        }

        return rows;
    }

    public async Task<IReadOnlyList<QuarantinedRecord>> ReadQuarantineAsync(int max, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT gateway, batch, idx, reason, detail, json FROM quarantine ORDER BY id DESC LIMIT $max";
        command.Parameters.AddWithValue("$max", max);
        var rows = new List<QuarantinedRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new QuarantinedRecord(reader.GetString(0), reader.GetInt64(1), reader.GetInt32(2), reader.GetString(3), reader.GetString(4), (byte[])reader.GetValue(5)));
        }

        return rows;
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM readings";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public void Dispose()
    {
        DisposeWriter();
        _writer.Dispose();
    }

    private SqliteConnection OpenWriter()
    {
        var connection = Open();
        _insert = Prepare(connection, "INSERT OR IGNORE INTO readings (device, boot, seq, kind, ts, rx, gateway, json) VALUES ($d, $b, $s, $k, $ts, $rx, $g, $j)", "$d", "$b", "$s", "$k", "$ts", "$rx", "$g", "$j");
        _quarantine = Prepare(connection, "INSERT INTO quarantine (gateway, batch, idx, reason, detail, json) VALUES ($g, $b, $i, $r, $d, $j)", "$g", "$b", "$i", "$r", "$d", "$j");
        return connection;
    }

    private void DisposeWriter()
    {
        _insert?.Dispose();
        _quarantine?.Dispose();
        _writeConnection?.Dispose();
        _insert = null;
        _quarantine = null;
        _writeConnection = null;
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }

        command.Prepare();
        return command;
    }

    private void Migrate()
    {
        using var connection = Open();
        using (var create = connection.CreateCommand())
        {
            // The journal mode belongs to the file: set once here, not on every connection.
            create.CommandText = "PRAGMA journal_mode = WAL; CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)";
            create.ExecuteNonQuery();
        }

        long current;
        using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
            current = (long)read.ExecuteScalar()!;
        }

        for (var step = (int)current; step < SqliteMigrations.Steps.Length; step++)
        {
            using var transaction = connection.BeginTransaction();
            using var migrate = connection.CreateCommand();
            migrate.Transaction = transaction;
            migrate.CommandText = SqliteMigrations.Steps[step] + $";INSERT INTO schema_version (version) VALUES ({step + 1});";
            migrate.ExecuteNonQuery();
            transaction.Commit();
        }
    }
}
