namespace WasteIoT.Cloud.Registry;

/// <summary>A vehicle by plate, its contractor and the devices it carries (the truck node: GNSS, RFID, cargo cover, work equipment); a collection truck unless <see cref="Vehicle"/> says otherwise.</summary>
public sealed record Truck(string Id, string Contractor, IReadOnlyList<string> Devices) : IMeasuredThing
{
    public IReadOnlyList<DeviceAssignment> Assignments { get; init; } = [];

    IReadOnlyList<string> IMeasuredThing.CurrentDevices => Devices;

    public IMeasuredThing WithAssignments(IReadOnlyList<DeviceAssignment> assignments) => this with { Assignments = assignments };

    public NodeCustody NodeCustody { get; init; } = NodeCustody.Contractor;

    public VehicleKind Vehicle { get; init; } = VehicleKind.Collection;

    /// <summary>The IC card its driver swipes at weighbridges (uid, hex); empty when it has none.</summary>
    public string Card { get; init; } = string.Empty;

    /// <summary>The most it may carry, kg (its licence's 核定载质量); null when not registered.</summary>
    public int? RatedLoadKg { get; init; }
}
