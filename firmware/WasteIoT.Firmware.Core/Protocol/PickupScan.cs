namespace WasteIoT.Firmware.Core.Protocol
{
    /// <summary>A household tag read at pickup, with the latest fix (kind <c>scan</c>).</summary>
    public class PickupScan : DeviceMessage
    {
        public const string KindName = "scan";

        /// <summary>Tag UID, upper-case hex.</summary>
        public string Tag;

        /// <summary>NaN (with <see cref="Lon"/>) when the truck had no fix.</summary>
        public double Lat = double.NaN;

        public double Lon = double.NaN;

        public double Hdop = double.NaN;

        /// <summary>Age of the fix when the tag was read, s.</summary>
        public int FixAgeS = Absent.Int;

        public override string Kind
        {
            get { return KindName; }
        }

        protected override void WriteBody(JsonWriter writer)
        {
            writer.WriteString("tag", Tag);
            writer.WriteFixed("lat", Lat, 7);
            writer.WriteFixed("lon", Lon, 7);
            writer.WriteFixed("hdop", Hdop, 1);
            writer.WriteOptionalInteger("fixAgeS", FixAgeS);
        }

        protected override string ReadBody(JsonFields fields)
        {
            if (!fields.TryGetString("tag", out Tag))
            {
                return "tag";
            }

            if (!TryOptionalDouble(fields, "lat", out Lat))
            {
                return "lat";
            }

            if (!TryOptionalDouble(fields, "lon", out Lon))
            {
                return "lon";
            }

            if (!TryOptionalDouble(fields, "hdop", out Hdop))
            {
                return "hdop";
            }

            return TryOptionalInt(fields, "fixAgeS", out FixAgeS) ? null : "fixAgeS";
        }
    }
}
