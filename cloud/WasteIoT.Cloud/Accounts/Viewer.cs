using System.Security.Claims;

namespace WasteIoT.Cloud.Accounts;

/// <summary>The signed-in user as the API scopes data for them.</summary>
public sealed record Viewer(string Name, UserRole Role, string Contractor, string Truck)
{
    public const string ContractorClaim = "wiot:contractor";
    public const string TruckClaim = "wiot:truck";

    public bool IsBureau => Role == UserRole.Bureau;

    public static Viewer From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new Viewer(
            user.Identity?.Name ?? string.Empty,
            Enum.TryParse<UserRole>(user.FindFirstValue(ClaimTypes.Role), out var role) ? role : UserRole.Crew,
            user.FindFirstValue(ContractorClaim) ?? string.Empty,
            user.FindFirstValue(TruckClaim) ?? string.Empty);
    }

    /// <summary>Whether rows of this contractor are visible (the bureau's own rows, contractor "", only to the bureau).</summary>
    public bool Sees(string contractor) => IsBureau || (contractor.Length > 0 && contractor == Contractor);

    /// <summary>Whether this truck (and what is about it: its routes, its track) is visible.</summary>
    public bool SeesTruck(string plate, string contractor) => Role switch
    {
        UserRole.Bureau => true,
        UserRole.Contractor => Sees(contractor),
        _ => plate == Truck && Sees(contractor),
    };

    /// <summary>Sites, bins and ponds: the bureau and their contractor; a crew member sees only their truck's work.</summary>
    public bool SeesSite(string contractor) => Role != UserRole.Crew && Sees(contractor);
}
