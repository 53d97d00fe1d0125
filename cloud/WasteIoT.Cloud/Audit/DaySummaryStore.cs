using System.Globalization;
using System.Text.Json;
using WasteIoT.Cloud.Checks.Tonnage;
using WasteIoT.Cloud.Store;

namespace WasteIoT.Cloud.Audit;

/// <summary>
/// Each closed day's summary per contractor, kept when the day is computed, so a month's scorecard is a read of thirty
/// rows and not thirty county days recomputed. A day computed again (late data) replaces its rows.
/// </summary>
public sealed class DaySummaryStore(CloudDatabase database)
{
    /// <param name="collection">The day's tonnes per collection truck, kept beside the summaries (the month by truck and route).</param>
    public async Task SaveAsync(DateOnly day, IReadOnlyDictionary<string, DaySummary> byContractor, IReadOnlyList<TruckTonnage> collection, DateTimeOffset computed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(byContractor);
        ArgumentNullException.ThrowIfNull(collection);
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

        // A day computed again replaces its trucks: one that no longer delivered (a card re-registered) leaves no row.
        var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await using (var clear = connection.Command("DELETE FROM day_collection WHERE day = @d", transaction).With("@d", date))
        {
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var insert = connection.Command(
            "INSERT INTO day_collection (day, truck, contractor, route, tonnes, trips, unweighed, overloads) VALUES (@d, @k, @c, @r, @t, @n, @u, @o) "
            + "ON CONFLICT (day, truck) DO UPDATE SET contractor = excluded.contractor, route = excluded.route, tonnes = excluded.tonnes, trips = excluded.trips, "
            + "unweighed = excluded.unweighed, overloads = excluded.overloads", transaction)
            .With("@d", date).With("@k", null).With("@c", null).With("@r", null).With("@t", null).With("@n", null).With("@u", null).With("@o", null);
        // An upsert, in one order: another instance keeping the same day may have inserted these rows since our delete.
        foreach (var truck in collection.OrderBy(t => t.Truck, StringComparer.Ordinal))
        {
            insert.Parameters[1].Value = truck.Truck;
            insert.Parameters[2].Value = truck.Contractor;
            insert.Parameters[3].Value = truck.Route ?? string.Empty;
            insert.Parameters[4].Value = truck.DeliveredT;
            insert.Parameters[5].Value = truck.Trips;
            insert.Parameters[6].Value = truck.Unweighed.Count;
            insert.Parameters[7].Value = truck.Overloads.Count;
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The kept tonnes per collection truck of the days in [first, last].</summary>
    public async Task<IReadOnlyList<TruckDayTonnes>> ReadCollectionAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT day, truck, contractor, route, tonnes, trips, unweighed, overloads FROM day_collection WHERE day >= @a AND day <= @b ORDER BY day, truck")
            .With("@a", first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).With("@b", last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var rows = new List<TruckDayTonnes>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var route = reader.GetString(3);
            rows.Add(new TruckDayTonnes(DateOnly.ParseExact(reader.GetString(0), "yyyy-MM-dd", CultureInfo.InvariantCulture), reader.GetString(1), reader.GetString(2),
                route.Length == 0 ? null : route, reader.GetDouble(4), Convert.ToInt32(reader.GetValue(5), CultureInfo.InvariantCulture),
                Convert.ToInt32(reader.GetValue(6), CultureInfo.InvariantCulture), Convert.ToInt32(reader.GetValue(7), CultureInfo.InvariantCulture)));
        }

        return rows;
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
