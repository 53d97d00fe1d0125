namespace WasteIoT.Gateway.EdgeRules;

/// <summary>The cab buzzer and LED on the truck gateway.</summary>
public interface IAlarmOutput
{
    void Set(bool on);
}
