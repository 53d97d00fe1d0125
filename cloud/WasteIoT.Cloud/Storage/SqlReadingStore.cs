using System.Data.Common;

namespace WasteIoT.Cloud.Storage;

/// <summary>The reads, in SQL both databases share; each database writes its own fastest way.</summary>
public abstract class SqlReadingStore(CloudDatabase database) : IReadingStore
{
    protected CloudDatabase Database { get; } = database;

    public abstract Task<IngestOutcome> IngestAsync(IReadOnlyList<StoredReading> readings, IReadOnlyList<QuarantinedRecord> quarantined, CancellationToken cancellationToken);

    public async Task<IReadOnlyList<StoredReading>> ReadDeviceAsync(string device, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT device, boot, seq, kind, ts, rx, gateway, json FROM readings WHERE device = @d AND ts >= @from AND ts < @to ORDER BY ts, boot, seq")
            .With("@d", device).With("@from", from.ToUnixTimeMilliseconds()).With("@to", to.ToUnixTimeMilliseconds());
        var rows = new List<StoredReading>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);

        // SQLite's async read is the sync one wrapped; a day of fixes is millions of rows, so read them directly there.
        var sync = Database.Provider == DatabaseProvider.Sqlite;
        string? lastKind = null, lastGateway = null;
        while (sync ? reader.Read() : await reader.ReadAsync(cancellationToken))
        {
            // A device's rows repeat a handful of kinds and gateways: keep one string of each instead of one per row.
            var kind = reader.GetString(3);
            lastKind = kind == lastKind ? lastKind : kind;
            var gateway = reader.GetString(6);
            lastGateway = gateway == lastGateway ? lastGateway : gateway;
            rows.Add(new StoredReading(device, reader.GetInt64(1), reader.GetInt64(2), lastKind,
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)), lastGateway, (byte[])reader.GetValue(7)));
        }

        return rows;
    }

    public Task<StoredReading?> LatestAsync(string device, string kind, CancellationToken cancellationToken) =>
        OneAsync("SELECT device, boot, seq, kind, ts, rx, gateway, json FROM readings WHERE device = @d AND kind = @k ORDER BY ts DESC LIMIT 1", device, "@k", kind, cancellationToken);

    public Task<StoredReading?> LastBeforeAsync(string device, DateTimeOffset before, CancellationToken cancellationToken) =>
        OneAsync("SELECT device, boot, seq, kind, ts, rx, gateway, json FROM readings WHERE device = @d AND ts < @t ORDER BY ts DESC LIMIT 1", device, "@t", before.ToUnixTimeMilliseconds(), cancellationToken);

    private async Task<StoredReading?> OneAsync(string sql, string device, string name, object value, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var command = connection.Command(sql).With("@d", device).With(name, value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new StoredReading(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetString(3),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)), reader.GetString(6), (byte[])reader.GetValue(7))
            : null;
    }

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

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT COUNT(*) FROM readings");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Devices that sent anything in a time range, for checks over every device of a kind.</summary>
    public async Task<IReadOnlyList<string>> ActiveDevicesAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT DISTINCT device FROM readings WHERE ts >= @from AND ts < @to")
            .With("@from", from.ToUnixTimeMilliseconds()).With("@to", to.ToUnixTimeMilliseconds());
        var devices = new List<string>();
        await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            devices.Add(reader.GetString(0));
        }

        return devices;
    }
}
