namespace WasteIoT.Cloud.Registry;

/// <summary>A collection truck by plate, its contractor and the devices it carries (the truck node: GNSS, RFID, cargo cover).</summary>
public sealed record Truck(string Id, string Contractor, IReadOnlyList<string> Devices) : IMeasuredThing
{
    public IReadOnlyList<DeviceAssignment> Assignments { get; init; } = [];

    IReadOnlyList<string> IMeasuredThing.CurrentDevices => Devices;

    public IMeasuredThing WithAssignments(IReadOnlyList<DeviceAssignment> assignments) => this with { Assignments = assignments };

    public NodeCustody NodeCustody { get; init; } = NodeCustody.Contractor;
}
