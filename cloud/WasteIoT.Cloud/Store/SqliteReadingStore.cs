using Microsoft.Data.Sqlite;

namespace WasteIoT.Cloud.Store;

/// <summary>Readings in the embedded SQLite file: one writer connection, statements prepared once.</summary>
public sealed class SqliteReadingStore(SqliteCloudDatabase database) : SqlReadingStore(database), IDisposable
{
    private readonly SemaphoreSlim _writer = new(1, 1);
    private SqliteConnection? _writeConnection;
    private SqliteCommand? _insert;
    private SqliteCommand? _quarantine;
    private SqliteCommand? _day;
    private SqliteCommand? _version;

    public override async Task<IngestOutcome> IngestAsync(IReadOnlyList<StoredReading> readings, IReadOnlyList<QuarantinedRecord> quarantined, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(readings);
        ArgumentNullException.ThrowIfNull(quarantined);
        await _writer.WaitAsync(cancellationToken);
        try
        {
            // SQLite has one writer at a time anyway; keeping it open with prepared statements makes the per-batch cost the rows alone.
            _writeConnection ??= OpenWriter();
            using var transaction = _writeConnection.BeginTransaction();
            _insert!.Transaction = transaction;
            _quarantine!.Transaction = transaction;
            var accepted = 0;
            var stored = new Dictionary<string, int>(StringComparer.Ordinal);
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
                if (_insert.ExecuteNonQuery() == 1)
                {
                    accepted++;
                    stored[r.Device] = stored.GetValueOrDefault(r.Device) + 1;
                }
            }

            // One writer: the day's newest reading is noted in the same transaction, a row per day in the batch.
            _day!.Transaction = transaction;
            foreach (var (day, newest) in Days(readings))
            {
                _day.Parameters[0].Value = day;
                _day.Parameters[1].Value = newest;
                _day.ExecuteNonQuery();
            }

            _version!.Transaction = transaction;
            foreach (var (device, rows) in stored)
            {
                _version.Parameters[0].Value = device;
                _version.Parameters[1].Value = rows;
                _version.ExecuteNonQuery();
            }

            var q = _quarantine.Parameters;
            foreach (var record in quarantined.Select(Bounded))
            {
                q[0].Value = record.Gateway;
                q[1].Value = record.Batch;
                q[2].Value = record.Index;
                q[3].Value = record.Reason;
                q[4].Value = record.Detail;
                q[5].Value = record.Json;
                _quarantine.ExecuteNonQuery();
            }

            if (quarantined.Count > 0)
            {
                using var trim = _writeConnection.CreateCommand();
                trim.Transaction = transaction;
                trim.CommandText = TrimQuarantineSql;
                trim.ExecuteNonQuery();
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

    public void Dispose()
    {
        DisposeWriter();
        _writer.Dispose();
    }

    private SqliteConnection OpenWriter()
    {
        var connection = database.OpenSqlite();
        _insert = Prepare(connection, "INSERT OR IGNORE INTO readings (device, boot, seq, kind, ts, rx, gateway, json) VALUES ($d, $b, $s, $k, $ts, $rx, $g, $j)", "$d", "$b", "$s", "$k", "$ts", "$rx", "$g", "$j");
        _quarantine = Prepare(connection, "INSERT INTO quarantine (gateway, batch, idx, reason, detail, json) VALUES ($g, $b, $i, $r, $d, $j)", "$g", "$b", "$i", "$r", "$d", "$j");
        _day = Prepare(connection, "INSERT INTO data_days (day, newest) VALUES ($day, $n) ON CONFLICT (day) DO UPDATE SET newest = MAX(newest, excluded.newest)", "$day", "$n");
        _version = Prepare(connection, "INSERT INTO device_versions (device, version) VALUES ($d, $n) ON CONFLICT (device) DO UPDATE SET version = version + excluded.version", "$d", "$n");
        return connection;
    }

    private void DisposeWriter()
    {
        _insert?.Dispose();
        _quarantine?.Dispose();
        _day?.Dispose();
        _version?.Dispose();
        _writeConnection?.Dispose();
        _insert = null;
        _quarantine = null;
        _day = null;
        _version = null;
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
}
