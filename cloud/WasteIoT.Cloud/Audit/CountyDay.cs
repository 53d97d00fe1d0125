using WasteIoT.Cloud.Checks.DataHealth;

namespace WasteIoT.Cloud.Audit;

/// <summary>Every check for every registered thing on one local day, as of <see cref="ComputedAt"/>.</summary>
/// <param name="ReportingDevices">Registered devices that sent anything during the day.</param>
public sealed record CountyDay(
    DateOnly Date,
    DateTimeOffset ComputedAt,
    long RegistryVersion,
    DaySummary Summary,
    IReadOnlyList<RouteAudit> Routes,
    IReadOnlyList<TruckAudit> Trucks,
    IReadOnlyList<BinAudit> Bins,
    IReadOnlyList<ToiletAudit> Toilets,
    IReadOnlyList<StationAudit> Stations,
    IReadOnlyList<PondAudit> Ponds,
    DataHealthResult DataHealth,
    IReadOnlyList<string> ReportingDevices);
