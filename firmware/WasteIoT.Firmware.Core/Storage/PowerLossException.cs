namespace WasteIoT.Firmware.Core.Storage
{
    /// <summary>Thrown by a simulated flash when the power "fails" in the middle of a write.</summary>
    public class PowerLossException : System.Exception
    {
        public PowerLossException()
            : base("power lost during a flash write")
        {
        }
    }
}
