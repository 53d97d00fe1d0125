namespace WasteIoT.Cloud.Accounts;

public enum SignInOutcome
{
    SignedIn,
    Refused,
    LockedOut,
}

/// <summary>The result of a sign-in: refused says nothing of whether the name exists.</summary>
public sealed record SignInResult(SignInOutcome Outcome, UserAccount? Account, DateTimeOffset? LockedUntil)
{
    /// <summary>The user's session stamp, carried in the cookie: a session whose stamp changed is over.</summary>
    public string Stamp { get; init; } = string.Empty;
}
