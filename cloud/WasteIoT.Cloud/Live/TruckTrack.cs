using WasteIoT.Cloud.Checks.SealedTransport;

namespace WasteIoT.Cloud.Live;

/// <summary>A truck's day for replay: its fixes coloured by cover state, its violations and its scans.</summary>
public sealed record TruckTrack(string Truck, DateOnly Date, IReadOnlyList<TrackPoint> Points, IReadOnlyList<OpenCoverViolation> Violations, IReadOnlyList<TrackScan> Scans)
{
    /// <summary>What the vehicle does: a work vehicle's track is read by its equipment, not its cover.</summary>
    public Registry.VehicleKind Vehicle { get; init; }
}
