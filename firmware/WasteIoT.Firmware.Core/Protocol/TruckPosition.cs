namespace WasteIoT.Firmware.Core.Protocol
{
    /// <summary>A GNSS fix from a truck node (kind <c>pos</c>).</summary>
    public class TruckPosition : DeviceMessage
    {
        public const string KindName = "pos";

        /// <summary>Degrees WGS-84, seven decimals (about 1 cm).</summary>
        public double Lat;

        public double Lon;

        /// <summary>km/h, one decimal.</summary>
        public double Speed;

        /// <summary>Degrees true, one decimal; NaN when unknown.</summary>
        public double Heading = double.NaN;

        public double Hdop = double.NaN;

        public int Sats = Absent.Int;

        /// <summary>GGA fix quality (1 GPS, 2 DGPS, 4 RTK fixed, 5 RTK float, 6 dead reckoning).</summary>
        public int Fix = 1;

        public override string Kind
        {
            get { return KindName; }
        }

        public override bool MayWaitForFlash
        {
            get { return true; }
        }

        protected override void WriteBody(JsonWriter writer)
        {
            writer.WriteFixed("lat", Lat, 7);
            writer.WriteFixed("lon", Lon, 7);
            writer.WriteFixed("speed", Speed, 1);
            writer.WriteFixed("heading", Heading, 1);
            writer.WriteFixed("hdop", Hdop, 1);
            writer.WriteOptionalInteger("sats", Sats);
            writer.WriteInteger("fix", Fix);
        }

        protected override string ReadBody(JsonFields fields)
        {
            if (!fields.TryGetDouble("lat", out Lat))
            {
                return "lat";
            }

            if (!fields.TryGetDouble("lon", out Lon))
            {
                return "lon";
            }

            if (!fields.TryGetDouble("speed", out Speed))
            {
                return "speed";
            }

            if (!TryOptionalDouble(fields, "heading", out Heading))
            {
                return "heading";
            }

            if (!TryOptionalDouble(fields, "hdop", out Hdop))
            {
                return "hdop";
            }

            if (!TryOptionalInt(fields, "sats", out Sats))
            {
                return "sats";
            }

            long fix;
            if (!fields.TryGetLong("fix", out fix))
            {
                return "fix";
            }

            Fix = (int)fix;
            return null;
        }
    }
}
