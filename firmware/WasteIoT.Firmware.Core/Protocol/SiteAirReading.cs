namespace WasteIoT.Firmware.Core.Protocol
{
    /// <summary>Toilet or transfer-station air (kind <c>air</c>); NaN marks a sensor the node does not have.</summary>
    public class SiteAirReading : DeviceMessage
    {
        public const string KindName = "air";

        /// <summary>mg/m³, two decimals.</summary>
        public double Nh3 = double.NaN;

        /// <summary>H2S, mg/m³, three decimals (the class limit is 0.01).</summary>
        public double Sh2 = double.NaN;

        /// <summary>µg/m³, one decimal.</summary>
        public double Pm25 = double.NaN;

        /// <summary>µg/m³, one decimal.</summary>
        public double Pm10 = double.NaN;

        /// <summary>The NH3 cell's resolution, mg/m³, three decimals (NaN: not stated).</summary>
        public double Nh3Resolution = double.NaN;

        /// <summary>The H2S cell's resolution, mg/m³, three decimals (NaN: not stated).</summary>
        public double Sh2Resolution = double.NaN;

        /// <summary>°C, one decimal.</summary>
        public double Temperature = double.NaN;

        /// <summary>0..1, two decimals.</summary>
        public double RelativeHumidity = double.NaN;

        public bool WarmingUp;

        public override string Kind
        {
            get { return KindName; }
        }

        protected override void WriteBody(JsonWriter writer)
        {
            writer.WriteFixed("nh3", Nh3, 2);
            writer.WriteFixed("sh2", Sh2, 3);
            writer.WriteFixed("nh3Resolution", Nh3Resolution, 3);
            writer.WriteFixed("sh2Resolution", Sh2Resolution, 3);
            writer.WriteFixed("pm25", Pm25, 1);
            writer.WriteFixed("pm10", Pm10, 1);
            writer.WriteFixed("temperature", Temperature, 1);
            writer.WriteFixed("relativeHumidity", RelativeHumidity, 2);
            writer.WriteBool("warmingUp", WarmingUp);
        }

        protected override string ReadBody(JsonFields fields)
        {
            if (!TryOptionalDouble(fields, "nh3", out Nh3))
            {
                return "nh3";
            }

            if (!TryOptionalDouble(fields, "sh2", out Sh2))
            {
                return "sh2";
            }

            if (!TryOptionalDouble(fields, "nh3Resolution", out Nh3Resolution))
            {
                return "nh3Resolution";
            }

            if (!TryOptionalDouble(fields, "sh2Resolution", out Sh2Resolution))
            {
                return "sh2Resolution";
            }

            if (!TryOptionalDouble(fields, "pm25", out Pm25))
            {
                return "pm25";
            }

            if (!TryOptionalDouble(fields, "pm10", out Pm10))
            {
                return "pm10";
            }

            if (!TryOptionalDouble(fields, "temperature", out Temperature))
            {
                return "temperature";
            }

            if (!TryOptionalDouble(fields, "relativeHumidity", out RelativeHumidity))
            {
                return "relativeHumidity";
            }

            WarmingUp = false;
            return !fields.Contains("warmingUp") || fields.TryGetBool("warmingUp", out WarmingUp) ? null : "warmingUp";
        }
    }
}
