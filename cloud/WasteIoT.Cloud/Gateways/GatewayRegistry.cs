using System.Collections.Concurrent;
using System.Data.Common;
using WasteIoT.Cloud.Store;
using WasteIoT.Contracts.Security;
using WasteIoT.Contracts.Validation;

namespace WasteIoT.Cloud.Gateways;

/// <summary>Gateways' credentials and the devices assigned to each (a gateway may only forward its own devices).</summary>
public sealed class GatewayRegistry(CloudDatabase database, TimeProvider time)
{
    // Assignments are cached per gateway. Another cloud instance may assign a device, so a miss re-reads the
    // gateway's list, at most once per interval: a stream of records from a stray device costs no query each.
    private static readonly TimeSpan RecheckMissAfter = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<string, (IReadOnlySet<string> Devices, DateTimeOffset Loaded)> _devices = new(StringComparer.Ordinal);

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
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        using (var upsert = connection.Command("INSERT INTO gateways (id, salt, hash) VALUES (@id, @salt, @hash) ON CONFLICT (id) DO UPDATE SET salt = excluded.salt, hash = excluded.hash", transaction))
        {
            upsert.With("@id", gatewayId).With("@salt", salt).With("@hash", hash).ExecuteNonQuery();
        }

        Assign(connection, transaction, gatewayId, devices);
        transaction.Commit();
        _devices.TryRemove(gatewayId, out _);
        return secret;
    }

    public bool Verify(string gatewayId, string? secret)
    {
        using var connection = database.Open();
        using var command = connection.Command("SELECT salt, hash FROM gateways WHERE id = @id").With("@id", gatewayId);
        using var reader = command.ExecuteReader();
        return reader.Read() && CredentialHash.Verify((byte[])reader.GetValue(0), (byte[])reader.GetValue(1), secret);
    }

    public bool IsAssigned(string gatewayId, string device)
    {
        var now = time.GetUtcNow();
        if (_devices.TryGetValue(gatewayId, out var cached) && (cached.Devices.Contains(device) || now - cached.Loaded < RecheckMissAfter))
        {
            return cached.Devices.Contains(device);
        }

        var loaded = (LoadDevices(gatewayId), now);
        _devices[gatewayId] = loaded;
        return loaded.Item1.Contains(device);
    }

    private static void Assign(DbConnection connection, DbTransaction transaction, string gatewayId, IEnumerable<string> devices)
    {
        using var insert = connection.Command("INSERT INTO gateway_devices (gateway, device) VALUES (@g, @d) ON CONFLICT DO NOTHING", transaction)
            .With("@g", gatewayId).With("@d", null);
        foreach (var device in devices)
        {
            insert.Parameters[1].Value = device;
            insert.ExecuteNonQuery();
        }
    }

    private HashSet<string> LoadDevices(string gatewayId)
    {
        using var connection = database.Open();
        using var command = connection.Command("SELECT device FROM gateway_devices WHERE gateway = @g").With("@g", gatewayId);
        using var reader = command.ExecuteReader();
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            set.Add(reader.GetString(0));
        }

        return set;
    }
}
