using System.Data.Common;
using System.Globalization;
using WasteIoT.Cloud.Store;

namespace WasteIoT.Cloud.Accounts;

/// <summary>Users, their password hashes (ASP.NET Core Identity's PBKDF2 format) and their failed sign-ins.</summary>
public sealed class UserStore(CloudDatabase database)
{
    public async Task<(UserAccount Account, string Hash, int Failures, DateTimeOffset LockedUntil, string Stamp)?> FindAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT name, display, role, contractor, truck, hash, failures, locked_until, stamp FROM users WHERE name = @n").With("@n", name);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? (Account(reader), reader.GetString(5), reader.GetInt32(6), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)), reader.GetString(8))
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
            "INSERT INTO users (name, display, role, contractor, truck, hash, failures, locked_until, stamp) VALUES (@n, @d, @r, @c, @t, '', 0, 0, @s) " +
            "ON CONFLICT (name) DO UPDATE SET display = excluded.display, role = excluded.role, contractor = excluded.contractor, truck = excluded.truck, " +
            "stamp = CASE WHEN users.role <> excluded.role OR users.contractor <> excluded.contractor OR users.truck <> excluded.truck THEN excluded.stamp ELSE users.stamp END",
            transaction).With("@n", null).With("@d", null).With("@r", null).With("@c", null).With("@t", null).With("@s", null);
        foreach (var user in users)
        {
            upsert.Parameters[0].Value = user.Name;
            upsert.Parameters[1].Value = user.Display;
            upsert.Parameters[2].Value = user.Role.ToString();
            upsert.Parameters[3].Value = user.Contractor;
            upsert.Parameters[4].Value = user.Truck;
            upsert.Parameters[5].Value = NewStamp();
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Sets a new password hash; a new stamp ends the sessions opened with the old password.</summary>
    public async Task<bool> SetPasswordHashAsync(string name, string hash, CancellationToken cancellationToken) =>
        await ExecuteAsync("UPDATE users SET hash = @h, failures = 0, locked_until = 0, stamp = @s WHERE name = @n", cancellationToken, ("@h", hash), ("@s", NewStamp()), ("@n", name)) > 0;

    /// <summary>Keeps the hash after a rehash to a stronger format: the same password, so sessions stay.</summary>
    public async Task<bool> RehashAsync(string name, string hash, CancellationToken cancellationToken) =>
        await ExecuteAsync("UPDATE users SET hash = @h WHERE name = @n", cancellationToken, ("@h", hash), ("@n", name)) > 0;

    /// <summary>The user's session stamp, or null when the user no longer exists.</summary>
    public async Task<string?> StampAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT stamp FROM users WHERE name = @n").With("@n", name);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <summary>
    /// Counts a sign-in attempt before the password is checked, in one statement, so parallel attempts cannot all read
    /// the same count: the attempt that reaches the limit locks the account. Returns the count, or null when the account
    /// is locked (or gone).
    /// </summary>
    public async Task<int?> BeginAttemptAsync(string name, int lockAfter, DateTimeOffset now, DateTimeOffset lockUntil, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            "UPDATE users SET failures = CASE WHEN failures >= @limit THEN 1 ELSE failures + 1 END, " +
            "locked_until = CASE WHEN failures + 1 >= @limit AND failures < @limit THEN @until ELSE locked_until END " +
            "WHERE name = @n AND locked_until <= @now RETURNING failures")
            .With("@limit", lockAfter).With("@until", lockUntil.ToUnixTimeMilliseconds()).With("@n", name).With("@now", now.ToUnixTimeMilliseconds());
        return await command.ExecuteScalarAsync(cancellationToken) is { } count and not DBNull ? Convert.ToInt32(count, CultureInfo.InvariantCulture) : null;
    }

    private static string NewStamp() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken) =>
        await ExecuteAsync("DELETE FROM users WHERE name = @n", cancellationToken, ("@n", name)) > 0;

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
