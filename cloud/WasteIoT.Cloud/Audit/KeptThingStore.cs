using System.Globalization;
using WasteIoT.Cloud.Store;

namespace WasteIoT.Cloud.Audit;

/// <summary>
/// Things' audits of settled days as kept by <see cref="CountyAudit"/> (<c>kept_things</c>): after a restart, a settled
/// day is taken from here, thing by thing, while the registry kinds and device versions it was computed from hold.
/// </summary>
public sealed class KeptThingStore(CloudDatabase database)
{
    public async Task SaveAsync(DateOnly day, IReadOnlyList<(string Thing, long Registry, long Fingerprint, byte[] Json)> things, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(things);
        if (things.Count == 0)
        {
            return;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var upsert = connection.Command(
            "INSERT INTO kept_things (day, thing, registry, fingerprint, json) VALUES (@d, @t, @r, @f, @j) ON CONFLICT (day, thing) DO UPDATE SET registry = excluded.registry, fingerprint = excluded.fingerprint, json = excluded.json",
            transaction).With("@d", Key(day)).With("@t", null).With("@r", null).With("@f", null).With("@j", null);
        // In one order: two instances writing the same day's things lock their rows the same way round.
        foreach (var (thing, registry, fingerprint, json) in things.OrderBy(t => t.Thing, StringComparer.Ordinal))
        {
            upsert.Parameters[1].Value = thing;
            upsert.Parameters[2].Value = registry;
            upsert.Parameters[3].Value = fingerprint;
            upsert.Parameters[4].Value = json;
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);

        // Only the latest settled days are worth keeping: older ones are read again if anyone asks.
        await using var trim = connection.Command("DELETE FROM kept_things WHERE day < @old").With("@old", Key(day.AddDays(-KeptDays)));
        await trim.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<(string Thing, long Registry, long Fingerprint, byte[] Json)>> LoadAsync(DateOnly day, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT thing, registry, fingerprint, json FROM kept_things WHERE day = @d").With("@d", Key(day));
        var rows = new List<(string, long, long, byte[])>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), (byte[])reader.GetValue(3)));
        }

        return rows;
    }

    /// <summary>Days back from the newest kept day that stay in the table.</summary>
    public const int KeptDays = 7;

    private static string Key(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
