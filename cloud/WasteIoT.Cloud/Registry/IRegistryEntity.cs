namespace WasteIoT.Cloud.Registry;

/// <summary>A registry row: its key and the contractor it belongs to (empty for the bureau's own: households).</summary>
public interface IRegistryEntity
{
    string Id { get; }

    string Contractor { get; }
}
