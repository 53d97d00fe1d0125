using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using WasteIoT.Cloud.Ingest;
using WasteIoT.Cloud.Registry;
using WasteIoT.Cloud.Store;
using WasteIoT.Contracts.Messages;
using WasteIoT.Contracts.Serialization;

namespace WasteIoT.Cloud.Live;

/// <summary>
/// Trucks' positions as they are stored, for the live map: the last position and cover state of each truck, and a
/// channel per open page. Runs on the ingest path, so it only decodes truck positions and hands them on; a slow page
/// loses its oldest positions, never slows ingest.
/// </summary>
public sealed class LiveFeed : IHostedService, IDisposable
{
    private readonly IngestFeed _feed;
    private readonly CountyRegistry _registry;
    private readonly ConcurrentDictionary<string, TruckPositionEvent> _last = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CargoCover> _cover = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Channel<TruckPositionEvent>, byte> _pages = new();

    public LiveFeed(IngestFeed feed, CountyRegistry registry)
    {
        _feed = feed;
        _registry = registry;
    }

    /// <summary>Listens to ingest from the host's start, before the first gateway can connect.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _feed.Stored += OnStored;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _feed.Stored -= OnStored;
        return Task.CompletedTask;
    }

    public IReadOnlyCollection<TruckPositionEvent> Latest => [.. _last.Values];

    public Channel<TruckPositionEvent> Subscribe()
    {
        var channel = Channel.CreateBounded<TruckPositionEvent>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        _pages[channel] = 0;
        return channel;
    }

    public void Unsubscribe(Channel<TruckPositionEvent> channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        _pages.TryRemove(channel, out _);
        channel.Writer.TryComplete();
    }

    public void Dispose() => _feed.Stored -= OnStored;

    private void OnStored(IReadOnlyList<StoredReading> readings)
    {
        var owners = _registry.Cached.DeviceOwners;
        foreach (var reading in readings)
        {
            if (!owners.TryGetValue(reading.Device, out var owner) || owner.Kind != RegistryKinds.Trucks)
            {
                continue;
            }

            if (reading.Kind == MessageKinds.Cover && JsonSerializer.Deserialize(reading.Json, ContractJsonContext.Default.DeviceMessage) is CargoCoverEvent cover)
            {
                _cover[owner.Id] = CargoCovers.From(cover.State);
                if (_last.TryGetValue(owner.Id, out var last))
                {
                    Publish(last with { Cover = _cover[owner.Id] });
                }
            }
            else if (reading.Kind == MessageKinds.Position && Readings.PositionReader.TryRead(reading.Json, out var p) && p is not null)
            {
                var truck = _registry.Cached.Find<Truck>(RegistryKinds.Trucks, owner.Id);
                var position = new TruckPositionEvent(owner.Id, truck?.Contractor ?? string.Empty, p.Device, p.Ts, p.Lat, p.Lon, p.Speed, p.Heading, _cover.GetValueOrDefault(owner.Id, CargoCover.Unknown));
                if (!_last.TryGetValue(owner.Id, out var previous) || previous.Ts <= position.Ts)
                {
                    Publish(position);
                }
            }
        }
    }

    private void Publish(TruckPositionEvent position)
    {
        _last[position.Truck] = position;
        foreach (var page in _pages.Keys)
        {
            page.Writer.TryWrite(position);
        }
    }
}
