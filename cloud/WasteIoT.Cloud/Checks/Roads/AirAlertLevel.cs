namespace WasteIoT.Cloud.Checks.Roads;

/// <summary>The county's heavy-pollution weather alert (重污染天气预警), lowest first: work planned "on orange" is due on orange and red days.</summary>
public enum AirAlertLevel
{
    Blue,
    Yellow,
    Orange,
    Red,
}
