namespace WasteIoT.Firmware.Core.Protocol
{
    /// <summary>The cargo cover changed state (kind <c>cover</c>).</summary>
    public class CargoCoverEvent : DeviceMessage
    {
        public const string KindName = "cover";

        public string State = CoverState.Closed;

        public override string Kind
        {
            get { return KindName; }
        }

        protected override void WriteBody(JsonWriter writer)
        {
            writer.WriteString("state", State);
        }

        protected override string ReadBody(JsonFields fields)
        {
            return fields.TryGetString("state", out State) && CoverState.IsKnown(State) ? null : "state";
        }
    }
}
