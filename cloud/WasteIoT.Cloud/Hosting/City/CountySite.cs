namespace WasteIoT.Cloud.Hosting.City;

/// <summary>One county of a city: its key, the host names its users reach it at, and its cloud settings (<c>Settings</c> is a <c>Cloud</c>-style configuration tree).</summary>
public sealed class CountySite
{
    public string Key { get; set; } = string.Empty;

    public List<string> Hosts { get; set; } = [];
}
