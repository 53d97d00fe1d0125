namespace WasteIoT.Cloud.Registry;

/// <summary>A street bin or a transfer station's container (<see cref="Site"/> set) with its fill-level node.</summary>
public sealed record Bin(string Id, string Name, string Contractor, double Lat, double Lon, int DepthMm, int CapacityL, string WasteKind, string Device, string Site) : IMeasuredThing
{
    public IReadOnlyList<DeviceAssignment> Assignments { get; init; } = [];

    IReadOnlyList<string> IMeasuredThing.CurrentDevices => [Device];

    public IMeasuredThing WithAssignments(IReadOnlyList<DeviceAssignment> assignments) => this with { Assignments = assignments };

    public NodeCustody NodeCustody { get; init; } = NodeCustody.Bureau;
}
