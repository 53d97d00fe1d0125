using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using WasteIoT.Contracts.Security;
using WasteIoT.Contracts.Validation;
using WasteIoT.Gateway.Store;

namespace WasteIoT.Gateway.Devices;

/// <summary>Device credentials (see <see cref="CredentialHash"/>), cached after the first check.</summary>
public sealed class DeviceRegistry(GatewayStore store, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (byte[] Salt, byte[] Hash, bool Disabled)?> _cache = new(StringComparer.Ordinal);

    /// <summary>Creates or replaces a device's credentials.</summary>
    /// <returns>The secret, to hand to the device; it cannot be recovered later.</returns>
    public string Provision(string deviceId)
    {
        if (!Check.IsValidId(deviceId))
        {
            throw new ArgumentException($"'{deviceId}' is not a valid device id (3..32 of [a-z0-9-])", nameof(deviceId));
        }

        var secret = CredentialHash.NewSecret();
        var (salt, hash) = CredentialHash.Create(secret);
        using var connection = store.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO devices (id, salt, hash, created, disabled) VALUES ($id, $salt, $hash, $created, 0)
            ON CONFLICT (id) DO UPDATE SET salt = excluded.salt, hash = excluded.hash, disabled = 0
            """;
        command.Parameters.AddWithValue("$id", deviceId);
        command.Parameters.AddWithValue("$salt", salt);
        command.Parameters.AddWithValue("$hash", hash);
        command.Parameters.AddWithValue("$created", time.GetUtcNow().ToUnixTimeMilliseconds());
        command.ExecuteNonQuery();
        _cache.TryRemove(deviceId, out _);
        return secret;
    }

    public bool Verify(string deviceId, string? secret)
    {
        if (string.IsNullOrEmpty(secret) || !Check.IsValidId(deviceId))
        {
            return false;
        }

        var entry = _cache.GetOrAdd(deviceId, Load);
        return entry is { Disabled: false } e && CredentialHash.Verify(e.Salt, e.Hash, secret);
    }

    public IReadOnlyList<string> List()
    {
        using var connection = store.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM devices WHERE disabled = 0 ORDER BY id";
        using var reader = command.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private (byte[] Salt, byte[] Hash, bool Disabled)? Load(string deviceId)
    {
        using var connection = store.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT salt, hash, disabled FROM devices WHERE id = $id";
        command.Parameters.AddWithValue("$id", deviceId);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ((byte[])reader.GetValue(0), (byte[])reader.GetValue(1), reader.GetInt64(2) != 0) : null;
    }
}
