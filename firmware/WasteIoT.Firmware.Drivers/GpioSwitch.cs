using System.Device.Gpio;
using WasteIoT.Firmware.Core.Hardware;

namespace WasteIoT.Firmware.Drivers
{
    /// <summary>A GPIO driving a switch transistor: a P-MOSFET rail switch is on when its gate is low (activeLow).</summary>
    public class GpioSwitch : ISwitch
    {
        private readonly GpioController _gpio;
        private readonly int _pin;
        private readonly bool _activeLow;

        public GpioSwitch(GpioController gpio, int pin, bool activeLow)
        {
            _gpio = gpio;
            _pin = pin;
            _activeLow = activeLow;
            gpio.OpenPin(pin, PinMode.Output);
            Set(false);
        }

        public void Set(bool on)
        {
            _gpio.Write(_pin, on != _activeLow ? PinValue.High : PinValue.Low);
        }
    }
}
