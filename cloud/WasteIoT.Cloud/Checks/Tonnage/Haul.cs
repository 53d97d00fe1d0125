using WasteIoT.Cloud.Checks.Evidence;

namespace WasteIoT.Cloud.Checks.Tonnage;

/// <summary>
/// A transfer truck's haul out of a station and where it was disposed of: the landfill visit that weighed it in
/// within <see cref="TonnageRules.HaulWithin"/> (null when none). <see cref="State"/>: ok when weighed in; a shortfall
/// when no landfill weighed it though every landfill's weighbridge was heard over the whole window; otherwise
/// unverified (a window crossing midnight is read with the next day's weighings only as far as the day's data goes).
/// </summary>
public sealed record Haul(string Truck, string Contractor, string Station, DateTimeOffset Ts, int NetKg, string? Landfill, DateTimeOffset? DisposedAt, int? DisposedKg, VerdictState State);
