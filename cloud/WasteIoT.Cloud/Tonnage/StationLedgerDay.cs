namespace WasteIoT.Cloud.Tonnage;

/// <summary>One day of a station's ledger in the month view, t; <see cref="Complete"/> false when an unknown truck or an open pass could change it.</summary>
public sealed record StationLedgerDay(DateOnly Date, double CarriedT, double InT, double OutT, double ResidualT, bool Cleared, int TripsIn, int TripsOut, int Unidentified, int OpenPasses, bool Complete);
