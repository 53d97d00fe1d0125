using WasteIoT.Cloud.Checks.Roads;

namespace WasteIoT.Cloud.Registry;

/// <summary>A day the county declared a heavy-pollution weather alert (重污染天气预警), by its date: the plan's work "on orange" is due that day.</summary>
public sealed record AirAlertDay(string Id, AirAlertLevel Level, string Note) : IRegistryEntity
{
    /// <summary>The county's own record, no contractor's.</summary>
    public string Contractor => string.Empty;
}
