namespace WasteIoT.Cloud.Registry;

/// <summary>A collection truck by plate, its contractor and the devices it carries (the truck node: GNSS, RFID, cargo cover).</summary>
public sealed record Truck(string Id, string Contractor, IReadOnlyList<string> Devices) : IRegistryEntity
{
    public NodeCustody NodeCustody { get; init; } = NodeCustody.Contractor;
}
