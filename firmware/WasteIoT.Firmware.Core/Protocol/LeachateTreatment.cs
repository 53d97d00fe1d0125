namespace WasteIoT.Firmware.Core.Protocol
{
    /// <summary>The treatment unit's counted volume (kind <c>treat</c>); effluent readings absent unless measured.</summary>
    public class LeachateTreatment : DeviceMessage
    {
        public const string KindName = "treat";

        /// <summary>m³ counted since boot.</summary>
        public double TotalM3;

        /// <summary>m³/h over the last interval; NaN when not known.</summary>
        public double FlowM3h = double.NaN;

        public double Cod = double.NaN;

        public double Nh3n = double.NaN;

        public override string Kind
        {
            get { return KindName; }
        }

        protected override void WriteBody(JsonWriter writer)
        {
            writer.WriteFixed("totalM3", TotalM3, 2);
            if (!double.IsNaN(FlowM3h))
            {
                writer.WriteFixed("flowM3h", FlowM3h, 2);
            }

            if (!double.IsNaN(Cod))
            {
                writer.WriteFixed("cod", Cod, 1);
            }

            if (!double.IsNaN(Nh3n))
            {
                writer.WriteFixed("nh3n", Nh3n, 2);
            }
        }

        protected override string ReadBody(JsonFields fields)
        {
            if (!fields.TryGetDouble("totalM3", out TotalM3) || TotalM3 < 0)
            {
                return "totalM3";
            }

            if (!TryOptionalDouble(fields, "flowM3h", out FlowM3h))
            {
                return "flowM3h";
            }

            if (!TryOptionalDouble(fields, "cod", out Cod))
            {
                return "cod";
            }

            return TryOptionalDouble(fields, "nh3n", out Nh3n) ? null : "nh3n";
        }
    }
}
