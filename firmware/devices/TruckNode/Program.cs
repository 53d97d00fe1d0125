using System.Device.Gpio;
using System.Device.Spi;
using System.IO.Ports;
using Iot.Device.Mfrc522;
using WasteIoT.Firmware.Core.Nodes;
using WasteIoT.Firmware.Core.Storage;
using WasteIoT.Firmware.Drivers;

namespace WasteIoT.Firmware.Devices
{
    /// <summary>Truck node, powered from the cab: a loop every 100 ms so a scan is answered at once. Pin map: hardware/truck-node/README.md.</summary>
    public class Program
    {
        public static void Main()
        {
            PinMux.Uart2(TruckNodePins.GnssRx, TruckNodePins.GnssTx);
            PinMux.Spi1(TruckNodePins.SpiClock, TruckNodePins.SpiMiso, TruckNodePins.SpiMosi);

            Esp32Power power = new Esp32Power(null, 1.0, 30000);
            // A truck may spend hours in a dead zone: the 8 MB module's 2 MiB littlefs partition holds a 1.5 MiB log.
            NodeContext context = DeviceBoot.Start(power, LogLayout.TruckNode(), DeviceBoot.WifiTransport(), 8);

            GpioController gpio = new GpioController();
            TruckNodeHardware hardware = new TruckNodeHardware();
            hardware.Gnss = new SerialByteStream(new SerialPort("COM2", 9600));
            hardware.TagReader = new Mfrc522TagReader(new MfRc522(SpiDevice.Create(new SpiConnectionSettings(1, TruckNodePins.SpiChipSelect)), TruckNodePins.ReaderReset, gpio, false));
            hardware.Cover = new GpioDigitalInput(gpio, TruckNodePins.CoverReed, false, false);
            hardware.Indicator = new GpioIndicator(gpio, TruckNodePins.GreenLed, TruckNodePins.RedLed, TruckNodePins.Buzzer);
            hardware.Equipment = WorkInputs(gpio);
            TruckNode node = new TruckNode(context, hardware);

            DeviceBoot.RunForever(context, node, 100);
        }

        // Optocoupled from the vehicle's equipment circuit: the input is pulled low while the equipment runs.
        private static EquipmentInput[] WorkInputs(GpioController gpio)
        {
            int count = (DeviceSettings.WorkEquipmentA != null ? 1 : 0) + (DeviceSettings.WorkEquipmentB != null ? 1 : 0);
            EquipmentInput[] inputs = new EquipmentInput[count];
            int next = 0;
            if (DeviceSettings.WorkEquipmentA != null)
            {
                inputs[next++] = new EquipmentInput(DeviceSettings.WorkEquipmentA, new GpioDigitalInput(gpio, TruckNodePins.WorkInputA, true, false));
            }

            if (DeviceSettings.WorkEquipmentB != null)
            {
                inputs[next] = new EquipmentInput(DeviceSettings.WorkEquipmentB, new GpioDigitalInput(gpio, TruckNodePins.WorkInputB, true, false));
            }

            return inputs;
        }
    }
}
