namespace WasteIoT.Firmware.Core.Protocol
{
    /// <summary>The disinfection button was pressed (kind <c>disinfect</c>).</summary>
    public class DisinfectionRecord : DeviceMessage
    {
        public const string KindName = "disinfect";

        /// <summary>The badge checked in at the time, or null.</summary>
        public string Badge;

        public override string Kind
        {
            get { return KindName; }
        }

        protected override void WriteBody(JsonWriter writer)
        {
            writer.WriteString("badge", Badge);
        }

        protected override string ReadBody(JsonFields fields)
        {
            return TryOptionalString(fields, "badge", out Badge) ? null : "badge";
        }
    }
}
