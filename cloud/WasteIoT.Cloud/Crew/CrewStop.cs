namespace WasteIoT.Cloud.Crew;

/// <summary>One door of a route, in service order, as the crew needs it on the road.</summary>
/// <param name="State">served, left (not scanned yet, or not verifiable) or missed (proven: the truck was heard passing).</param>
/// <param name="FarM">How far from the door its scan was, when it was too far to count.</param>
public sealed record CrewStop(int Order, string Household, string Address, string Building, double? Lat, double? Lon, string State, double? FarM);
