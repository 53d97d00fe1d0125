namespace WasteIoT.Cloud.Registry;

/// <summary>A sanitation company under contract with the bureau.</summary>
public sealed record Contractor(string Id, string Name, string Phone) : IRegistryEntity
{
    string IRegistryEntity.Contractor => Id;
}
