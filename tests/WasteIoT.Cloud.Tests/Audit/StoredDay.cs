using WasteIoT.Contracts.Messages;
using WasteIoT.Contracts.Serialization;
using WasteIoT.Cloud.Storage;

namespace WasteIoT.Cloud.Tests.Audit;

/// <summary>Builds device messages for a hand-written day and stores them as the gateway path would.</summary>
internal sealed class StoredDay
{
    private readonly Dictionary<(string, long), long> _seq = [];

    public List<StoredReading> Readings { get; } = [];

    public StoredDay Add(DeviceMessage message)
    {
        Readings.Add(new StoredReading(message.Device, message.Boot, message.Seq, message.Kind, message.Ts, message.Ts.AddSeconds(1), "gw-test", WireCodec.Encode(message)));
        return this;
    }

    /// <summary>The next sequence number of a device's boot, as its firmware would count.</summary>
    public long Next(string device, long boot)
    {
        var key = (device, boot);
        _seq[key] = _seq.GetValueOrDefault(key) + 1;
        return _seq[key];
    }

    public async Task StoreAsync(IReadingStore store)
    {
        await store.IngestAsync(Readings, [], CancellationToken.None);
        Readings.Clear();
    }
}
