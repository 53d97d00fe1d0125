namespace WasteIoT.Cloud.Registry;

/// <summary>A staff badge (cleaner or crew) and whose employee it is.</summary>
public sealed record Badge(string Id, string Name, BadgeRole Role, string Contractor) : IRegistryEntity;
