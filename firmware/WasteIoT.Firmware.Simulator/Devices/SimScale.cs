using WasteIoT.Firmware.Core.Hardware;
using WasteIoT.Firmware.Core.Weighbridge;
using WasteIoT.Firmware.Simulator.Fleet;
using WasteIoT.Firmware.Simulator.World;

namespace WasteIoT.Firmware.Simulator.Devices;

/// <summary>
/// A weighbridge indicator's continuous output (XK3190-A9 frames, kg, 10 a second) for the day's visits: the platform
/// empty, each pass rising over 5 s, rocking by 40 kg for 5 s, then steady for 30 s, and empty again.
/// </summary>
internal sealed class SimScale(SimulationTime time, IReadOnlyList<(long From, int Kg)> passes) : IByteStream
{
    private const long FrameMs = 100;
    private readonly Queue<byte> _pending = new();
    private long _nextFrameAt = -1;

    public static List<(long From, int Kg)> Passes(SimulationTime time, IEnumerable<WeighbridgeVisit> visits) =>
        [.. visits.SelectMany(v => new[] { (time.At(v.At), v.Delivering ? v.LoadedKg : v.EmptyKg), (time.At(v.At) + (8 * 60_000), v.Delivering ? v.EmptyKg : v.LoadedKg) }).OrderBy(p => p.Item1)];

    public int Read(byte[] buffer, int offset, int count)
    {
        var now = time.NowMs;
        if (_nextFrameAt < 0)
        {
            _nextFrameAt = now;
        }

        // At high replay speeds a tick spans many frames: the platform between two passes is empty, so only the
        // frames of the last few seconds are kept (the indicator's output is continuous; the node reads what is there).
        if (now - _nextFrameAt > 60_000)
        {
            _nextFrameAt = now - 60_000;
        }

        for (; _nextFrameAt <= now; _nextFrameAt += FrameMs)
        {
            foreach (var b in Frame(Weight(_nextFrameAt)))
            {
                _pending.Enqueue(b);
            }
        }

        var n = 0;
        while (n < count && _pending.TryDequeue(out var b))
        {
            buffer[offset + n++] = b;
        }

        return n;
    }

    public void Write(byte[] buffer, int offset, int count)
    {
    }

    private int Weight(long at)
    {
        foreach (var (from, kg) in passes)
        {
            var t = at - from;
            if (t >= 0 && t < 5_000)
            {
                return (int)(kg * t / 5_000);
            }

            if (t >= 5_000 && t < 10_000)
            {
                return kg + (t / 500 % 2 == 0 ? 40 : -40);
            }

            if (t >= 10_000 && t < 40_000)
            {
                return kg;
            }
        }

        return 0;
    }

    private static byte[] Frame(int kg) => Xk3190A9Frame.Encode(kg, 0);
}
