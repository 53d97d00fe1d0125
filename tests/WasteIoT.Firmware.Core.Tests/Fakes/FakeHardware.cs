using WasteIoT.Firmware.Core.Hardware;

namespace WasteIoT.Firmware.Core.Tests.Fakes;

internal sealed class FakePower : IPowerControl
{
    public bool WokeFromDeepSleep { get; set; }

    public double BatteryVolts { get; set; } = 3.6;

    public int Rssi { get; set; } = -70;

    public int WatchdogFeeds { get; private set; }

    public void FeedWatchdog() => WatchdogFeeds++;

    public void DeepSleep(long milliseconds)
    {
    }
}

internal sealed class FakeSwitch : ISwitch
{
    public bool On { get; private set; }

    public List<bool> Changes { get; } = [];

    public void Set(bool on)
    {
        On = on;
        Changes.Add(on);
    }
}

internal sealed class FakeRange : IRangeSensor
{
    public int DistanceMm { get; set; } = 900;

    /// <summary>Must be on for an echo to come back (the sensor rail), when given.</summary>
    public FakeSwitch? Rail { get; set; }

    public int PingsUnpowered { get; private set; }

    public bool Echo { get; set; } = true;

    public bool IsAcoustic => true;

    public double AssumedSpeedOfSound => 343.42;

    public bool TryMeasure(out int distanceMm)
    {
        if (Rail is { On: false })
        {
            PingsUnpowered++;
            distanceMm = 0;
            return false;
        }

        distanceMm = Echo ? DistanceMm : 0;
        return Echo;
    }
}

internal sealed class FakeClimate : IClimateSensor
{
    public double Celsius { get; set; } = 20;

    public bool TryRead(out double celsius, out double relativeHumidity)
    {
        celsius = Celsius;
        relativeHumidity = 60;
        return true;
    }
}

internal sealed class FakeInput : IDigitalInput
{
    public bool IsHigh { get; set; }
}

internal sealed class FakeTags : ITagReader
{
    public Queue<string> Pending { get; } = new();

    public bool TryReadTag(out string uid) => Pending.TryDequeue(out uid!);
}

internal sealed class FakeIndicator : IIndicator
{
    public List<int> Shown { get; } = [];

    public void Show(int pattern) => Shown.Add(pattern);
}

internal sealed class FakeAnalog : IAnalogInput
{
    public double Volts { get; set; }

    public bool TryReadVolts(out double volts)
    {
        volts = Volts;
        return true;
    }
}

internal sealed class FakeStream : IByteStream
{
    private readonly Queue<byte> _bytes = new();

    public List<byte[]> Written { get; } = [];

    public void Write(byte[] buffer, int offset, int count) => Written.Add(buffer.AsSpan(offset, count).ToArray());

    public void Push(byte[] bytes)
    {
        foreach (var b in bytes)
        {
            _bytes.Enqueue(b);
        }
    }

    public void Push(string text)
    {
        foreach (var b in System.Text.Encoding.ASCII.GetBytes(text))
        {
            _bytes.Enqueue(b);
        }
    }

    public int Read(byte[] buffer, int offset, int count)
    {
        var n = 0;
        while (n < count && _bytes.TryDequeue(out var b))
        {
            buffer[offset + n++] = b;
        }

        return n;
    }
}
