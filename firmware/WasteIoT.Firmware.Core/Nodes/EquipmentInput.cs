using WasteIoT.Firmware.Core.Hardware;

namespace WasteIoT.Firmware.Core.Nodes
{
    /// <summary>One piece of work equipment on a digital input of a truck node: high while it works (or is raised).</summary>
    public class EquipmentInput
    {
        public EquipmentInput(string equipment, IDigitalInput input)
        {
            Equipment = equipment;
            Input = input;
        }

        /// <summary>A WorkEquipment name: brush, pump, cannon or tipper.</summary>
        public string Equipment { get; private set; }

        public IDigitalInput Input { get; private set; }
    }
}
