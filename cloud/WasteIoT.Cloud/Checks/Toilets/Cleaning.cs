namespace WasteIoT.Cloud.Checks.Toilets;

/// <summary>
/// A verified cleaning session — one or more cleaners' visits that overlap or follow within the session gap — and
/// what the air did around it (null where no readings were made). <see cref="Badge"/> is the first cleaner in.
/// </summary>
public sealed record Cleaning(DateTimeOffset Start, DateTimeOffset End, string Badge, bool ByAssignedCleaner, double? Nh3Before, double? Nh3After)
{
    /// <summary>Every cleaner present in the session, in order of arrival.</summary>
    public IReadOnlyList<string> Cleaners { get; init; } = [Badge];

    public bool? OdourFell => Nh3Before is { } before && Nh3After is { } after ? after < before : null;
}
