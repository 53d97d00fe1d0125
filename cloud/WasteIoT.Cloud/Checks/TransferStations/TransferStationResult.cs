using WasteIoT.Cloud.Checks.Toilets;

namespace WasteIoT.Cloud.Checks.TransferStations;

public sealed record TransferStationResult(string Station, IReadOnlyList<OdourExceedance> Exceedances, int Disinfections, bool Disinfected, bool HasAirData);
