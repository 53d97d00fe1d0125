using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace WasteIoT.Cloud.Accounts;

/// <summary>
/// Checks every session's stamp against its user's, at most every few seconds per user: deleting a user, setting a new
/// password or changing a role or scope changes the stamp and ends the user's sessions within <see cref="Recheck"/>.
/// </summary>
public sealed class SessionValidator(UserStore users, TimeProvider time)
{
    public const string StampClaim = "wiot:stamp";
    public static readonly TimeSpan Recheck = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<string, (string? Stamp, DateTimeOffset Read)> _stamps = new(StringComparer.Ordinal);

    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var name = context.Principal?.FindFirstValue(ClaimTypes.Name);
        var stamp = context.Principal?.FindFirstValue(StampClaim);
        if (name is null || stamp is null || await CurrentAsync(name, context.HttpContext.RequestAborted) != stamp)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    private async Task<string?> CurrentAsync(string name, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_stamps.TryGetValue(name, out var known) && now - known.Read < Recheck)
        {
            return known.Stamp;
        }

        var stamp = await users.StampAsync(name, cancellationToken);
        _stamps[name] = (stamp, now);
        return stamp;
    }
}
