namespace WasteIoT.Firmware.Core.Protocol
{
    /// <summary>
    /// Settings sent down by the cloud (kind <c>config</c>, retained). Absent settings keep their current
    /// value, so applying a config only overwrites what it names.
    /// </summary>
    public class DeviceConfig
    {
        public const string KindName = "config";

        public long Revision = -1;
        public int MeasureIntervalS = 900;
        public int PublishIntervalS = 3600;
        public int HeartbeatIntervalS = 3600;
        public double FillChangeThreshold = 0.1;
        public int ScanDebounceS = 30;
        public int MinDwellS = 300;

        /// <summary>Publishes a second at most; 0 until a gateway has said (then <see cref="DefaultMaxPublishPerS"/>).</summary>
        public int MaxPublishPerS;

        /// <summary>Under the gateway's default of 50 a second with room to spare, for a node that never got a config.</summary>
        public const int DefaultMaxPublishPerS = 20;

        public int EffectiveMaxPublishPerS
        {
            get { return MaxPublishPerS > 0 ? MaxPublishPerS : DefaultMaxPublishPerS; }
        }

        /// <summary>
        /// Sets a node type's own defaults on a device that never received a config (revision -1); the
        /// field initialisers are the bin node's.
        /// </summary>
        public void UseDefaults(int measureIntervalS, int publishIntervalS, int heartbeatIntervalS)
        {
            if (Revision >= 0)
            {
                return;
            }

            MeasureIntervalS = measureIntervalS;
            PublishIntervalS = publishIntervalS;
            HeartbeatIntervalS = heartbeatIntervalS;
        }

        /// <summary>Applies a parsed config addressed to <paramref name="device"/> if its revision is newer.</summary>
        /// <returns>True when something was applied; false with <paramref name="error"/> null when it was not newer.</returns>
        public bool TryApply(JsonFields fields, string device, out string error)
        {
            error = null;
            string kind;
            string target;
            long revision;
            if (!fields.TryGetString("kind", out kind) || kind != KindName)
            {
                error = "not a config";
                return false;
            }

            if (!fields.TryGetString("device", out target) || target != device)
            {
                error = "config for another device";
                return false;
            }

            if (!fields.TryGetLong("revision", out revision))
            {
                error = "missing revision";
                return false;
            }

            if (revision <= Revision)
            {
                return false;
            }

            int measure = ReadInt(fields, "measureIntervalS", MeasureIntervalS, 1, 86400);
            int publish = ReadInt(fields, "publishIntervalS", PublishIntervalS, 1, 86400);
            int heartbeat = ReadInt(fields, "heartbeatIntervalS", HeartbeatIntervalS, 10, 86400);
            int debounce = ReadInt(fields, "scanDebounceS", ScanDebounceS, 0, 3600);
            int dwell = ReadInt(fields, "minDwellS", MinDwellS, 0, 7200);
            int pace = ReadInt(fields, "maxPublishPerS", MaxPublishPerS, 1, 1000);
            double threshold;
            if (!fields.TryGetDouble("fillChangeThreshold", out threshold))
            {
                threshold = FillChangeThreshold;
            }

            if (measure < 0 || publish < 0 || heartbeat < 0 || debounce < 0 || dwell < 0 || pace < 0 || !(threshold >= 0 && threshold <= 1))
            {
                error = "setting out of range";
                return false;
            }

            // All or nothing: a config with one bad value changes nothing.
            Revision = revision;
            MeasureIntervalS = measure;
            PublishIntervalS = publish;
            HeartbeatIntervalS = heartbeat;
            ScanDebounceS = debounce;
            MinDwellS = dwell;
            MaxPublishPerS = pace;
            FillChangeThreshold = threshold;
            return true;
        }

        /// <returns>The value, the current value when absent, or -1 when present but invalid.</returns>
        private static int ReadInt(JsonFields fields, string name, int current, int min, int max)
        {
            long value;
            if (fields.TryGetLong(name, out value))
            {
                return value >= min && value <= max ? (int)value : -1;
            }

            return fields.Contains(name) ? -1 : current;
        }
    }
}
