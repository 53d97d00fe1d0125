namespace WasteIoT.Firmware.Core.Hardware
{
    /// <summary>A switch: cargo-cover reed switch, tilt switch, disinfection button.</summary>
    public interface IDigitalInput
    {
        bool IsHigh { get; }
    }
}
