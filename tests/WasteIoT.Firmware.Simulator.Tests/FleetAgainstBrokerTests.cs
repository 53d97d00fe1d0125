using System.Text.Json;
using WasteIoT.Contracts.Messages;
using WasteIoT.Contracts.Serialization;
using WasteIoT.Firmware.Simulator.Fleet;

namespace WasteIoT.Firmware.Simulator.Tests;

/// <summary>The real firmware core, in simulated devices, over real MQTT to a broker on loopback.</summary>
public sealed class FleetAgainstBrokerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 6, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task SmallFleetDeliversValidMessagesOfEveryKindInOrder()
    {
        await using var broker = await LocalBroker.StartAsync();
        var fleet = FleetGenerator.Create(seed: 3, trucks: 1, householdsPerTruck: 12, toilets: 1, binsPerTruck: 2) with
        {
            Start = Start,
            Duration = TimeSpan.FromHours(3),
            Broker = new BrokerEndpoint { Port = broker.Port },
            Trucks = [FleetGenerator.Create(3, 1, 12, 1, 2).Trucks[0] with { DepartAt = new TimeOnly(6, 30) }],
        };

        using var runner = new FleetRunner(fleet, progress: null);
        await runner.RunAsync(speed: 0, CancellationToken.None);

        var messages = Decode(broker, Start.AddHours(4));
        Assert.Equal(0, runner.Pending);
        Assert.Equal(runner.Published, runner.Acknowledged);

        var kinds = messages.Select(m => m.Kind).ToHashSet();
        foreach (var kind in new[] { "fill", "air", "badge", "pos", "cover", "scan", "hb" })
        {
            Assert.Contains(kind, kinds);
        }

        // Per device and boot, sequence numbers arrive complete and unique.
        foreach (var group in messages.GroupBy(m => (m.Device, m.Boot)))
        {
            var seqs = group.Select(m => m.Seq).Distinct().Order().ToList();
            Assert.Equal(Enumerable.Range(1, seqs.Count).Select(i => (long)i), seqs);
        }

        // Every household of the route was scanned, at its door.
        var scans = messages.OfType<PickupScan>().ToList();
        Assert.Equal(12, scans.Select(s => s.Tag).Distinct().Count());
        var route = fleet.Trucks[0].Households.ToDictionary(h => h.Tag);
        Assert.All(scans, s => Assert.True(Math.Abs(s.Lat!.Value - route[s.Tag].Lat) < 2e-4 && Math.Abs(s.Lon!.Value - route[s.Tag].Lon) < 2e-4));

        // Status announcements are retained.
        Assert.Contains(broker.Received, r => r.Topic == "wiot/v1/dev/truck-01/status" && r.Retain);
    }

    [Fact]
    public async Task SweeperReportsItsBrushesOnWhileItDrivesAndOffWhenItHalts()
    {
        await using var broker = await LocalBroker.StartAsync();
        var generated = FleetGenerator.Create(seed: 5, trucks: 1, householdsPerTruck: 6, toilets: 0, binsPerTruck: 0);
        var fleet = generated with
        {
            Start = Start,
            Duration = TimeSpan.FromHours(2),
            Broker = new BrokerEndpoint { Port = broker.Port },
            Trucks = [generated.Trucks[0] with { DepartAt = new TimeOnly(6, 30), Equipment = "brush" }],
        };

        using var runner = new FleetRunner(fleet, progress: null);
        await runner.RunAsync(speed: 0, CancellationToken.None);

        var work = Decode(broker, Start.AddHours(3)).OfType<EquipmentEvent>().OrderBy(e => e.Seq).ToList();
        Assert.All(work, e => Assert.Equal(WorkEquipment.Brush, e.Equipment));

        // Off in the depot at boot, then on for each drive and off at each halt: never the same state twice running.
        Assert.False(work[0].On);
        Assert.True(work.Count(e => e.On) >= 6, string.Join(", ", work.Select(e => $"{e.Ts:HH:mm:ss} {e.On}")));
        Assert.All(work.Zip(work.Skip(1)), pair => Assert.NotEqual(pair.First.On, pair.Second.On));
    }

    [Fact]
    public async Task InjectedFaultsShowInTheData()
    {
        await using var broker = await LocalBroker.StartAsync();
        var generated = FleetGenerator.Create(seed: 5, trucks: 1, householdsPerTruck: 10, toilets: 1, binsPerTruck: 2);
        var truck = generated.Trucks[0] with { DepartAt = new TimeOnly(6, 5) };
        var skipped = truck.Households[4].Household;
        var fleet = generated with
        {
            Start = Start,
            Duration = TimeSpan.FromHours(2),
            Broker = new BrokerEndpoint { Port = broker.Port },
            Trucks = [truck],
            Faults =
            [
                new FaultDefinition { Type = FaultTypes.SkipHousehold, Device = truck.Device, Household = skipped },
                new FaultDefinition { Type = FaultTypes.CoverOpenWhileDriving, Device = truck.Device, AfterStop = 2 },
                new FaultDefinition { Type = FaultTypes.Reboot, Device = generated.Bins[0].Device, From = new TimeOnly(7, 0) },
                new FaultDefinition { Type = FaultTypes.DeadZone, Device = truck.Device, From = new TimeOnly(6, 10), To = new TimeOnly(6, 20) },
            ],
        };

        using var runner = new FleetRunner(fleet, progress: null);
        await runner.RunAsync(speed: 0, CancellationToken.None);
        var messages = Decode(broker, Start.AddHours(3));

        var scanned = messages.OfType<PickupScan>().Select(s => s.Tag).ToHashSet();
        Assert.DoesNotContain(truck.Households[4].Tag, scanned);
        Assert.Equal(9, scanned.Count);

        // The cover stayed open while the truck drove to the next household.
        var positions = messages.OfType<TruckPosition>().OrderBy(p => p.Ts).ToList();
        var covers = messages.OfType<CargoCoverEvent>().OrderBy(c => c.Ts).ToList();
        var drivenOpen = positions.Where(p => p.Speed > 5 && IsOpen(covers, p.Ts)).ToList();
        Assert.True(drivenOpen.Count >= 5, $"{drivenOpen.Count} fixes driving with the cover open");

        // The rebooted bin started a new boot whose sequence restarts at 1.
        var boots = messages.Where(m => m.Device == generated.Bins[0].Device).Select(m => m.Boot).Distinct().Order().ToList();
        Assert.Equal([1L, 2L], boots);

        // Messages made in the dead zone were held in flash and arrived afterwards.
        var deadZoneEnd = Start.Date.AddHours(6).AddMinutes(20);
        Assert.Contains(messages, m => m.Device == truck.Device && m.Ts.UtcDateTime < deadZoneEnd.AddHours(-8) && m.Ts.UtcDateTime > deadZoneEnd.AddHours(-8).AddMinutes(-10));
    }

    [Fact]
    public async Task ToiletCleanedFourTimesAndDroppedSensorShowInAFullDay()
    {
        await using var broker = await LocalBroker.StartAsync();
        var fleet = new FleetDefinition
        {
            Seed = 11,
            Start = new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.FromHours(8)),
            Duration = TimeSpan.FromHours(24),
            Broker = new BrokerEndpoint { Port = broker.Port },
            Sites =
            [
                new SiteDefinition { Device = "site-t01", Cleaner = "04A20001" },
                new SiteDefinition { Device = "site-t02", Cleaner = "04A20002" },
            ],
            Bins = [new BinDefinition { Device = "bin-0001" }],
            Faults =
            [
                new FaultDefinition { Type = FaultTypes.CleaningsOnly, Device = "site-t02", Count = 4 },
                new FaultDefinition { Type = FaultTypes.SensorDropout, Device = "bin-0001", From = new TimeOnly(10, 0), To = new TimeOnly(12, 0) },
            ],
        };

        using var runner = new FleetRunner(fleet, progress: null);
        await runner.RunAsync(speed: 0, CancellationToken.None);
        var messages = Decode(broker, fleet.Start.AddDays(1).AddHours(1));

        int Visits(string device) => messages.OfType<CleanerBadgeEvent>().Count(b => b.Device == device && b.Action == BadgeAction.CheckOut && b.DwellS >= 300);
        Assert.Equal(6, Visits("site-t01"));
        Assert.Equal(4, Visits("site-t02"));

        var fills = messages.OfType<BinFillReading>().Where(f => f.Device == "bin-0001").ToList();
        var dropout = fills.Where(f => f.Ts >= fleet.Start.AddHours(10) && f.Ts < fleet.Start.AddHours(12)).ToList();
        Assert.NotEmpty(dropout);
        Assert.All(dropout, f => Assert.True(f.Echo == EchoStatus.Lost && f.FillingLevel is null));
        Assert.Contains(fills, f => f.Ts >= fleet.Start.AddHours(12) && f.Echo == EchoStatus.Ok);

        // Odour rises with visitors during the day and falls after cleanings: not flat.
        var nh3 = messages.OfType<SiteAirReading>().Where(a => a.Device == "site-t01" && a.Nh3 is not null).Select(a => a.Nh3!.Value).ToList();
        Assert.True(nh3.Max() > 2 * nh3.Min(), $"NH3 {nh3.Min()}..{nh3.Max()}");
    }

    private static bool IsOpen(List<CargoCoverEvent> covers, DateTimeOffset at) =>
        covers.LastOrDefault(c => c.Ts <= at)?.State == CoverState.Open;

    private static List<DeviceMessage> Decode(LocalBroker broker, DateTimeOffset now)
    {
        var messages = new List<DeviceMessage>();
        foreach (var (_, topic, payload, _) in broker.Received)
        {
            if (!topic.Contains("/up/", StringComparison.Ordinal))
            {
                continue;
            }

            var result = WireCodec.DecodeDevicePublish(topic, payload, now);
            Assert.True(result.IsValid, $"{topic}: {result.Violation} in {System.Text.Encoding.UTF8.GetString(payload)}");
            messages.Add(result.Value);
        }

        return messages;
    }
}
