namespace WasteIoT.Firmware.Core.Protocol
{
    /// <summary>The gateway's answer to one pickup scan (kind <c>scanResult</c>).</summary>
    public class ScanFeedback
    {
        public const string KindName = "scanResult";

        public long Boot;
        public long Seq;
        public string Tag;
        public string Outcome;
        public string Household;

        public bool TryRead(JsonFields fields, string device, out string error)
        {
            string kind;
            string target;
            error = null;
            if (!fields.TryGetString("kind", out kind) || kind != KindName)
            {
                error = "not a scanResult";
            }
            else if (!fields.TryGetString("device", out target) || target != device)
            {
                error = "scanResult for another device";
            }
            else if (!fields.TryGetLong("boot", out Boot) || !fields.TryGetLong("seq", out Seq))
            {
                error = "missing boot/seq";
            }
            else if (!fields.TryGetString("tag", out Tag))
            {
                error = "missing tag";
            }
            else if (!fields.TryGetString("outcome", out Outcome) || !ScanOutcome.IsKnown(Outcome))
            {
                error = "missing or unknown outcome";
            }
            else if (!fields.TryGetString("household", out Household))
            {
                Household = null;
            }

            return error == null;
        }
    }
}
