namespace WasteIoT.Firmware.Core.Protocol
{
    /// <summary>A vehicle weighed on a weighbridge (kind <c>weigh</c>); gross, tare and net only on the pass that completes a visit.</summary>
    public class Weighing : DeviceMessage
    {
        public const string KindName = "weigh";

        public string Direction = WeighDirection.In;

        /// <summary>Weight on the platform, kg.</summary>
        public int WeightKg;

        public bool Stable;

        /// <summary>The vehicle's IC card, upper-case hex; null when none was read.</summary>
        public string Tag;

        /// <summary>The plate as typed at the indicator; null when none.</summary>
        public string Vehicle;

        public string Ticket;

        public int GrossKg = Absent.Int;

        public int TareKg = Absent.Int;

        public int NetKg = Absent.Int;

        public override string Kind
        {
            get { return KindName; }
        }

        protected override void WriteBody(JsonWriter writer)
        {
            writer.WriteString("direction", Direction);
            writer.WriteInteger("weightKg", WeightKg);
            writer.WriteBool("stable", Stable);
            writer.WriteString("tag", Tag);
            writer.WriteString("vehicle", Vehicle);
            writer.WriteString("ticket", Ticket);
            writer.WriteOptionalInteger("grossKg", GrossKg);
            writer.WriteOptionalInteger("tareKg", TareKg);
            writer.WriteOptionalInteger("netKg", NetKg);
        }

        protected override string ReadBody(JsonFields fields)
        {
            if (!fields.TryGetString("direction", out Direction) || !WeighDirection.IsKnown(Direction))
            {
                return "direction";
            }

            long weight;
            if (!fields.TryGetLong("weightKg", out weight) || weight < 0 || weight > 200000)
            {
                return "weightKg";
            }

            WeightKg = (int)weight;
            if (!fields.TryGetBool("stable", out Stable))
            {
                return "stable";
            }

            if (!TryOptionalString(fields, "tag", out Tag))
            {
                return "tag";
            }

            if (!TryOptionalString(fields, "vehicle", out Vehicle))
            {
                return "vehicle";
            }

            if (!TryOptionalString(fields, "ticket", out Ticket))
            {
                return "ticket";
            }

            if (!TryOptionalInt(fields, "grossKg", out GrossKg))
            {
                return "grossKg";
            }

            if (!TryOptionalInt(fields, "tareKg", out TareKg))
            {
                return "tareKg";
            }

            return TryOptionalInt(fields, "netKg", out NetKg) ? null : "netKg";
        }
    }
}
