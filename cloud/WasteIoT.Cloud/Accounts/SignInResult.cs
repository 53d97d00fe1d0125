namespace WasteIoT.Cloud.Accounts;

public enum SignInOutcome
{
    SignedIn,
    Refused,
    LockedOut,
}

/// <summary>The result of a sign-in: refused says nothing of whether the name exists.</summary>
public sealed record SignInResult(SignInOutcome Outcome, UserAccount? Account, DateTimeOffset? LockedUntil);
