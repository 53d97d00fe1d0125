using WasteIoT.Cloud.Checks.Tonnage;

namespace WasteIoT.Cloud.Audit;

/// <summary>Everything one truck's day adds to the county's: its audit, its route day, its work or muck day, its stops at weighed places.</summary>
internal sealed record TruckOutputs(TruckAudit Audit, TruckDay? Day, WorkVehicleDay? Work, MuckAudit? Muck, IReadOnlyList<StationStop> Stops);
