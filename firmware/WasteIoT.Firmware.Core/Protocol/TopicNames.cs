namespace WasteIoT.Firmware.Core.Protocol
{
    /// <summary>The device's side of the topic namespace (docs/protocol.md, "Topics").</summary>
    public static class TopicNames
    {
        public const string Root = "wiot/v1";

        public static string Up(string device, string kind)
        {
            return Root + "/dev/" + device + "/up/" + kind;
        }

        public static string Status(string device)
        {
            return Root + "/dev/" + device + "/status";
        }

        public static string DownFilter(string device)
        {
            return Root + "/dev/" + device + "/down/#";
        }

        /// <summary>The last level of a downlink topic for this device, or null when the topic is not one.</summary>
        public static string DownKind(string topic, string device)
        {
            string prefix = Root + "/dev/" + device + "/down/";
            if (topic == null || !topic.StartsWith(prefix) || topic.Length == prefix.Length)
            {
                return null;
            }

            string kind = topic.Substring(prefix.Length);
            return kind.IndexOf('/') >= 0 ? null : kind;
        }
    }
}
