using System.Data.Common;
using System.Globalization;
using WasteIoT.Cloud.Storage;

namespace WasteIoT.Cloud.Accounts;

/// <summary>Users, their password hashes (ASP.NET Core Identity's PBKDF2 format) and their failed sign-ins.</summary>
public sealed class UserStore(CloudDatabase database)
{
    public async Task<(UserAccount Account, string Hash, int Failures, DateTimeOffset LockedUntil)?> FindAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT name, display, role, contractor, truck, hash, failures, locked_until FROM users WHERE name = @n").With("@n", name);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? (Account(reader), reader.GetString(5), reader.GetInt32(6), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)))
            : null;
    }

    public async Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT name, display, role, contractor, truck FROM users ORDER BY name");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var users = new List<UserAccount>();
        while (await reader.ReadAsync(cancellationToken))
        {
            users.Add(Account(reader));
        }

        return users;
    }

    /// <summary>Creates or updates users' profiles; a new user has no password (cannot sign in) until one is set.</summary>
    public async Task UpsertAsync(IReadOnlyList<UserAccount> users, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(users);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var upsert = connection.Command(
            "INSERT INTO users (name, display, role, contractor, truck, hash, failures, locked_until) VALUES (@n, @d, @r, @c, @t, '', 0, 0) " +
            "ON CONFLICT (name) DO UPDATE SET display = excluded.display, role = excluded.role, contractor = excluded.contractor, truck = excluded.truck",
            transaction).With("@n", null).With("@d", null).With("@r", null).With("@c", null).With("@t", null);
        foreach (var user in users)
        {
            upsert.Parameters[0].Value = user.Name;
            upsert.Parameters[1].Value = user.Display;
            upsert.Parameters[2].Value = user.Role.ToString();
            upsert.Parameters[3].Value = user.Contractor;
            upsert.Parameters[4].Value = user.Truck;
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<bool> SetPasswordHashAsync(string name, string hash, CancellationToken cancellationToken) =>
        await ExecuteAsync("UPDATE users SET hash = @h, failures = 0, locked_until = 0 WHERE name = @n", cancellationToken, ("@h", hash), ("@n", name)) > 0;

    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken) =>
        await ExecuteAsync("DELETE FROM users WHERE name = @n", cancellationToken, ("@n", name)) > 0;

    /// <summary>Counts a failed sign-in; the failure that reaches the limit locks the account until <paramref name="lockUntil"/>.</summary>
    public Task RecordFailureAsync(string name, int lockAfter, DateTimeOffset lockUntil, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "UPDATE users SET failures = failures + 1, locked_until = CASE WHEN failures + 1 >= @limit THEN @until ELSE locked_until END WHERE name = @n",
            cancellationToken,
            ("@limit", lockAfter),
            ("@until", lockUntil.ToUnixTimeMilliseconds()),
            ("@n", name));

    public Task ResetFailuresAsync(string name, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE users SET failures = 0, locked_until = 0 WHERE name = @n", cancellationToken, ("@n", name));

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT COUNT(*) FROM users");
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(sql);
        foreach (var (name, value) in parameters)
        {
            command.With(name, value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static UserAccount Account(DbDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), Enum.Parse<UserRole>(reader.GetString(2)), reader.GetString(3), reader.GetString(4));
}
