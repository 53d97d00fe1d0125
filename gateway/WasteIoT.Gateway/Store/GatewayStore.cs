using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace WasteIoT.Gateway.Store;

/// <summary>
/// The gateway's durable store: SQLite in WAL mode with <c>synchronous=FULL</c> (configurable), written by one writer that
/// commits whatever is waiting as one transaction (group commit), so a burst from a hundred devices costs
/// one fsync, not a hundred. An append completes only after its transaction is on disk.
/// Quota policy: see docs/gateway.md, "Disk quota".
/// </summary>
public sealed class GatewayStore : IAsyncDisposable
{
    private readonly Channel<WriteOperation> _queue = Channel.CreateUnbounded<WriteOperation>(new UnboundedChannelOptions { SingleReader = true });
    private readonly string _connectionString;
    private readonly StoreOptions _options;
    private readonly TimeProvider _time;
    private readonly Task _writer;
    private readonly SqliteConnection _writeConnection;
    private long _usedBytes;
    private int _mode;

    private GatewayStore(string path, StoreOptions options, TimeProvider time)
    {
        Path = path;
        _options = options;
        _time = time;
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 30 }.ToString();
        _writeConnection = OpenConnection();
        using (var command = _writeConnection.CreateCommand())
        {
            command.CommandText = SqliteSchema.Create;
            command.ExecuteNonQuery();
        }

        Writer = new StoreWriter(_writeConnection);
        RefreshUsage();
        _writer = Task.Run(WriteLoopAsync);
    }

    public string Path { get; }

    public long Commits { get; private set; }

    /// <summary>Current quota mode: 0 normal, 1 refusing non-business messages, 2 refusing all.</summary>
    public int QuotaMode => Volatile.Read(ref _mode);

    /// <summary>Messages deleted by the quota policy (delivered rows are not counted; positions thinned are).</summary>
    public long Thinned => Writer.Thinned;

    internal StoreWriter Writer { get; }

    public static GatewayStore Open(string path, StoreOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        return new GatewayStore(path, options, time);
    }

    public SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = SqliteSchema.Pragmas + (_options.Synchronous == "Normal" ? "PRAGMA synchronous = NORMAL;" : "PRAGMA synchronous = FULL;");
        command.ExecuteNonQuery();
        return connection;
    }

    /// <summary>Stores one message; completes when it is committed to disk (or found to be a duplicate).</summary>
    public Task<AppendResult> AppendAsync(IncomingReading reading, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var mode = QuotaMode;
        if (mode == 2 || (mode == 1 && !reading.Business))
        {
            return Task.FromResult(AppendResult.RefusedQuota);
        }

        var operation = new AppendOperation(reading);
        return Enqueue(operation, operation.Completion.Task, cancellationToken);
    }

    /// <summary>Keeps a refused message for inspection (bounded; the oldest rows go first).</summary>
    public Task QuarantineAsync(QuarantineEntry entry, CancellationToken cancellationToken)
    {
        var operation = new QuarantineOperation(entry, _options.QuarantineRows);
        return Enqueue(operation, operation.Completion.Task, cancellationToken);
    }

    /// <summary>Marks rows delivered: the cloud acknowledged them.</summary>
    public Task MarkSentAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        var operation = new MarkSentOperation(ids);
        return Enqueue(operation, operation.Completion.Task, cancellationToken);
    }

    /// <summary>The oldest undelivered rows after <paramref name="afterId"/>, in arrival order (which keeps each device's order).</summary>
    public async Task<IReadOnlyList<OutboxRow>> ReadOutboxAsync(long afterId, int max, CancellationToken cancellationToken)
    {
        await using var connection = OpenConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, device, rx, payload FROM readings WHERE sent = 0 AND id > $after ORDER BY id LIMIT $max";
        command.Parameters.AddWithValue("$after", afterId);
        command.Parameters.AddWithValue("$max", max);
        var rows = new List<OutboxRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new OutboxRow(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), (byte[])reader.GetValue(3)));
        }

        return rows;
    }

    public async Task<BacklogStatus> GetBacklogAsync(CancellationToken cancellationToken)
    {
        await using var connection = OpenConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*), MIN(rx) FROM readings WHERE sent = 0";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new BacklogStatus(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt64(1), Interlocked.Read(ref _usedBytes));
    }

    /// <summary>Keeps the newest downlink per topic (today's route, each device's config), to restore after a restart.</summary>
    public async Task KeepDownlinkAsync(string topic, byte[] payload, CancellationToken cancellationToken)
    {
        await using var connection = OpenConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO downlink (topic, payload, updated) VALUES ($topic, $payload, $updated) ON CONFLICT (topic) DO UPDATE SET payload = excluded.payload, updated = excluded.updated";
        command.Parameters.AddWithValue("$topic", topic);
        command.Parameters.AddWithValue("$payload", payload);
        command.Parameters.AddWithValue("$updated", _time.GetUtcNow().ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<(string Topic, byte[] Payload)>> ReadDownlinksAsync(CancellationToken cancellationToken)
    {
        await using var connection = OpenConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT topic, payload FROM downlink";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<(string, byte[])>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetString(0), (byte[])reader.GetValue(1)));
        }

        return rows;
    }

    public async Task<IReadOnlyList<QuarantineEntry>> ReadQuarantineAsync(int max, CancellationToken cancellationToken)
    {
        await using var connection = OpenConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT rx, client, topic, reason, detail, payload FROM quarantine ORDER BY id DESC LIMIT $max";
        command.Parameters.AddWithValue("$max", max);
        var rows = new List<QuarantineEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new QuarantineEntry(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), (byte[])reader.GetValue(5)));
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
        Writer.Dispose();
        await _writeConnection.DisposeAsync();
    }

    private async Task<T> Enqueue<T>(WriteOperation operation, Task<T> completion, CancellationToken cancellationToken)
    {
        if (!_queue.Writer.TryWrite(operation))
        {
            throw new ObjectDisposedException(nameof(GatewayStore));
        }

        return await completion.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<WriteOperation>(_options.MaxGroupCommit);
        var lastUsage = _time.GetTimestamp();
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < _options.MaxGroupCommit && _queue.Reader.TryRead(out var operation))
            {
                batch.Add(operation);
            }

            try
            {
                using (var transaction = _writeConnection.BeginTransaction())
                {
                    Writer.Begin(transaction);
                    foreach (var operation in batch)
                    {
                        operation.Execute(Writer);
                    }

                    transaction.Commit();
                }

                Interlocked.Add(ref _usedBytes, Writer.InsertedBytes);

                Commits++;
                foreach (var operation in batch)
                {
                    operation.Complete();
                }
            }
            catch (SqliteException ex)
            {
                foreach (var operation in batch)
                {
                    operation.Fail(ex);
                }
            }

            if (_time.GetElapsedTime(lastUsage) >= TimeSpan.FromSeconds(1) || Interlocked.Read(ref _usedBytes) > _options.QuotaBytes)
            {
                lastUsage = _time.GetTimestamp();
                EnforceQuota();
            }
        }
    }

    private void EnforceQuota()
    {
        try
        {
            RefreshUsage();
            var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
            Writer.DeleteDelivered(now - (long)_options.KeepDelivered.TotalMilliseconds);
            if (Interlocked.Read(ref _usedBytes) > _options.QuotaBytes)
            {
                Writer.DeleteDelivered(long.MaxValue);
                RefreshUsage();
            }

            if (Interlocked.Read(ref _usedBytes) > _options.QuotaBytes)
            {
                Writer.ThinPositions(now - 600_000);
                RefreshUsage();
            }

            var used = Interlocked.Read(ref _usedBytes);
            var mode = used > _options.QuotaBytes * 1.1 ? 2 : used > _options.QuotaBytes ? 1 : 0;
            Volatile.Write(ref _mode, mode);
        }
        catch (SqliteException)
        {
            // Housekeeping must never stop the writer; it runs again within a second.
        }
    }

    private void RefreshUsage() => Interlocked.Exchange(ref _usedBytes, Writer.UsedBytes());
}
