namespace WasteIoT.Firmware.Core.Protocol
{
    /// <summary>A work vehicle's equipment switched on or off (kind <c>work</c>).</summary>
    public class EquipmentEvent : DeviceMessage
    {
        public const string KindName = "work";

        public string Equipment = WorkEquipment.Brush;

        public bool On;

        public override string Kind
        {
            get { return KindName; }
        }

        protected override void WriteBody(JsonWriter writer)
        {
            writer.WriteString("equipment", Equipment);
            writer.WriteBool("on", On);
        }

        protected override string ReadBody(JsonFields fields)
        {
            if (!fields.TryGetString("equipment", out Equipment) || !WorkEquipment.IsKnown(Equipment))
            {
                return "equipment";
            }

            return fields.TryGetBool("on", out On) ? null : "on";
        }
    }
}
