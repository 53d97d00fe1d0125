using System.Device.Adc;
using System.Device.Gpio;
using System.Device.I2c;
using System.Device.Spi;
using System.IO.Ports;
using Iot.Device.Ads1115;
using Iot.Device.Mfrc522;
using WasteIoT.Firmware.Core.Nodes;
using WasteIoT.Firmware.Core.Storage;
using WasteIoT.Firmware.Core.Sensing;
using WasteIoT.Firmware.Core.Weighbridge;
using WasteIoT.Firmware.Drivers;

namespace WasteIoT.Firmware.Devices
{
    /// <summary>Site node (toilet or transfer station), mains powered: a loop every 200 ms. Pin map: hardware/site-node/README.md.</summary>
    public class Program
    {
        public static void Main()
        {
            PinMux.I2c1(SiteNodePins.I2cData, SiteNodePins.I2cClock);
            PinMux.Uart2(SiteNodePins.DustRx, SiteNodePins.DustTx);
            PinMux.Spi1(SiteNodePins.SpiClock, SiteNodePins.SpiMiso, SiteNodePins.SpiMosi);

            Esp32Power power = new Esp32Power(null, 1.0, 30000);
            NodeContext context = DeviceBoot.Start(power, LogLayout.SiteNode(), DeviceBoot.WifiTransport(), 8);

            GpioController gpio = new GpioController();
            Ads1115 adc = new Ads1115(I2cDevice.Create(new I2cConnectionSettings(1, (byte)I2cAddress.GND)), InputMultiplexer.AIN0, MeasuringRange.FS2048, DataRate.SPS128, DeviceMode.PowerDown);
            SiteNodeHardware hardware = new SiteNodeHardware();
            hardware.Nh3 = new Ads1115AnalogInput(adc, InputMultiplexer.AIN0);
            hardware.Nh3Calibration = GasCellCalibration.Ze03Nh3();
            hardware.H2s = new Ads1115AnalogInput(adc, InputMultiplexer.AIN1);
            hardware.H2sCalibration = GasCellCalibration.Ze03H2s();
            hardware.Dust = new SerialByteStream(new SerialPort("COM2", 9600));
            hardware.DustParser = new Sds011Parser();
            hardware.Climate = new Sht3xClimateSensor(I2cDevice.Create(new I2cConnectionSettings(1, 0x44)));
            hardware.BadgeReader = new Mfrc522TagReader(new MfRc522(SpiDevice.Create(new SpiConnectionSettings(1, SiteNodePins.SpiChipSelect)), SiteNodePins.ReaderReset, gpio, false));
            hardware.DisinfectButton = new GpioDigitalInput(gpio, SiteNodePins.DisinfectButton, true);
            hardware.Indicator = new GpioIndicator(gpio, SiteNodePins.GreenLed, SiteNodePins.RedLed, SiteNodePins.Buzzer);
            if (DeviceSettings.ScaleFormat != null)
            {
                // A scale house: the indicator on COM3, the reader's cards are the vehicles'. A truck is weighed once
                // settled 2 s within a division, over 500 kg; a visit waits 4 h for its second pass.
                PinMux.Uart3Rx(SiteNodePins.ScaleRx);
                hardware.Scale = new SerialByteStream(new SerialPort("COM3", 9600));
                if (DeviceSettings.ScaleFormat == "ticket")
                {
                    hardware.ScaleTickets = new TicketParser();
                }
                else
                {
                    hardware.ScaleFrames = DeviceSettings.ScaleFormat == "reversed"
                        ? (IWeightFrames)new ReversedWeightParser(DeviceSettings.ScaleKgPerUnit)
                        : new Xk3190A9Parser(DeviceSettings.ScaleKgPerUnit);
                }
                hardware.ScaleCapture = new WeighingCapture(500, DeviceSettings.ScaleDivisionKg, 2000, 4 * 3600000L);
            }

            if (DeviceSettings.FlowLitresPerPulse > 0)
            {
                // The meter pulls the line low for each pulse (open collector against the external pull-up).
                hardware.FlowMeter = new GpioDigitalInput(gpio, SiteNodePins.FlowMeter, true, false);
                hardware.Treated = new PulseTotaliser(DeviceSettings.FlowLitresPerPulse);
            }

            SiteNode node = new SiteNode(context, hardware);

            DeviceBoot.RunForever(context, node, 200);
        }
    }
}
