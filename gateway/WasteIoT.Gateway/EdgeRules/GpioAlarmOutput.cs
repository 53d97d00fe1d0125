using System.Device.Gpio;

namespace WasteIoT.Gateway.EdgeRules;

/// <summary>A buzzer and LED on one GPIO pin of the Pi, through a transistor (active high).</summary>
public sealed class GpioAlarmOutput : IAlarmOutput, IDisposable
{
    private readonly GpioController _gpio;
    private readonly int _pin;

    public GpioAlarmOutput(int pin)
    {
        _gpio = new GpioController();
        _pin = pin;
        _gpio.OpenPin(pin, PinMode.Output, PinValue.Low);
    }

    public void Set(bool on) => _gpio.Write(_pin, on ? PinValue.High : PinValue.Low);

    public void Dispose() => _gpio.Dispose();
}
