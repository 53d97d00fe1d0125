namespace WasteIoT.Cloud.Checks.Tonnage;

/// <summary>A completed weighing at the station: the vehicle (null when unidentified), which way its load went, and the net.</summary>
public sealed record StationVisit(DateTimeOffset Ts, string? Truck, string? Tag, string? Ticket, LedgerFlow Flow, int GrossKg, int TareKg, int NetKg);
