namespace WasteIoT.Firmware.Core.Protocol
{
    /// <summary>Bin node reading (kind <c>fill</c>).</summary>
    public class BinFillReading : DeviceMessage
    {
        public const string KindName = "fill";

        /// <summary>0..1, two decimals on the wire; NaN unless <see cref="Echo"/> is ok.</summary>
        public double FillingLevel = double.NaN;

        /// <summary>mm; <see cref="Absent.Int"/> unless <see cref="Echo"/> is ok.</summary>
        public int DistanceMm = Absent.Int;

        /// <summary>°C, one decimal.</summary>
        public double Temperature = double.NaN;

        public string Status = BinStatus.Ok;

        public string Echo = EchoStatus.Ok;

        /// <summary>V, two decimals.</summary>
        public double Battery = double.NaN;

        public override string Kind
        {
            get { return KindName; }
        }

        protected override void WriteBody(JsonWriter writer)
        {
            writer.WriteFixed("fillingLevel", FillingLevel, 2);
            writer.WriteOptionalInteger("distanceMm", DistanceMm);
            writer.WriteFixed("temperature", Temperature, 1);
            writer.WriteString("status", Status);
            writer.WriteString("echo", Echo);
            writer.WriteFixed("battery", Battery, 2);
        }

        protected override string ReadBody(JsonFields fields)
        {
            if (!TryOptionalDouble(fields, "fillingLevel", out FillingLevel))
            {
                return "fillingLevel";
            }

            if (!TryOptionalInt(fields, "distanceMm", out DistanceMm))
            {
                return "distanceMm";
            }

            if (!TryOptionalDouble(fields, "temperature", out Temperature))
            {
                return "temperature";
            }

            if (!fields.TryGetString("status", out Status) || !BinStatus.IsKnown(Status))
            {
                return "status";
            }

            if (!fields.TryGetString("echo", out Echo) || !EchoStatus.IsKnown(Echo))
            {
                return "echo";
            }

            return TryOptionalDouble(fields, "battery", out Battery) ? null : "battery";
        }
    }
}
