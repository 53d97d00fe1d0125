using WasteIoT.Cloud.Checks.Toilets;

namespace WasteIoT.Cloud.Checks.TransferStations;

public sealed record TransferStationResult(string Station, IReadOnlyList<OdourExceedance> Exceedances, int Disinfections, bool Disinfected, bool HasAirData)
{
    /// <summary>Stretches over a boundary limit long enough to count: what odour is judged on.</summary>
    public IReadOnlyList<Toilets.OdourEpisode> Episodes { get; init; } = [];
}
