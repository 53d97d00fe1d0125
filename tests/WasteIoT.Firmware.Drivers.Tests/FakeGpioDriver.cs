using System.Device.Gpio;

namespace WasteIoT.Firmware.Drivers.Tests;

/// <summary>GPIO pins in memory: there is no ESP32 or Pi header on the build machine.</summary>
internal sealed class FakeGpioDriver : GpioDriver
{
    private readonly Dictionary<int, PinValue> _values = [];
    private readonly Dictionary<int, PinMode> _modes = [];

    public List<(int Pin, PinValue Value)> Writes { get; } = [];

    public void Set(int pin, PinValue value) => _values[pin] = value;

    public PinMode ModeOf(int pin) => _modes[pin];

    protected override int PinCount => 40;

    protected override void OpenPin(int pinNumber) => _values.TryAdd(pinNumber, PinValue.Low);

    protected override void ClosePin(int pinNumber) => _values.Remove(pinNumber);

    protected override void SetPinMode(int pinNumber, PinMode mode) => _modes[pinNumber] = mode;

    protected override PinMode GetPinMode(int pinNumber) => _modes[pinNumber];

    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) => true;

    protected override PinValue Read(int pinNumber) => _values[pinNumber];

    protected override void Write(int pinNumber, PinValue value)
    {
        lock (Writes)
        {
            _values[pinNumber] = value;
            Writes.Add((pinNumber, value));
        }
    }

    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken) =>
        new() { TimedOut = true };

    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback)
    {
    }

    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
    {
    }
}
