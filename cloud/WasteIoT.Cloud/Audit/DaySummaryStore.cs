using System.Globalization;
using System.Text.Json;
using WasteIoT.Cloud.Store;

namespace WasteIoT.Cloud.Audit;

/// <summary>
/// Each closed day's summary per contractor, kept when the day is computed, so a month's scorecard is a read of thirty
/// rows and not thirty county days recomputed. A day computed again (late data) replaces its rows.
/// </summary>
public sealed class DaySummaryStore(CloudDatabase database)
{
    public async Task SaveAsync(DateOnly day, IReadOnlyDictionary<string, DaySummary> byContractor, DateTimeOffset computed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(byContractor);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var upsert = connection.Command(
            "INSERT INTO day_summaries (day, contractor, json, computed) VALUES (@d, @c, @j, @t) ON CONFLICT (day, contractor) DO UPDATE SET json = excluded.json, computed = excluded.computed",
            transaction).With("@d", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).With("@c", null).With("@j", null).With("@t", computed.ToUnixTimeMilliseconds());
        foreach (var (contractor, summary) in byContractor)
        {
            upsert.Parameters[1].Value = contractor;
            upsert.Parameters[2].Value = JsonSerializer.Serialize(summary, AuditJsonContext.Default.DaySummary);
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The kept summaries of the days in [first, last], by contractor.</summary>
    public async Task<IReadOnlyList<(DateOnly Day, string Contractor, DaySummary Summary)>> ReadAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT day, contractor, json FROM day_summaries WHERE day >= @a AND day <= @b ORDER BY day, contractor")
            .With("@a", first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).With("@b", last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var rows = new List<(DateOnly, string, DaySummary)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (JsonSerializer.Deserialize(reader.GetString(2), AuditJsonContext.Default.DaySummary) is { } summary)
            {
                rows.Add((DateOnly.ParseExact(reader.GetString(0), "yyyy-MM-dd", CultureInfo.InvariantCulture), reader.GetString(1), summary));
            }
        }

        return rows;
    }
}
