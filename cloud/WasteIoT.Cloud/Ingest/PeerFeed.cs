using System.Buffers;
using System.Text.Json;
using System.Threading.Channels;
using Npgsql;
using WasteIoT.Cloud.Store;
using WasteIoT.Contracts.Messages;

namespace WasteIoT.Cloud.Ingest;

/// <summary>
/// Tells a county's other instances, through PostgreSQL's NOTIFY, what this one stored, and hands what they stored to
/// this instance's feed: a truck whose gateway is on another instance moves on this instance's live map, and its
/// caches see that data came. Off the ingest path: batches queue and leave as one notice every <see cref="Every"/>;
/// a notice lost (a dropped listening connection) costs a truck one position on a map, never a stored reading.
/// </summary>
internal sealed partial class PeerFeed(PostgresCloudDatabase database, IngestFeed feed, ILogger<PeerFeed> logger) : BackgroundService
{
    private const string Channel = "wiot_stored";

    /// <summary>PostgreSQL refuses a payload of 8,000 bytes or more.</summary>
    private const int MaxPayload = 7_900;

    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(200);

    private readonly string _self = Guid.NewGuid().ToString("N");
    private readonly Channel<IReadOnlyList<StoredReading>> _outbox = System.Threading.Channels.Channel.CreateBounded<IReadOnlyList<StoredReading>>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    private long _sent;
    private long _received;
    private long _broken;
    private long _lost;

    public long NoticesSent => Interlocked.Read(ref _sent);

    public long NoticesReceived => Interlocked.Read(ref _received);

    /// <summary>Notices that could not be read (counted, never thrown).</summary>
    public long NoticesBroken => Interlocked.Read(ref _broken);

    /// <summary>Times the listening or sending connection failed and was opened again.</summary>
    public long ConnectionsLost => Interlocked.Read(ref _lost);

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        feed.StoredHere += OnStoredHere;
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        feed.StoredHere -= OnStoredHere;
        await base.StopAsync(cancellationToken);
    }

    private void OnStoredHere(IReadOnlyList<StoredReading> readings) => _outbox.Writer.TryWrite(readings);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(ListenAsync(stoppingToken), SendAsync(stoppingToken));

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await database.DataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, e) => Receive(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Anything (a dropped connection, a subscriber's surprise) costs a second of notices, never the host.
                Interlocked.Increment(ref _lost);
                LogConnectionLost(logger, e.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task SendAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var batches = new List<IReadOnlyList<StoredReading>>();
                while (_outbox.Reader.TryRead(out var batch))
                {
                    batches.Add(batch);
                }

                if (batches.Count == 0)
                {
                    continue;
                }

                try
                {
                    await using var connection = await database.DataSource.OpenConnectionAsync(stoppingToken);
                    foreach (var payload in Notices(_self, batches))
                    {
                        await using var notify = new NpgsqlCommand("SELECT pg_notify(@c, @p)", connection);
                        notify.Parameters.AddWithValue("c", Channel);
                        notify.Parameters.AddWithValue("p", payload);
                        await notify.ExecuteNonQueryAsync(stoppingToken);
                        Interlocked.Increment(ref _sent);
                    }
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    Interlocked.Increment(ref _lost);
                    LogConnectionLost(logger, e.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// The notices for some stored batches: what a live view needs (each truck's newest fix, every cover event), in
    /// notices under PostgreSQL's size limit; at least one, so a batch of nothing a view needs still tells the caches.
    /// </summary>
    internal static IEnumerable<string> Notices(string from, IReadOnlyList<IReadOnlyList<StoredReading>> batches)
    {
        var live = batches.SelectMany(b => b).Where(r => r.Kind == MessageKinds.Cover).ToList();
        live.AddRange(batches.SelectMany(b => b).Where(r => r.Kind == MessageKinds.Position).GroupBy(r => r.Device, StringComparer.Ordinal).Select(g => g.MaxBy(r => r.Ts)!));
        var buffer = new ArrayBufferWriter<byte>();
        using var writer = new Utf8JsonWriter(buffer);
        var open = false;
        foreach (var row in live.Where(r => r.Json.Length < MaxPayload / 2))
        {
            if (open && writer.BytesCommitted + writer.BytesPending + row.Json.Length + 200 > MaxPayload)
            {
                yield return Close(writer, buffer);
                open = false;
            }

            if (!open)
            {
                writer.Reset(buffer);
                Begin(writer, from);
                open = true;
            }

            writer.WriteStartObject();
            writer.WriteString("d", row.Device);
            writer.WriteNumber("b", row.Boot);
            writer.WriteNumber("s", row.Seq);
            writer.WriteString("k", row.Kind);
            writer.WriteNumber("t", row.Ts.ToUnixTimeMilliseconds());
            writer.WriteNumber("r", row.GatewayRx.ToUnixTimeMilliseconds());
            writer.WriteString("g", row.Gateway);
            writer.WritePropertyName("m");
            writer.WriteRawValue(row.Json, skipInputValidation: false);
            writer.WriteEndObject();
        }

        if (!open)
        {
            Begin(writer, from);
        }

        yield return Close(writer, buffer);

        static void Begin(Utf8JsonWriter writer, string from)
        {
            writer.WriteStartObject();
            writer.WriteString("from", from);
            writer.WriteStartArray("rows");
        }

        static string Close(Utf8JsonWriter writer, ArrayBufferWriter<byte> buffer)
        {
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.Flush();
            var text = System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
            buffer.Clear();
            return text;
        }
    }

    /// <summary>
    /// Reads a peer's notice into rows; null (counted) when it is not one. Each row's message must decode as the contract's
    /// message of its kind and device, as ingest checked it: the views it feeds trust what was stored.
    /// </summary>
    internal static (string From, List<StoredReading> Rows)? Read(string payload)
    {
        try
        {
            using var notice = JsonDocument.Parse(payload);
            var from = notice.RootElement.GetProperty("from").GetString() ?? throw new FormatException("from");
            var rows = new List<StoredReading>();
            foreach (var row in notice.RootElement.GetProperty("rows").EnumerateArray())
            {
                var stored = new StoredReading(row.GetProperty("d").GetString()!, row.GetProperty("b").GetInt64(), row.GetProperty("s").GetInt64(), row.GetProperty("k").GetString()!,
                    DateTimeOffset.FromUnixTimeMilliseconds(row.GetProperty("t").GetInt64()), DateTimeOffset.FromUnixTimeMilliseconds(row.GetProperty("r").GetInt64()),
                    row.GetProperty("g").GetString()!, System.Text.Encoding.UTF8.GetBytes(row.GetProperty("m").GetRawText()));
                if (Readings.RowDecoder.Decode(stored.Kind, stored.Json, stored.Device) is not { } message || message.Kind != stored.Kind || message.Device != stored.Device)
                {
                    return null;
                }

                rows.Add(stored);
            }

            return (from, rows);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    private void Receive(string payload)
    {
        if (Read(payload) is not { } notice)
        {
            Interlocked.Increment(ref _broken);
            return;
        }

        if (notice.From == _self)
        {
            return;
        }

        Interlocked.Increment(ref _received);
        feed.Publish(notice.Rows, byPeer: true);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The connection telling the county's other instances what was stored failed ({Reason}); opening it again")]
    private static partial void LogConnectionLost(ILogger logger, string reason);
}
