namespace WasteIoT.Cloud.Accounts;

/// <summary>A user as shown and edited (never with the password).</summary>
/// <param name="Contractor">The contractor a contractor or crew user belongs to; empty for the bureau.</param>
/// <param name="Truck">A crew member's truck (plate); empty otherwise.</param>
public sealed record UserAccount(string Name, string Display, UserRole Role, string Contractor, string Truck);
