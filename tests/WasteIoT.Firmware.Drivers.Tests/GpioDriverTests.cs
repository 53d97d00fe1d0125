using System.Device.Gpio;
using WasteIoT.Firmware.Core.Hardware;

namespace WasteIoT.Firmware.Drivers.Tests;

public sealed class GpioDriverTests
{
    [Fact]
    public void ActiveLowSwitchReadsClosedAsHigh()
    {
        var driver = new FakeGpioDriver();
        using var gpio = new GpioController(driver);
        var cover = new GpioDigitalInput(gpio, 4, activeLow: true);
        Assert.Equal(PinMode.InputPullUp, driver.ModeOf(4));

        driver.Set(4, PinValue.High);
        Assert.False(cover.IsHigh);
        driver.Set(4, PinValue.Low);
        Assert.True(cover.IsHigh);
    }

    [Fact]
    public void IndicatorPlaysPatternsOnItsOwnThread()
    {
        var driver = new FakeGpioDriver();
        using var gpio = new GpioController(driver);
        using var indicator = new GpioIndicator(gpio, greenPin: 25, redPin: 26, buzzerPin: 27);

        indicator.Show(FeedbackPattern.UnknownTag);
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (DateTime.UtcNow < deadline)
        {
            lock (driver.Writes)
            {
                if (driver.Writes.Count(w => w.Pin == 27 && w.Value == PinValue.High) >= 3)
                {
                    break;
                }
            }

            Thread.Sleep(20);
        }

        lock (driver.Writes)
        {
            Assert.Equal(3, driver.Writes.Count(w => w.Pin == 26 && w.Value == PinValue.High));
            Assert.DoesNotContain(driver.Writes, w => w.Pin == 25 && w.Value == PinValue.High);
        }
    }

    [Theory]
    [InlineData(new byte[] { 0x04, 0xA2, 0xB9, 0xC1 }, "04A2B9C1")]
    [InlineData(new byte[] { 0x00, 0xFF }, "00FF")]
    [InlineData(new byte[0], "")]
    public void TagUidsAreUpperCaseHex(byte[] uid, string expected) => Assert.Equal(expected, Hex.Upper(uid));
}
