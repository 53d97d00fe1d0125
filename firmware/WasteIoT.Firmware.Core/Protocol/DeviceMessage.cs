namespace WasteIoT.Firmware.Core.Protocol
{
    /// <summary>
    /// A message born on this device. Header fields come first, in the order of docs/protocol.md,
    /// then the kind's own fields, so the bytes equal what the cloud's serializer writes.
    /// </summary>
    public abstract class DeviceMessage
    {
        public const int SchemaVersion = 1;

        public int Schema = SchemaVersion;

        public string Device;

        /// <summary>Boot counter persisted in flash; incremented at every start.</summary>
        public long Boot;

        /// <summary>Monotonic within one boot, starting at 1.</summary>
        public long Seq;

        /// <summary>Device clock, Unix milliseconds UTC.</summary>
        public long Timestamp;

        /// <summary>The <c>kind</c> discriminator and the last topic level.</summary>
        public abstract string Kind { get; }

        /// <summary>
        /// Whether the message may wait in RAM for the next ones to be written to flash with it (a routine position:
        /// a power cut then costs seconds, shown as lost by the numbering); everything else is durable at once.
        /// </summary>
        public virtual bool MayWaitForFlash
        {
            get { return false; }
        }

        public void WriteTo(JsonWriter writer)
        {
            writer.BeginObject();
            writer.WriteString("kind", Kind);
            writer.WriteInteger("schema", Schema);
            writer.WriteString("device", Device);
            writer.WriteInteger("boot", Boot);
            writer.WriteInteger("seq", Seq);
            writer.WriteTimestamp("ts", Timestamp);
            WriteBody(writer);
            writer.EndObject();
        }

        /// <summary>Fills the header and body from parsed fields.</summary>
        /// <returns>False with <paramref name="error"/> naming the first missing or ill-typed field.</returns>
        public bool TryRead(JsonFields fields, out string error)
        {
            long schema;
            string ts;
            if (!fields.TryGetLong("schema", out schema))
            {
                error = "schema";
                return false;
            }

            Schema = (int)schema;
            if (!fields.TryGetString("device", out Device) || !fields.TryGetLong("boot", out Boot) || !fields.TryGetLong("seq", out Seq))
            {
                error = Device == null ? "device" : "boot/seq";
                return false;
            }

            if (!fields.TryGetString("ts", out ts) || !Iso8601.TryParse(ts, out Timestamp))
            {
                error = "ts";
                return false;
            }

            error = ReadBody(fields);
            return error == null;
        }

        protected abstract void WriteBody(JsonWriter writer);

        /// <returns>Null when every field was read, otherwise the name of the field at fault.</returns>
        protected abstract string ReadBody(JsonFields fields);

        /// <summary>Reads an optional number: absent or null is NaN, another type is an error.</summary>
        protected static bool TryOptionalDouble(JsonFields fields, string name, out double value)
        {
            if (fields.TryGetDouble(name, out value))
            {
                return true;
            }

            value = double.NaN;
            int i = fields.IndexOf(name);
            return i < 0 || fields.KindAt(i) == JsonValueKind.Null;
        }

        /// <summary>Reads an optional integer: absent or null is <see cref="Absent.Int"/>, another type is an error.</summary>
        protected static bool TryOptionalInt(JsonFields fields, string name, out int value)
        {
            long raw;
            if (fields.TryGetLong(name, out raw))
            {
                value = (int)raw;
                return raw >= int.MinValue + 1 && raw <= int.MaxValue;
            }

            value = Absent.Int;
            int i = fields.IndexOf(name);
            return i < 0 || fields.KindAt(i) == JsonValueKind.Null;
        }

        /// <summary>Reads an optional string: absent or null is null, another type is an error.</summary>
        protected static bool TryOptionalString(JsonFields fields, string name, out string value)
        {
            if (fields.TryGetString(name, out value))
            {
                return true;
            }

            int i = fields.IndexOf(name);
            return i < 0 || fields.KindAt(i) == JsonValueKind.Null;
        }
    }
}
