namespace WasteIoT.Cloud.Store;

/// <summary>The reads, in SQL both databases share; each database writes its own fastest way.</summary>
public abstract class SqlReadingStore(CloudDatabase database) : IReadingStore
{
    private const string Select = "SELECT boot, seq, kind, ts, rx, gateway, json FROM readings WHERE device = @d";

    protected CloudDatabase Database { get; } = database;

    /// <summary>Quarantine rows kept; older ones go, so an authenticated but broken gateway cannot fill the disk.</summary>
    public int QuarantineRows { get; init; } = 100_000;

    /// <summary>Bytes of a quarantined payload kept: enough to see what was wrong, not a 4 MiB batch each time.</summary>
    public int QuarantinePayloadBytes { get; init; } = 4096;

    protected string TrimQuarantineSql => $"DELETE FROM quarantine WHERE id <= (SELECT MAX(id) FROM quarantine) - {QuarantineRows}";

    protected QuarantinedRecord Bounded(QuarantinedRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Json.Length <= QuarantinePayloadBytes ? record
            : record with { Json = record.Json[..QuarantinePayloadBytes], Detail = $"{record.Detail} (first {QuarantinePayloadBytes} of {record.Json.Length} bytes kept)" };
    }

    public abstract Task<IngestOutcome> IngestAsync(IReadOnlyList<StoredReading> readings, IReadOnlyList<QuarantinedRecord> quarantined, CancellationToken cancellationToken);

    public async Task<IReadOnlyList<StoredReading>> ReadDeviceAsync(string device, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var command = connection.Command(Select + " AND ts >= @from AND ts < @to ORDER BY ts, boot, seq")
            .With("@d", device).With("@from", from.ToUnixTimeMilliseconds()).With("@to", to.ToUnixTimeMilliseconds());
        var rows = new List<StoredReading>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);

        // SQLite's async read is the sync one wrapped; a day of fixes is millions of rows, so read them directly there.
        var sync = Database.Provider == DatabaseProvider.Sqlite;
        string? lastKind = null, lastGateway = null;
        while (sync ? reader.Read() : await reader.ReadAsync(cancellationToken))
        {
            // A device's rows repeat a handful of kinds and gateways: keep one string of each instead of one per row.
            var kind = reader.GetString(2);
            lastKind = kind == lastKind ? lastKind : kind;
            var gateway = reader.GetString(5);
            lastGateway = gateway == lastGateway ? lastGateway : gateway;
            rows.Add(Row(reader, device, lastKind, lastGateway));
        }

        return rows;
    }

    /// <summary>
    /// Several devices' rows of <c>[from, to)</c> in one query (a restarted cloud's open day, thousands of small windows),
    /// each device's in <c>(ts, boot, seq)</c> order and made into what <paramref name="read"/> makes of it; a device
    /// with none is absent. The bytes are lent to <paramref name="read"/> from one buffer: some 300,000 rows at a
    /// restart would otherwise each be an array of their own, thrown away once decoded (on PostgreSQL; SQLite's
    /// reader gives its arrays).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, List<T>>> ReadDevicesAsync<T>(IReadOnlyCollection<string> devices, DateTimeOffset from, DateTimeOffset to, StoredRowReader<T> read,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(read);
        var sql = (Database.Provider == DatabaseProvider.Sqlite
            ? $"{Columns} FROM readings WHERE device IN (SELECT value FROM json_each(@d))"
            : $"{Columns} FROM readings WHERE device = ANY(@d)") + " AND ts >= @from AND ts < @to ORDER BY device, ts, boot, seq";
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var command = DevicesCommand(connection, sql, devices).With("@from", from.ToUnixTimeMilliseconds()).With("@to", to.ToUnixTimeMilliseconds());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var found = new Dictionary<string, List<T>>(StringComparer.Ordinal);
        var sync = Database.Provider == DatabaseProvider.Sqlite;
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(4096);
        try
        {
            string? device = null, kind = null;
            List<T>? rows = null;
            long boot, seq;
            DateTimeOffset ts;
            while (sync ? reader.Read() : await reader.ReadAsync(cancellationToken))
            {
                var readDevice = reader.GetString(0);
                if (readDevice != device)
                {
                    device = readDevice;
                    found[device] = rows = [];
                }

                var readKind = reader.GetString(3);
                kind = readKind == kind ? kind : readKind;
                (boot, seq, ts) = (reader.GetInt64(1), reader.GetInt64(2), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)));
                if (sync)
                {
                    // Microsoft.Data.Sqlite reads a blob into a caller's buffer through a blob handle, a query per row: take the array.
                    rows!.Add(read(device, boot, seq, kind, ts, (byte[])reader.GetValue(7)));
                    continue;
                }

                var length = (int)reader.GetBytes(7, 0, null, 0, 0);
                if (length > buffer.Length)
                {
                    System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
                    buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(length);
                }

                reader.GetBytes(7, 0, buffer, 0, length);
                rows!.Add(read(device, boot, seq, kind, ts, buffer.AsSpan(0, length)));
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }

        return found;
    }

    /// <summary>Several devices' last reading before an instant, in one query; a device with none is absent.</summary>
    public async Task<IReadOnlyDictionary<string, StoredReading>> LastBeforeAsync(IReadOnlyCollection<string> devices, DateTimeOffset before, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(devices);

        // One index descent per device; the tie order is the single-device read's, (ts, boot, seq) from the top. The
        // columns are the single-device read's, the device last.
        var sql = Database.Provider == DatabaseProvider.Sqlite
            ? """
              SELECT r.boot, r.seq, r.kind, r.ts, r.rx, r.gateway, r.json, r.device FROM json_each(@d) AS j JOIN readings AS r ON r.device = j.value
                AND (r.ts, r.boot, r.seq) = (SELECT ts, boot, seq FROM readings WHERE device = j.value AND ts < @t ORDER BY ts DESC, boot DESC, seq DESC LIMIT 1)
              """
            : """
              SELECT l.* FROM unnest(@d) AS j(device) CROSS JOIN LATERAL (SELECT boot, seq, kind, ts, rx, gateway, json, device FROM readings AS r
                WHERE r.device = j.device AND r.ts < @t ORDER BY ts DESC, boot DESC, seq DESC LIMIT 1) AS l
              """;
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var command = DevicesCommand(connection, sql, devices).With("@t", before.ToUnixTimeMilliseconds());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var found = new Dictionary<string, StoredReading>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            var device = reader.GetString(7);
            found[device] = Row(reader, device, reader.GetString(2), reader.GetString(5));
        }

        return found;
    }

    private System.Data.Common.DbCommand DevicesCommand(System.Data.Common.DbConnection connection, string sql, IReadOnlyCollection<string> devices) =>
        connection.Command(sql).With("@d", Database.Provider == DatabaseProvider.Sqlite ? JsonArray(devices) : devices.ToArray());

    /// <summary>SQLite takes a list as one JSON text (read with <c>json_each</c>), where PostgreSQL takes an array.</summary>
    private static string JsonArray(IReadOnlyCollection<string> devices)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var device in devices)
            {
                writer.WriteStringValue(device);
            }

            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private const string Columns = "SELECT device, boot, seq, kind, ts, rx, gateway, json";

    public Task<StoredReading?> LatestAsync(string device, string kind, CancellationToken cancellationToken) =>
        OneAsync(Select + " AND kind = @k ORDER BY ts DESC LIMIT 1", device, "@k", kind, cancellationToken);

    public Task<StoredReading?> LastBeforeAsync(string device, DateTimeOffset before, CancellationToken cancellationToken) =>
        OneAsync(Select + " AND ts < @t ORDER BY ts DESC LIMIT 1", device, "@t", before.ToUnixTimeMilliseconds(), cancellationToken);

    private async Task<StoredReading?> OneAsync(string sql, string device, string name, object value, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var command = connection.Command(sql).With("@d", device).With(name, value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Row(reader, device, reader.GetString(2), reader.GetString(5)) : null;
    }

    private static StoredReading Row(System.Data.Common.DbDataReader reader, string device, string kind, string gateway) =>
        new(device, reader.GetInt64(0), reader.GetInt64(1), kind, DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)), gateway, (byte[])reader.GetValue(6));

    public async Task<IReadOnlyList<QuarantinedRecord>> ReadQuarantineAsync(int max, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT gateway, batch, idx, reason, detail, json FROM quarantine ORDER BY id DESC LIMIT @max").With("@max", max);
        var rows = new List<QuarantinedRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new QuarantinedRecord(reader.GetString(0), reader.GetInt64(1), reader.GetInt32(2), reader.GetString(3), reader.GetString(4), (byte[])reader.GetValue(5)));
        }

        return rows;
    }

    public async Task<DateTimeOffset?> NewestAsync(DateTimeOffset? before, CancellationToken cancellationToken)
    {
        // Rows hold each UTC day's newest reading: before a time, the newest row under it names a day with data then.
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT MAX(newest) FROM data_days WHERE newest < @before").With("@before", (before ?? DateTimeOffset.MaxValue).ToUnixTimeMilliseconds());
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? null : DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The newest reading of each UTC day in a batch, for <c>data_days</c>.</summary>
    protected static IEnumerable<(string Day, long Newest)> Days(IReadOnlyList<StoredReading> readings) =>
        readings.GroupBy(r => r.Ts.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
            .Select(g => (g.Key, g.Max(r => r.Ts.ToUnixTimeMilliseconds())));

    public async Task<IReadOnlyDictionary<string, long>> DeviceVersionsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT device, version FROM device_versions");
        var versions = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            versions[reader.GetString(0)] = reader.GetInt64(1);
        }

        return versions;
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT COUNT(*) FROM readings");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
