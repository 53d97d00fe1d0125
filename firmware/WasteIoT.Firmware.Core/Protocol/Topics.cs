namespace WasteIoT.Firmware.Core.Protocol
{
    /// <summary>The device's side of the topic namespace (docs/protocol.md, "Topics"), named as in the contract's Topics.</summary>
    public static class Topics
    {
        public const string Root = "wiot/v1";

        public static string DeviceUp(string device, string kind)
        {
            return Root + "/dev/" + device + "/up/" + kind;
        }

        public static string DeviceStatus(string device)
        {
            return Root + "/dev/" + device + "/status";
        }

        public static string DeviceDownFilter(string device)
        {
            return Root + "/dev/" + device + "/down/#";
        }

        public static string DeviceDownPrefix(string device)
        {
            return Root + "/dev/" + device + "/down/";
        }

        /// <summary>The last level of a downlink topic for this device, or null when the topic is not one.</summary>
        public static string DownKind(string topic, string device)
        {
            string prefix = DeviceDownPrefix(device);
            if (topic == null || !topic.StartsWith(prefix) || topic.Length == prefix.Length)
            {
                return null;
            }

            string kind = topic.Substring(prefix.Length);
            return kind.IndexOf('/') >= 0 ? null : kind;
        }
    }
}
