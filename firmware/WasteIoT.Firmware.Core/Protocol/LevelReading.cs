namespace WasteIoT.Firmware.Core.Protocol
{
    /// <summary>Tank or leachate pond stage (kind <c>level</c>).</summary>
    public class LevelReading : DeviceMessage
    {
        public const string KindName = "level";

        /// <summary>m, three decimals; NaN unless <see cref="Echo"/> is ok.</summary>
        public double Level = double.NaN;

        public string Echo = EchoStatus.Ok;

        public double Battery = double.NaN;

        public override string Kind
        {
            get { return KindName; }
        }

        protected override void WriteBody(JsonWriter writer)
        {
            writer.WriteFixed("level", Level, 3);
            writer.WriteString("echo", Echo);
            writer.WriteFixed("battery", Battery, 2);
        }

        protected override string ReadBody(JsonFields fields)
        {
            if (!TryOptionalDouble(fields, "level", out Level))
            {
                return "level";
            }

            if (!fields.TryGetString("echo", out Echo) || !EchoStatus.IsKnown(Echo))
            {
                return "echo";
            }

            return TryOptionalDouble(fields, "battery", out Battery) ? null : "battery";
        }
    }
}
