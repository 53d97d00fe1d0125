using WasteIoT.Firmware.Core.Storage;

namespace WasteIoT.Firmware.Core.Tests.Storage;

/// <summary>Segment files in RAM that count reads and appends, can cut power mid-append and flip a stored byte (bit rot).</summary>
internal sealed class CountingStore() : WasteIoT.Firmware.Core.Hardware.ISegmentStore
{
    private readonly Dictionary<int, List<byte>> _files = [];

    public long BytesRead { get; set; }

    public int FailAfterBytes { get; set; } = -1;

    public int Appends { get; private set; }

    public int Files => _files.Count;

    public int LengthOf(int file) => Length(file);

    public int List(int[] files)
    {
        var count = 0;
        foreach (var key in _files.Keys.Take(files.Length))
        {
            files[count++] = key;
        }

        return count;
    }

    public int Length(int file) => _files.TryGetValue(file, out var bytes) ? bytes.Count : 0;

    public void Read(int file, int offset, byte[] buffer, int index, int count)
    {
        BytesRead += count;
        _files[file].CopyTo(offset, buffer, index, count);
    }

    public void Append(int file, byte[] buffer, int index, int count)
    {
        if (!_files.TryGetValue(file, out var bytes))
        {
            _files[file] = bytes = [];
        }

        Appends++;
        var allowed = FailAfterBytes >= 0 && FailAfterBytes < count ? FailAfterBytes : count;
        bytes.AddRange(buffer.AsSpan(index, allowed).ToArray());
        if (FailAfterBytes >= 0)
        {
            FailAfterBytes -= allowed;
            if (allowed < count)
            {
                FailAfterBytes = -1;
                throw new PowerLossException();
            }
        }
    }

    public void Delete(int file) => _files.Remove(file);

    public void FlipByte(int file, int offset) => _files[file][offset] ^= 0xFF;
}
