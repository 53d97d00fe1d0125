using WasteIoT.Cloud.Checks.Clearance;
using WasteIoT.Cloud.Checks.Coverage;
using WasteIoT.Cloud.Checks.Evidence;
using WasteIoT.Cloud.Checks.Muck;
using WasteIoT.Cloud.Checks.Ponds;
using WasteIoT.Cloud.Checks.Roads;
using WasteIoT.Cloud.Checks.SealedTransport;
using WasteIoT.Cloud.Checks.Toilets;
using WasteIoT.Cloud.Checks.Tonnage;
using WasteIoT.Cloud.Checks.TransferStations;

namespace WasteIoT.Cloud.Checks;

/// <summary>The <c>Cloud:Rules</c> section: every threshold the checks use, with the standards' values as defaults.</summary>
public sealed class CheckRules
{
    public const string Section = "Cloud:Rules";

    public SealedTransportRules SealedTransport { get; set; } = new();

    public CoverageRules Coverage { get; set; } = new();

    public ClearanceRules Clearance { get; set; } = new();

    public ToiletRules Toilets { get; set; } = new();

    public TransferStationRules TransferStations { get; set; } = new();

    public RoadRules Roads { get; set; } = new();

    public MuckRules Muck { get; set; } = new();

    public TonnageRules Tonnage { get; set; } = new();

    public LeachateRules Leachate { get; set; } = new();

    /// <summary>When a device counts as heard, and how much of a window must be heard for a verdict to stand.</summary>
    public EvidenceRules Evidence { get; set; } = new();

    /// <summary>A registered device that sent nothing for this long is listed as silent.</summary>
    public TimeSpan SilentAfter { get; set; } = TimeSpan.FromHours(2);
}
