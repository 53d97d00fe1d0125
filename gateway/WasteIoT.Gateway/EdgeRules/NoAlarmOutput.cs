namespace WasteIoT.Gateway.EdgeRules;

/// <summary>No buzzer fitted (a site gateway, or a machine without GPIO): the alarm is only an event.</summary>
public sealed class NoAlarmOutput : IAlarmOutput
{
    public bool IsOn { get; private set; }

    public void Set(bool on) => IsOn = on;
}
