using System.Collections.Concurrent;
using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace WasteIoT.Cloud.Store;

/// <summary>
/// Readings in PostgreSQL: a batch is copied (binary COPY) into a transaction-local staging table and moved into
/// the partitioned table with <c>ON CONFLICT DO NOTHING</c>, which is what makes a retransmitted batch harmless.
/// Batches from different gateways commit in parallel on pooled connections.
/// </summary>
public sealed class PostgresReadingStore(PostgresCloudDatabase database) : SqlReadingStore(database)
{
    private const long NoteEveryMs = 10_000;

    private readonly ConcurrentDictionary<int, bool> _partitions = new();
    private readonly ConcurrentDictionary<string, long> _noted = new(StringComparer.Ordinal);

    public override async Task<IngestOutcome> IngestAsync(IReadOnlyList<StoredReading> readings, IReadOnlyList<QuarantinedRecord> quarantined, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(readings);
        ArgumentNullException.ThrowIfNull(quarantined);
        await EnsurePartitionsAsync(readings, cancellationToken);
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var accepted = 0;
        if (readings.Count > 0)
        {
            await using (var staging = new NpgsqlCommand("CREATE TEMP TABLE staging (LIKE readings) ON COMMIT DROP", connection, transaction))
            {
                await staging.ExecuteNonQueryAsync(cancellationToken);
            }

            await using (var copy = await connection.BeginBinaryImportAsync("COPY staging (device, boot, seq, kind, ts, rx, gateway, json) FROM STDIN (FORMAT BINARY)", cancellationToken))
            {
                foreach (var r in readings)
                {
                    await copy.StartRowAsync(cancellationToken);
                    await copy.WriteAsync(r.Device, NpgsqlDbType.Text, cancellationToken);
                    await copy.WriteAsync(r.Boot, NpgsqlDbType.Bigint, cancellationToken);
                    await copy.WriteAsync(r.Seq, NpgsqlDbType.Bigint, cancellationToken);
                    await copy.WriteAsync(r.Kind, NpgsqlDbType.Text, cancellationToken);
                    await copy.WriteAsync(r.Ts.ToUnixTimeMilliseconds(), NpgsqlDbType.Bigint, cancellationToken);
                    await copy.WriteAsync(r.GatewayRx.ToUnixTimeMilliseconds(), NpgsqlDbType.Bigint, cancellationToken);
                    await copy.WriteAsync(r.Gateway, NpgsqlDbType.Text, cancellationToken);
                    await copy.WriteAsync(r.Json, NpgsqlDbType.Bytea, cancellationToken);
                }

                await copy.CompleteAsync(cancellationToken);
            }

            // Each device's version grows by the rows it stored (a batch of retransmissions changes nothing), devices in one
            // order so two batches sharing devices lock their rows the same way round.
            await using var move = new NpgsqlCommand(
                """
                WITH moved AS (INSERT INTO readings SELECT * FROM staging ON CONFLICT DO NOTHING RETURNING device),
                     counted AS (SELECT device, count(*) AS n FROM moved GROUP BY device),
                     bumped AS (INSERT INTO device_versions (device, version) SELECT device, n FROM counted ORDER BY device
                                ON CONFLICT (device) DO UPDATE SET version = device_versions.version + excluded.version)
                SELECT coalesce(sum(n), 0)::int FROM counted
                """, connection, transaction);
            accepted = (int)(await move.ExecuteScalarAsync(cancellationToken))!;
        }

        if (quarantined.Count > 0)
        {
            await using var copy = await connection.BeginBinaryImportAsync("COPY quarantine (gateway, batch, idx, reason, detail, json) FROM STDIN (FORMAT BINARY)", cancellationToken);
            foreach (var q in quarantined.Select(Bounded))
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(q.Gateway, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(q.Batch, NpgsqlDbType.Bigint, cancellationToken);
                await copy.WriteAsync(q.Index, NpgsqlDbType.Integer, cancellationToken);
                await copy.WriteAsync(q.Reason, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(q.Detail, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(q.Json, NpgsqlDbType.Bytea, cancellationToken);
            }

            await copy.CompleteAsync(cancellationToken);
            await copy.DisposeAsync();
            await using var trim = new NpgsqlCommand(TrimQuarantineSql, connection, transaction);
            await trim.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        await NoteDaysAsync(connection, readings, cancellationToken);
        return new IngestOutcome(accepted, readings.Count - accepted);
    }

    /// <summary>
    /// The day's newest reading in <c>data_days</c>, after the batch's commit and outside its transaction: batches from
    /// many gateways commit in parallel and must not queue on one row's lock. Written when a day is new to this
    /// instance or its newest moved on by more than <see cref="NoteEveryMs"/>; "the latest day with data" may lag that.
    /// </summary>
    private async Task NoteDaysAsync(NpgsqlConnection connection, IReadOnlyList<StoredReading> readings, CancellationToken cancellationToken)
    {
        foreach (var (day, newest) in Days(readings))
        {
            if (_noted.TryGetValue(day, out var noted) && newest - noted < NoteEveryMs)
            {
                continue;
            }

            _noted[day] = newest;
            await using var note = new NpgsqlCommand("INSERT INTO data_days (day, newest) VALUES (@d, @n) ON CONFLICT (day) DO UPDATE SET newest = GREATEST(data_days.newest, excluded.newest)", connection);
            note.Parameters.AddWithValue("d", day);
            note.Parameters.AddWithValue("n", newest);
            await note.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Month partitions (UTC) are created the first time a reading for that month arrives.</summary>
    private async Task EnsurePartitionsAsync(IReadOnlyList<StoredReading> readings, CancellationToken cancellationToken)
    {
        foreach (var r in readings)
        {
            var utc = r.Ts.UtcDateTime;
            var key = (utc.Year * 12) + utc.Month - 1;
            if (_partitions.ContainsKey(key))
            {
                continue;
            }

            var start = new DateTimeOffset(utc.Year, utc.Month, 1, 0, 0, 0, TimeSpan.Zero);
            var end = start.AddMonths(1);
            var sql = string.Create(CultureInfo.InvariantCulture,
                $"CREATE TABLE IF NOT EXISTS readings_{utc.Year:0000}_{utc.Month:00} PARTITION OF readings FOR VALUES FROM ({start.ToUnixTimeMilliseconds()}) TO ({end.ToUnixTimeMilliseconds()})");
            await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
            try
            {
                await using var create = new NpgsqlCommand(sql, connection);
                await create.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DuplicateTable or PostgresErrorCodes.UniqueViolation)
            {
                // Another instance made it between our check and our create.
            }

            _partitions[key] = true;
        }
    }
}
