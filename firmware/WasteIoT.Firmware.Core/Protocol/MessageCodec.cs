namespace WasteIoT.Firmware.Core.Protocol
{
    /// <summary>
    /// Encodes device messages and decodes incoming JSON into them. One instance owns its parse
    /// buffers; create it once at start so decoding does not grow memory with uptime.
    /// </summary>
    public class MessageCodec
    {
        /// <summary>Largest device-hop payload (docs/protocol.md, "Limits").</summary>
        public const int MaxPayloadBytes = 1024;

        private readonly JsonReader _reader = new JsonReader(128);
        private readonly JsonFields _fields = new JsonFields();

        /// <summary>The fields of the last successful <see cref="TryParse"/>.</summary>
        public JsonFields Fields
        {
            get { return _fields; }
        }

        /// <summary>A new, empty message of the given kind, or null for a kind devices do not send.</summary>
        public static DeviceMessage Create(string kind)
        {
            switch (kind)
            {
                case BinFillReading.KindName: return new BinFillReading();
                case SiteAirReading.KindName: return new SiteAirReading();
                case CleanerBadgeEvent.KindName: return new CleanerBadgeEvent();
                case DisinfectionRecord.KindName: return new DisinfectionRecord();
                case TruckPosition.KindName: return new TruckPosition();
                case CargoCoverEvent.KindName: return new CargoCoverEvent();
                case PickupScan.KindName: return new PickupScan();
                case LevelReading.KindName: return new LevelReading();
                case DeviceHeartbeat.KindName: return new DeviceHeartbeat();
                case EquipmentEvent.KindName: return new EquipmentEvent();
                case Weighing.KindName: return new Weighing();
                case LeachateTreatment.KindName: return new LeachateTreatment();
                default: return null;
            }
        }

        /// <summary>Writes <paramref name="message"/> with <paramref name="writer"/> from its start.</summary>
        /// <returns>The payload length, or -1 when it does not fit.</returns>
        public static int Encode(DeviceMessage message, JsonWriter writer)
        {
            writer.Reset();
            message.WriteTo(writer);
            return writer.Overflowed ? -1 : writer.Length;
        }

        /// <summary>Parses one flat JSON object into <see cref="Fields"/>.</summary>
        public bool TryParse(byte[] buffer, int offset, int count, out string error)
        {
            if (count > MaxPayloadBytes)
            {
                error = "payload larger than " + MaxPayloadBytes + " bytes";
                return false;
            }

            if (!_reader.TryParseObject(buffer, offset, count, _fields))
            {
                error = _reader.Error;
                return false;
            }

            error = null;
            return true;
        }

        /// <summary>Decodes a device message of any kind.</summary>
        public bool TryDecode(byte[] buffer, int offset, int count, out DeviceMessage message, out string error)
        {
            message = null;
            if (!TryParse(buffer, offset, count, out error))
            {
                return false;
            }

            string kind;
            if (!_fields.TryGetString("kind", out kind))
            {
                error = "missing kind";
                return false;
            }

            message = Create(kind);
            if (message == null)
            {
                error = "unknown kind '" + kind + "'";
                return false;
            }

            string field;
            if (!message.TryRead(_fields, out field))
            {
                error = "missing or invalid '" + field + "'";
                message = null;
                return false;
            }

            return true;
        }
    }
}
