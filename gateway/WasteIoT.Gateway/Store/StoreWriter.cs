using Microsoft.Data.Sqlite;

namespace WasteIoT.Gateway.Store;

/// <summary>The writer connection's prepared statements. Used only from the store's single writer loop.</summary>
internal sealed class StoreWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _quarantine;
    private readonly SqliteCommand _trimQuarantine;
    private readonly SqliteCommand _markSent;

    public StoreWriter(SqliteConnection connection)
    {
        _connection = connection;
        _insert = Prepare("INSERT OR IGNORE INTO readings (device, boot, seq, kind, ts, rx, payload, business) VALUES ($device, $boot, $seq, $kind, $ts, $rx, $payload, $business)",
            "$device", "$boot", "$seq", "$kind", "$ts", "$rx", "$payload", "$business");
        _quarantine = Prepare("INSERT INTO quarantine (rx, client, topic, reason, detail, payload) VALUES ($rx, $client, $topic, $reason, $detail, $payload)",
            "$rx", "$client", "$topic", "$reason", "$detail", "$payload");
        _trimQuarantine = Prepare("DELETE FROM quarantine WHERE id <= (SELECT MAX(id) FROM quarantine) - $keep", "$keep");
        _markSent = Prepare("UPDATE readings SET sent = 1 WHERE id = $id", "$id");
    }

    public long Thinned { get; private set; }

    /// <summary>
    /// Bytes the rows inserted in this transaction add, over-estimated on purpose: the quota is measured in pages at
    /// most once a second, and a burst must not run past it in between. An estimate past the quota only brings the
    /// exact measurement forward; one short of the truth would let a burst reach 110 % and refuse business events.
    /// </summary>
    public long InsertedBytes { get; private set; }

    private const int RowOverheadBytes = 96;

    public void Begin(SqliteTransaction transaction)
    {
        InsertedBytes = 0;
        _insert.Transaction = transaction;
        _quarantine.Transaction = transaction;
        _trimQuarantine.Transaction = transaction;
        _markSent.Transaction = transaction;
    }

    /// <returns>True when inserted, false when the key was already there.</returns>
    public bool Insert(IncomingReading r)
    {
        var p = _insert.Parameters;
        p[0].Value = r.Device;
        p[1].Value = r.Boot;
        p[2].Value = r.Seq;
        p[3].Value = r.Kind;
        p[4].Value = r.TsMs;
        p[5].Value = r.RxMs;
        p[6].Value = r.Payload;
        p[7].Value = r.Business ? 1 : 0;
        if (_insert.ExecuteNonQuery() != 1)
        {
            return false;
        }

        // A row that fits a 4 KiB page shares it with others; a bigger one spills into overflow pages of its own.
        InsertedBytes += r.Payload.Length < 2_000 ? 2 * (r.Payload.Length + RowOverheadBytes) : ((r.Payload.Length / 4_000) + 2) * 4_096;
        return true;
    }

    public void Quarantine(QuarantineEntry e, int keep)
    {
        var p = _quarantine.Parameters;
        p[0].Value = e.RxMs;
        p[1].Value = e.Client;
        p[2].Value = e.Topic;
        p[3].Value = e.Reason;
        p[4].Value = e.Detail;
        p[5].Value = e.Payload;
        _quarantine.ExecuteNonQuery();
        _trimQuarantine.Parameters[0].Value = keep;
        _trimQuarantine.ExecuteNonQuery();
    }

    public void MarkSent(long id)
    {
        _markSent.Parameters[0].Value = id;
        _markSent.ExecuteNonQuery();
    }

    /// <summary>Run every second in the writer: it must find its rows by index (readings_delivered), never by scanning.</summary>
    internal const string DeleteDeliveredSql = "DELETE FROM readings WHERE sent = 1 AND rx < $before";

    public void DeleteDelivered(long receivedBeforeMs)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = DeleteDeliveredSql;
        command.Parameters.AddWithValue("$before", receivedBeforeMs);
        command.ExecuteNonQuery();
    }

    /// <summary>Deletes every second undelivered position of each device received before the cut-off: the track keeps its shape at half the points.</summary>
    public void ThinPositions(long receivedBeforeMs)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = """
            DELETE FROM readings WHERE id IN (
                SELECT id FROM (
                    SELECT id, ROW_NUMBER() OVER (PARTITION BY device ORDER BY id) AS n
                    FROM readings WHERE kind = 'pos' AND sent = 0 AND rx < $before)
                WHERE n % 2 = 0)
            """;
        command.Parameters.AddWithValue("$before", receivedBeforeMs);
        Thinned += command.ExecuteNonQuery();
    }

    /// <summary>
    /// Bytes of data: the database's pages less its free pages. The WAL is not counted: it is bounded by the
    /// automatic checkpoint (1,000 pages) and truncated by <c>journal_size_limit</c>.
    /// </summary>
    public long UsedBytes()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT (SELECT page_count FROM pragma_page_count()) - (SELECT freelist_count FROM pragma_freelist_count()), (SELECT page_size FROM pragma_page_size())";
        using var reader = command.ExecuteReader();
        reader.Read();
        return reader.GetInt64(0) * reader.GetInt64(1);
    }

    public void Dispose()
    {
        _insert.Dispose();
        _quarantine.Dispose();
        _trimQuarantine.Dispose();
        _markSent.Dispose();
    }

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }

        command.Prepare();
        return command;
    }
}
