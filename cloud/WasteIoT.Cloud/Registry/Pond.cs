namespace WasteIoT.Cloud.Registry;

/// <summary>A leachate pond, its level node, the alarm volume and its surveyed stage (m) → volume (m³) table.</summary>
public sealed record Pond(string Id, string Name, string Contractor, string Device, double AlarmVolumeM3, IReadOnlyList<StagePoint> StageVolume) : IMeasuredThing
{
    public IReadOnlyList<DeviceAssignment> Assignments { get; init; } = [];

    IReadOnlyList<string> IMeasuredThing.CurrentDevices => [Device];

    public IMeasuredThing WithAssignments(IReadOnlyList<DeviceAssignment> assignments) => this with { Assignments = assignments };

    public NodeCustody NodeCustody { get; init; } = NodeCustody.Bureau;

    /// <summary>The node counting the pond's treatment unit's (DTRO's) flow meter; empty when it has none.</summary>
    public string TreatmentDevice { get; init; } = string.Empty;
}
