using WasteIoT.Cloud.Checks.Evidence;
using WasteIoT.Cloud.Checks.Toilets;

namespace WasteIoT.Cloud.Audit;

/// <param name="Odour">The day's air readings (warm-up excluded), for the odour curve.</param>
/// <param name="Evidence">How much of the opening hours the toilet's nodes were heard.</param>
public sealed record ToiletAudit(
    string Toilet, string Name, string Contractor, ToiletClass Class, ToiletAuditResult Result, IReadOnlyList<AirRecord> Odour, VerdictState Cleaning, VerdictState OdourState, WindowEvidence Evidence)
{
    /// <summary>The configured limits this toilet was judged against (its class's NH3, the H2S limit), mg/m³.</summary>
    public double Nh3Limit { get; init; }

    public double H2sLimit { get; init; }
}
