using Microsoft.AspNetCore.Identity;

namespace WasteIoT.Cloud.Accounts;

/// <summary>
/// Passwords (ASP.NET Core Identity's PasswordHasher: PBKDF2 with a per-user salt) and lockout: after
/// <see cref="LockAfter"/> failures in a row an account is locked for <see cref="LockFor"/>, whatever is typed.
/// Unknown, wrong and locked are told apart by nothing: each costs one hash verification, and an unknown name locks
/// after as many failures as a real one (counted in memory), so neither the answer nor its time tells which names exist.
/// </summary>
public sealed class AccountService(UserStore users, TimeProvider time)
{
    private const int UnknownNamesKept = 10_000;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (int Failures, DateTimeOffset Until)> _unknown = new(StringComparer.Ordinal);

    public const int LockAfter = 5;
    public const int MinPasswordLength = 10;
    public static readonly TimeSpan LockFor = TimeSpan.FromMinutes(15);
    private static readonly PasswordHasher<UserAccount> Hasher = new();

    // Verifying against a real hash when the name is unknown keeps both answers equally slow: timing does not tell names.
    private static readonly string DecoyHash = Hasher.HashPassword(new UserAccount("decoy", "", UserRole.Crew, "", ""), Convert.ToBase64String(Guid.NewGuid().ToByteArray()));

    public async Task<SignInResult> SignInAsync(string name, string password, CancellationToken cancellationToken)
    {
        var found = await users.FindAsync(name, cancellationToken);
        var now = time.GetUtcNow();
        if (found is not { } user)
        {
            Hasher.VerifyHashedPassword(new UserAccount(name, "", UserRole.Crew, "", ""), DecoyHash, password);
            return UnknownFailure(name, now);
        }

        // Counted before the check, atomically: parallel guesses cannot all read the same count and all be checked.
        var attempt = await users.BeginAttemptAsync(name, LockAfter, now, now + LockFor, cancellationToken);
        var verdict = Hasher.VerifyHashedPassword(user.Account, user.Hash.Length == 0 ? DecoyHash : user.Hash, password);
        if (attempt is null)
        {
            return new SignInResult(SignInOutcome.LockedOut, null, user.LockedUntil > now ? user.LockedUntil : now + LockFor);
        }

        if (verdict == PasswordVerificationResult.Failed || user.Hash.Length == 0)
        {
            return attempt >= LockAfter ? new SignInResult(SignInOutcome.LockedOut, null, now + LockFor) : new SignInResult(SignInOutcome.Refused, null, null);
        }

        await users.ResetFailuresAsync(name, cancellationToken);
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await users.RehashAsync(name, Hasher.HashPassword(user.Account, password), cancellationToken);
        }

        return new SignInResult(SignInOutcome.SignedIn, user.Account, null) { Stamp = user.Stamp };
    }

    private SignInResult UnknownFailure(string name, DateTimeOffset now)
    {
        if (_unknown.Count >= UnknownNamesKept)
        {
            _unknown.Clear();
        }

        var entry = _unknown.AddOrUpdate(name, _ => (1, now + LockFor), (_, e) => e.Until <= now && e.Failures >= LockAfter ? (1, now + LockFor) : (e.Failures + 1, now + LockFor));
        return entry.Failures >= LockAfter ? new SignInResult(SignInOutcome.LockedOut, null, entry.Until) : new SignInResult(SignInOutcome.Refused, null, null);
    }

    /// <summary>Sets a password; returns why it is refused, or null.</summary>
    public async Task<string?> SetPasswordAsync(string name, string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (await users.FindAsync(name, cancellationToken) is not { } user)
        {
            return $"no user '{name}'";
        }

        if (password.Length < MinPasswordLength || password.Contains(name, StringComparison.OrdinalIgnoreCase))
        {
            return $"a password needs at least {MinPasswordLength} characters and must not contain the user name";
        }

        await users.SetPasswordHashAsync(name, Hasher.HashPassword(user.Account, password), cancellationToken);
        return null;
    }

    /// <summary>A random password for a new account, shown once: 20 characters from an alphabet without look-alikes.</summary>
    public static string NewPassword()
    {
        const string Alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return string.Create(20, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Alphabet[System.Security.Cryptography.RandomNumberGenerator.GetInt32(Alphabet.Length)];
            }
        });
    }
}
