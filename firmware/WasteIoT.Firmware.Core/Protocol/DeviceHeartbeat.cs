namespace WasteIoT.Firmware.Core.Protocol
{
    /// <summary>Periodic device health (kind <c>hb</c>).</summary>
    public class DeviceHeartbeat : DeviceMessage
    {
        public const string KindName = "hb";

        public long UptimeS;

        public double Battery = double.NaN;

        /// <summary>dBm.</summary>
        public int Rssi = Absent.Int;

        public string Fw;

        /// <summary>Records waiting in the flash log.</summary>
        public int Buffered;

        /// <summary>Records evicted from a full flash log, ever.</summary>
        public long Dropped;

        /// <summary>Truck nodes only: the cover's current state; null elsewhere.</summary>
        public string Cover;

        public override string Kind
        {
            get { return KindName; }
        }

        protected override void WriteBody(JsonWriter writer)
        {
            writer.WriteInteger("uptimeS", UptimeS);
            writer.WriteFixed("battery", Battery, 2);
            writer.WriteOptionalInteger("rssi", Rssi);
            writer.WriteString("fw", Fw);
            writer.WriteInteger("buffered", Buffered);
            writer.WriteInteger("dropped", Dropped);
            writer.WriteString("cover", Cover);
        }

        protected override string ReadBody(JsonFields fields)
        {
            if (!fields.TryGetLong("uptimeS", out UptimeS))
            {
                return "uptimeS";
            }

            if (!TryOptionalDouble(fields, "battery", out Battery))
            {
                return "battery";
            }

            if (!TryOptionalInt(fields, "rssi", out Rssi))
            {
                return "rssi";
            }

            if (!fields.TryGetString("fw", out Fw))
            {
                return "fw";
            }

            long buffered;
            if (!fields.TryGetLong("buffered", out buffered))
            {
                return "buffered";
            }

            Buffered = (int)buffered;
            if (!fields.TryGetLong("dropped", out Dropped))
            {
                return "dropped";
            }

            if (!TryOptionalString(fields, "cover", out Cover))
            {
                return "cover";
            }

            return Cover == null || CoverState.IsKnown(Cover) ? null : "cover";
        }
    }
}
