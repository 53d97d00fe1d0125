namespace WasteIoT.Cloud.Registry;

/// <summary>A registered thing that nodes measure (truck, site, bin, pond), with the history of which nodes did.</summary>
public interface IMeasuredThing : IRegistryEntity
{
    /// <summary>The devices measuring it now.</summary>
    IReadOnlyList<string> CurrentDevices { get; }

    /// <summary>Every assignment, past and current; empty for a row written before history was kept (its devices since ever).</summary>
    IReadOnlyList<DeviceAssignment> Assignments { get; }

    IMeasuredThing WithAssignments(IReadOnlyList<DeviceAssignment> assignments);
}
