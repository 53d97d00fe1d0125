using Microsoft.AspNetCore.Identity;

namespace WasteIoT.Cloud.Accounts;

/// <summary>
/// Passwords (ASP.NET Core Identity's PasswordHasher: PBKDF2 with a per-user salt) and lockout: after
/// <see cref="LockAfter"/> failures in a row an account is locked for <see cref="LockFor"/>, whatever is typed.
/// </summary>
public sealed class AccountService(UserStore users, TimeProvider time)
{
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
            return new SignInResult(SignInOutcome.Refused, null, null);
        }

        if (user.LockedUntil > now)
        {
            return new SignInResult(SignInOutcome.LockedOut, null, user.LockedUntil);
        }

        var verdict = user.Hash.Length == 0 ? PasswordVerificationResult.Failed : Hasher.VerifyHashedPassword(user.Account, user.Hash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            await users.RecordFailureAsync(name, LockAfter, now + LockFor, cancellationToken);
            return user.Failures + 1 >= LockAfter
                ? new SignInResult(SignInOutcome.LockedOut, null, now + LockFor)
                : new SignInResult(SignInOutcome.Refused, null, null);
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await users.SetPasswordHashAsync(name, Hasher.HashPassword(user.Account, password), cancellationToken);
        }
        else if (user.Failures > 0)
        {
            await users.ResetFailuresAsync(name, cancellationToken);
        }

        return new SignInResult(SignInOutcome.SignedIn, user.Account, null);
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
