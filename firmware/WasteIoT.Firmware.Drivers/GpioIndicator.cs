using System;
using System.Device.Gpio;
using System.Threading;
using WasteIoT.Firmware.Core.Hardware;

namespace WasteIoT.Firmware.Drivers
{
    /// <summary>
    /// A green and a red LED and an active buzzer. Patterns play on their own thread so the main loop never
    /// waits for a beep; a new pattern replaces one still playing.
    /// </summary>
    public class GpioIndicator : IIndicator, IDisposable
    {
        private readonly GpioController _gpio;
        private readonly int _green;
        private readonly int _red;
        private readonly int _buzzer;
        private readonly AutoResetEvent _signal = new AutoResetEvent(false);
        private readonly Thread _player;
        private int _pattern;
        private bool _disposed;

        public GpioIndicator(GpioController gpio, int greenPin, int redPin, int buzzerPin)
        {
            _gpio = gpio;
            _green = greenPin;
            _red = redPin;
            _buzzer = buzzerPin;
            gpio.OpenPin(greenPin, PinMode.Output);
            gpio.OpenPin(redPin, PinMode.Output);
            gpio.OpenPin(buzzerPin, PinMode.Output);
            _player = new Thread(Play);
#if !NANOFRAMEWORK_1_0
            // On a host the process must be able to exit with the player still waiting.
            _player.IsBackground = true;
#endif
            _player.Start();
        }

        public void Show(int pattern)
        {
            _pattern = pattern;
            _signal.Set();
        }

        /// <summary>Stops the player after the pattern in progress; call before disposing the controller.</summary>
        public void Dispose()
        {
            _disposed = true;
            _signal.Set();
            _player.Join();
        }

        private void Play()
        {
            while (true)
            {
                _signal.WaitOne();
                if (_disposed)
                {
                    return;
                }

                int pattern = _pattern;
                switch (pattern)
                {
                    case FeedbackPattern.Accepted:
                    case FeedbackPattern.CheckedIn:
                        Flash(_green, 1, 120);
                        break;
                    case FeedbackPattern.Duplicate:
                    case FeedbackPattern.CheckedOut:
                        Flash(_green, 2, 100);
                        break;
                    case FeedbackPattern.NotOnRoute:
                    case FeedbackPattern.ShortVisit:
                        Flash(_red, 1, 800);
                        break;
                    case FeedbackPattern.UnknownTag:
                        Flash(_red, 3, 100);
                        break;
                    case FeedbackPattern.CoverAlarm:
                        Flash(_red, 10, 150);
                        break;
                    case FeedbackPattern.Read:
                    case FeedbackPattern.Unconfirmed:
                        _gpio.Write(_green, PinValue.High);
                        _gpio.Write(_red, PinValue.High);
                        Beep(40);
                        break;
                    default:
                        _gpio.Write(_green, PinValue.Low);
                        _gpio.Write(_red, PinValue.Low);
                        break;
                }
            }
        }

        private void Flash(int led, int times, int milliseconds)
        {
            _gpio.Write(_green, PinValue.Low);
            _gpio.Write(_red, PinValue.Low);
            for (int i = 0; i < times; i++)
            {
                _gpio.Write(led, PinValue.High);
                Beep(milliseconds);
                _gpio.Write(led, PinValue.Low);
                Thread.Sleep(milliseconds);
            }
        }

        private void Beep(int milliseconds)
        {
            _gpio.Write(_buzzer, PinValue.High);
            Thread.Sleep(milliseconds);
            _gpio.Write(_buzzer, PinValue.Low);
        }
    }
}
