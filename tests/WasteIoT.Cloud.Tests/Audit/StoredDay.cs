using System.Text.Json;
using WasteIoT.Cloud.Store;
using WasteIoT.Contracts.Messages;
using WasteIoT.Contracts.Serialization;

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

    /// <summary>Heartbeats every <paramref name="every"/> over <c>[from, to]</c>: a node alive and heard throughout. Call <see cref="Renumber"/> after.</summary>
    public StoredDay Heard(string device, long boot, DateTimeOffset from, DateTimeOffset to, TimeSpan every)
    {
        for (var ts = from; ts <= to; ts += every)
        {
            Add(new DeviceHeartbeat { Device = device, Boot = boot, Seq = 0, Ts = ts, UptimeS = (long)(ts - from).TotalSeconds, Fw = "1.0.0", Buffered = 0, Dropped = 0 });
        }

        return this;
    }

    /// <summary>Numbers each boot's messages 1, 2, 3… in time order, as the firmware would have.</summary>
    public StoredDay Renumber()
    {
        var messages = Readings.Select(r => JsonSerializer.Deserialize(r.Json, ContractJsonContext.Default.DeviceMessage)!).ToList();
        Readings.Clear();
        foreach (var boot in messages.GroupBy(m => (m.Device, m.Boot)))
        {
            var seq = 0L;
            foreach (var message in boot.OrderBy(m => m.Ts).ThenBy(m => m.Seq))
            {
                Add(message with { Seq = ++seq });
            }

            _seq[boot.Key] = seq;
        }

        return this;
    }

    public async Task StoreAsync(IReadingStore store)
    {
        await store.IngestAsync(Readings, [], CancellationToken.None);
        Readings.Clear();
    }
}
