using System.Collections.Concurrent;
using WasteIoT.Firmware.Core.Hardware;

namespace WasteIoT.Firmware.Simulator.Devices;

/// <summary>Tags presented to a reader by the simulated world.</summary>
internal sealed class SimTagReader : ITagReader
{
    private readonly ConcurrentQueue<string> _tags = new();

    public void Present(string uid) => _tags.Enqueue(uid);

    public bool TryReadTag(out string uid) => _tags.TryDequeue(out uid!);
}
