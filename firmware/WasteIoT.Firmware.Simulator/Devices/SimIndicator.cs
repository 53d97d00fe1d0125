using WasteIoT.Firmware.Core.Hardware;

namespace WasteIoT.Firmware.Simulator.Devices;

/// <summary>Counts what the crew or cleaner would have seen and heard.</summary>
internal sealed class SimIndicator : IIndicator
{
    private readonly int[] _counts = new int[16];

    public int Count(int pattern) => _counts[pattern];

    public void Show(int pattern)
    {
        if (pattern >= 0 && pattern < _counts.Length)
        {
            Interlocked.Increment(ref _counts[pattern]);
        }
    }
}
