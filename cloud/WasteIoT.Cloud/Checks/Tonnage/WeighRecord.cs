namespace WasteIoT.Cloud.Checks.Tonnage;

/// <summary>One weighbridge pass as stored; the visit's gross, tare and net only on the pass that completed it.</summary>
public sealed record WeighRecord(DateTimeOffset Ts, bool Out, int WeightKg, bool Stable, string? Tag, string? Vehicle, string? Ticket, int? GrossKg, int? TareKg, int? NetKg);
