namespace WasteIoT.Cloud.Checks.Toilets;

/// <summary>A verified cleaning and what the air did around it (null where no readings were made).</summary>
public sealed record Cleaning(DateTimeOffset Start, DateTimeOffset End, string Badge, bool ByAssignedCleaner, double? Nh3Before, double? Nh3After)
{
    public bool? OdourFell => Nh3Before is { } before && Nh3After is { } after ? after < before : null;
}
