using System.Device.Gpio;
using WasteIoT.Firmware.Core.Hardware;

namespace WasteIoT.Firmware.Drivers
{
    /// <summary>A switch to ground with the internal pull-up: the cover reed switch, the tilt switch, the disinfection button.</summary>
    public class GpioDigitalInput : IDigitalInput
    {
        private readonly GpioController _gpio;
        private readonly int _pin;
        private readonly bool _activeLow;

        public GpioDigitalInput(GpioController gpio, int pin, bool activeLow)
            : this(gpio, pin, activeLow, true)
        {
        }

        /// <param name="internalPullUp">False on the ESP32's input-only GPIO34–39, which have no pull-up: fit one outside.</param>
        public GpioDigitalInput(GpioController gpio, int pin, bool activeLow, bool internalPullUp)
        {
            _gpio = gpio;
            _pin = pin;
            _activeLow = activeLow;
            gpio.OpenPin(pin, internalPullUp ? PinMode.InputPullUp : PinMode.Input);
        }

        public bool IsHigh
        {
            get
            {
                bool high = _gpio.Read(_pin) == PinValue.High;
                return _activeLow ? !high : high;
            }
        }
    }
}
