namespace WasteIoT.Firmware.Core.Protocol
{
    /// <summary>A cleaner's badge at a toilet (kind <c>badge</c>).</summary>
    public class CleanerBadgeEvent : DeviceMessage
    {
        public const string KindName = "badge";

        /// <summary>Badge UID, upper-case hex.</summary>
        public string Badge;

        public string Action = BadgeAction.CheckIn;

        /// <summary>Seconds since check-in, on checkOut and timeout.</summary>
        public int DwellS = Absent.Int;

        public override string Kind
        {
            get { return KindName; }
        }

        protected override void WriteBody(JsonWriter writer)
        {
            writer.WriteString("badge", Badge);
            writer.WriteString("action", Action);
            writer.WriteOptionalInteger("dwellS", DwellS);
        }

        protected override string ReadBody(JsonFields fields)
        {
            if (!fields.TryGetString("badge", out Badge))
            {
                return "badge";
            }

            if (!fields.TryGetString("action", out Action) || !BadgeAction.IsKnown(Action))
            {
                return "action";
            }

            return TryOptionalInt(fields, "dwellS", out DwellS) ? null : "dwellS";
        }
    }
}
