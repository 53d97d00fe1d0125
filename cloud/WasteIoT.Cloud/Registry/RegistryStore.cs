using System.Data.Common;
using System.Text.Json;
using WasteIoT.Cloud.Store;

namespace WasteIoT.Cloud.Registry;

/// <summary>
/// Registry rows as JSON documents keyed (kind, id) with their contractor beside them for scoping. Reference data is
/// small and read whole, so documents keep one code path for eight kinds. Every write bumps <c>registry_version</c>,
/// which tells other cloud instances to reload.
/// </summary>
public sealed class RegistryStore(CloudDatabase database, TimeProvider time)
{
    public async Task<long> VersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT version FROM registry_version WHERE id = 1");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<RegistrySnapshot> LoadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        long version;
        await using (var read = connection.Command("SELECT version FROM registry_version WHERE id = 1", transaction))
        {
            version = Convert.ToInt64(await read.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        var rows = new List<(string, IRegistryEntity)>();
        await using (var command = connection.Command("SELECT kind, json FROM registry", transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var kind = RegistryKinds.Find(reader.GetString(0));
                if (kind is not null && JsonSerializer.Deserialize(reader.GetString(1), kind.TypeInfo) is IRegistryEntity entity)
                {
                    rows.Add((kind.Name, entity));
                }
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return new RegistrySnapshot(version, rows);
    }

    public async Task UpsertAsync(RegistryKind kind, IReadOnlyList<IRegistryEntity> entities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(entities);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var upsert = connection.Command(
            "INSERT INTO registry (kind, id, contractor, json, updated) VALUES (@k, @id, @c, @j, @u) ON CONFLICT (kind, id) DO UPDATE SET contractor = excluded.contractor, json = excluded.json, updated = excluded.updated",
            transaction).With("@k", kind.Name).With("@id", null).With("@c", null).With("@j", null).With("@u", time.GetUtcNow().ToUnixTimeMilliseconds()))
        {
            foreach (var entity in entities)
            {
                upsert.Parameters[1].Value = entity.Id;
                upsert.Parameters[2].Value = entity.Contractor;
                upsert.Parameters[3].Value = JsonSerializer.Serialize(entity, kind.TypeInfo);
                await upsert.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await BumpAsync(connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<bool> DeleteAsync(RegistryKind kind, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kind);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        int deleted;
        await using (var delete = connection.Command("DELETE FROM registry WHERE kind = @k AND id = @id", transaction).With("@k", kind.Name).With("@id", id))
        {
            deleted = await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await BumpAsync(connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deleted > 0;
    }

    private static async Task BumpAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var bump = connection.Command("UPDATE registry_version SET version = version + 1 WHERE id = 1", transaction);
        await bump.ExecuteNonQueryAsync(cancellationToken);
    }
}
