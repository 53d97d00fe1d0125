namespace WasteIoT.Firmware.Core.Weighbridge
{
    /// <summary>A ticket the indicator printed for a completed weighing; weights in kg.</summary>
    public class WeighTicket
    {
        public string Number;

        public string Vehicle;

        public int GrossKg;

        public int TareKg;

        public int NetKg;
    }
}
