using Iot.Device.Ads1115;
using WasteIoT.Firmware.Core.Hardware;

namespace WasteIoT.Firmware.Drivers
{
    /// <summary>One single-ended channel of an ADS1115 (16 bit), carrying a gas cell's amplified output.</summary>
    public class Ads1115AnalogInput : IAnalogInput
    {
        private readonly Ads1115 _adc;
        private readonly InputMultiplexer _channel;

        public Ads1115AnalogInput(Ads1115 adc, InputMultiplexer channel)
        {
            _adc = adc;
            _channel = channel;
        }

        public bool TryReadVolts(out double volts)
        {
            try
            {
                volts = _adc.ReadVoltage(_channel).Volts;
                return true;
            }
            catch (System.IO.IOException)
            {
                volts = double.NaN;
                return false;
            }
        }
    }
}
