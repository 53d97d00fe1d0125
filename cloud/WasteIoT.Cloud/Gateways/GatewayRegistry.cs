using System.Collections.Concurrent;
using WasteIoT.Contracts.Security;
using WasteIoT.Contracts.Validation;
using WasteIoT.Cloud.Storage;

namespace WasteIoT.Cloud.Gateways;

/// <summary>Gateways' credentials and the devices assigned to each (a gateway may only forward its own devices).</summary>
public sealed class GatewayRegistry(SqliteReadingStore store)
{
    private readonly ConcurrentDictionary<string, IReadOnlySet<string>> _devices = new(StringComparer.Ordinal);

    /// <summary>Creates or replaces a gateway's credentials and assigns it devices.</summary>
    /// <returns>The secret, shown once.</returns>
    public string Provision(string gatewayId, IEnumerable<string> devices)
    {
        if (!Check.IsValidId(gatewayId))
        {
            throw new ArgumentException($"'{gatewayId}' is not a valid gateway id", nameof(gatewayId));
        }

        var secret = CredentialHash.NewSecret();
        var (salt, hash) = CredentialHash.Create(secret);
        using var connection = store.Open();
        using var transaction = connection.BeginTransaction();
        using (var upsert = connection.CreateCommand())
        {
            upsert.Transaction = transaction;
            upsert.CommandText = "INSERT INTO gateways (id, salt, hash) VALUES ($id, $salt, $hash) ON CONFLICT (id) DO UPDATE SET salt = excluded.salt, hash = excluded.hash";
            upsert.Parameters.AddWithValue("$id", gatewayId);
            upsert.Parameters.AddWithValue("$salt", salt);
            upsert.Parameters.AddWithValue("$hash", hash);
            upsert.ExecuteNonQuery();
        }

        Assign(connection, transaction, gatewayId, devices);
        transaction.Commit();
        _devices.TryRemove(gatewayId, out _);
        return secret;
    }

    public bool Verify(string gatewayId, string? secret)
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT salt, hash FROM gateways WHERE id = $id";
        command.Parameters.AddWithValue("$id", gatewayId);
        using var reader = command.ExecuteReader();
        return reader.Read() && CredentialHash.Verify((byte[])reader.GetValue(0), (byte[])reader.GetValue(1), secret);
    }

    public bool IsAssigned(string gatewayId, string device) =>
        _devices.GetOrAdd(gatewayId, LoadDevices).Contains(device);

    private static void Assign(Microsoft.Data.Sqlite.SqliteConnection connection, Microsoft.Data.Sqlite.SqliteTransaction transaction, string gatewayId, IEnumerable<string> devices)
    {
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT OR IGNORE INTO gateway_devices (gateway, device) VALUES ($g, $d)";
        var g = insert.Parameters.AddWithValue("$g", gatewayId);
        var d = insert.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter("$d", null));
        foreach (var device in devices)
        {
            d.Value = device;
            insert.ExecuteNonQuery();
        }
    }

    private HashSet<string> LoadDevices(string gatewayId)
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT device FROM gateway_devices WHERE gateway = $g";
        command.Parameters.AddWithValue("$g", gatewayId);
        using var reader = command.ExecuteReader();
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            set.Add(reader.GetString(0));
        }

        return set;
    }
}
