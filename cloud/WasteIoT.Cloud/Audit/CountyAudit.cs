using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using WasteIoT.Contracts.Messages;
using WasteIoT.Cloud.Checks.Api;
using WasteIoT.Cloud.Checks.Clearance;
using WasteIoT.Cloud.Checks.Coverage;
using WasteIoT.Cloud.Checks.DataHealth;
using WasteIoT.Cloud.Checks.Ponds;
using WasteIoT.Cloud.Checks.SealedTransport;
using WasteIoT.Cloud.Checks.Toilets;
using WasteIoT.Cloud.Checks.TransferStations;
using WasteIoT.Cloud.Hosting;
using WasteIoT.Cloud.Registry;

namespace WasteIoT.Cloud.Audit;

/// <summary>
/// Runs the pure checks over stored data for registered things: loads each thing's devices for the local day
/// (with a look-back where state carries over midnight), maps messages to the checks' inputs, and gathers the county's day.
/// </summary>
public sealed class CountyAudit(DeviceDay loader, CountyRegistry registry, IOptions<CloudOptions> options, IOptions<CheckRules> rules, TimeProvider time)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public CheckRules Rules => rules.Value;

    public DayWindow Window(DateOnly date) => DayWindow.For(date, _zone);

    /// <summary>The county's local day of a moment.</summary>
    public DateOnly DayOf(DateTimeOffset moment) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, _zone).DateTime);

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), _zone).DateTime);

    public Task<RouteAudit> RouteAsync(CollectionRoute route, DateOnly date, RegistrySnapshot snapshot, CancellationToken cancellationToken) =>
        RouteAsync(route, date, snapshot, null, null, cancellationToken);

    public Task<TruckAudit> TruckAsync(Truck truck, DateOnly date, CancellationToken cancellationToken) =>
        TruckAsync(truck, date, null, null, cancellationToken);

    public Task<BinAudit> BinAsync(Bin bin, DateOnly date, CancellationToken cancellationToken) => BinAsync(bin, date, null, cancellationToken);

    public Task<ToiletAudit> ToiletAsync(Site toilet, DateOnly date, CancellationToken cancellationToken) => ToiletAsync(toilet, date, null, cancellationToken);

    public Task<StationAudit> StationAsync(Site station, DateOnly date, RegistrySnapshot snapshot, CancellationToken cancellationToken) =>
        StationAsync(station, date, snapshot, null, cancellationToken);

    public Task<PondAudit> PondAsync(Pond pond, DateOnly date, CancellationToken cancellationToken) => PondAsync(pond, date, null, cancellationToken);

    /// <summary>
    /// Everything for one day. Each device's rows are read once: the truck's serve its sealed-transport check, its
    /// routes' coverage and the data health. Things are audited a few at a time; the database serves them in parallel.
    /// </summary>
    public async Task<CountyDay> DayAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var snapshot = await registry.CurrentAsync(cancellationToken);
        var computedAt = time.GetUtcNow();
        var day = Window(date);
        var health = new HealthTracker(day.Start);
        var scansByTruck = new ConcurrentDictionary<string, List<ScanRecord>>(StringComparer.Ordinal);
        var trucks = new ConcurrentBag<TruckAudit>();
        var bins = new ConcurrentBag<BinAudit>();
        var toilets = new ConcurrentBag<ToiletAudit>();
        var stations = new ConcurrentBag<StationAudit>();
        var ponds = new ConcurrentBag<PondAudit>();
        var work = new List<Func<CancellationToken, Task>>();
        work.AddRange(snapshot.Of<Truck>(RegistryKinds.Trucks).Select(t => (Func<CancellationToken, Task>)(async ct => trucks.Add(await TruckAsync(t, date, health, scansByTruck, ct)))));
        work.AddRange(snapshot.Of<Bin>(RegistryKinds.Bins).Where(b => b.Site.Length == 0).Select(b => (Func<CancellationToken, Task>)(async ct => bins.Add(await BinAsync(b, date, health, ct)))));
        work.AddRange(snapshot.Of<Site>(RegistryKinds.Sites).Select(s => (Func<CancellationToken, Task>)(s.Kind == SiteKind.Toilet
            ? async ct => toilets.Add(await ToiletAsync(s, date, health, ct))
            : async ct => stations.Add(await StationAsync(s, date, snapshot, health, ct)))));
        work.AddRange(snapshot.Of<Pond>(RegistryKinds.Ponds).Select(p => (Func<CancellationToken, Task>)(async ct => ponds.Add(await PondAsync(p, date, health, ct)))));
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (item, ct) => await item(ct));

        var routes = new List<RouteAudit>();
        foreach (var route in snapshot.Of<CollectionRoute>(RegistryKinds.Routes))
        {
            routes.Add(await RouteAsync(route, date, snapshot, scansByTruck, null, cancellationToken));
        }

        var now = computedAt < day.End ? computedAt : day.End;
        var (dataHealth, reporting) = health.Result(snapshot.DeviceOwners.Keys.ToList(), now, Rules.SilentAfter);
        var routeList = routes.OrderBy(r => r.Route, StringComparer.Ordinal).ToList();
        var truckList = trucks.OrderBy(t => t.Truck, StringComparer.Ordinal).ToList();
        var binList = bins.OrderBy(b => b.Bin, StringComparer.Ordinal).ToList();
        var toiletList = toilets.OrderBy(t => t.Toilet, StringComparer.Ordinal).ToList();
        var stationList = stations.OrderBy(s => s.Station, StringComparer.Ordinal).ToList();
        var pondList = ponds.OrderBy(p => p.Pond, StringComparer.Ordinal).ToList();
        var summary = DaySummary.From(routeList, truckList, binList, toiletList, stationList, pondList);
        return new CountyDay(date, computedAt, snapshot.Version, summary, routeList, truckList, binList, toiletList, stationList, pondList, dataHealth, reporting);
    }

    private async Task<RouteAudit> RouteAsync(CollectionRoute route, DateOnly date, RegistrySnapshot snapshot, IReadOnlyDictionary<string, List<ScanRecord>>? scansByTruck, HealthTracker? health, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(snapshot);
        if (!route.ServesOn(date))
        {
            return new RouteAudit(route.Id, route.Name, route.Contractor, route.Truck, false, null);
        }

        var households = route.Households.Select(id => snapshot.Find<Household>(RegistryKinds.Households, id)).OfType<Household>()
            .Select(h => new ScheduledHousehold(h.Id, h.Tag, h.Lat, h.Lon)).ToList();
        List<ScanRecord> scans = [];
        if (scansByTruck is not null)
        {
            scans = scansByTruck.TryGetValue(route.Truck, out var known) ? known : [];
        }
        else if (snapshot.Find<Truck>(RegistryKinds.Trucks, route.Truck) is { } truck)
        {
            scans = Scans(await LoadAsync(truck.Devices, date, TimeSpan.Zero, health, cancellationToken));
        }

        return new RouteAudit(route.Id, route.Name, route.Contractor, route.Truck, true, CoverageCheck.Evaluate(households, scans, Rules.Coverage));
    }

    private async Task<TruckAudit> TruckAsync(Truck truck, DateOnly date, HealthTracker? health, ConcurrentDictionary<string, List<ScanRecord>>? scansByTruck, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(truck);
        var day = Window(date);

        // The cover's last known state before midnight still applies after it.
        var messages = await LoadAsync(truck.Devices, date, TimeSpan.FromHours(6), health, cancellationToken);
        scansByTruck?.TryAdd(truck.Id, Scans(messages.Where(m => m.Ts >= day.Start)));
        var fixes = messages.OfType<TruckPosition>().Where(p => p.Ts >= day.Start).OrderBy(p => p.Ts).Select(p => new PositionFix(p.Ts, p.Lat, p.Lon, p.Speed)).ToList();
        var covers = CoverObservation.From(messages);
        return new TruckAudit(truck.Id, truck.Contractor, SealedTransportCheck.Evaluate(fixes, covers, Rules.SealedTransport), fixes.Count > 0 ? fixes[^1] : null, fixes.Count);
    }

    private async Task<BinAudit> BinAsync(Bin bin, DateOnly date, HealthTracker? health, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bin);
        var samples = (await LoadAsync([bin.Device], date, TimeSpan.Zero, health, cancellationToken)).OfType<BinFillReading>().Select(f => new LevelSample(f.Ts, f.FillingLevel)).ToList();
        var clearance = DailyClearanceCheck.Evaluate(bin.Id, samples, Rules.Clearance);
        return new BinAudit(bin.Id, bin.Contractor, bin.Site, bin.Lat, bin.Lon, clearance, samples.Where(s => s.Level is not null).OrderBy(s => s.Ts).LastOrDefault()?.Level);
    }

    private async Task<ToiletAudit> ToiletAsync(Site toilet, DateOnly date, HealthTracker? health, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(toilet);
        var messages = await LoadAsync(toilet.Devices, date, TimeSpan.Zero, health, cancellationToken);
        var toiletClass = toilet.ToiletClass ?? ToiletClass.III;
        var day = new ToiletDay(toilet.Id, toiletClass, Local(date, toilet.Opens), toilet.Closes == TimeOnly.MinValue ? Window(date).End : Local(date, toilet.Closes), toilet.Cleaners.ToHashSet(StringComparer.Ordinal));
        var air = Air(messages).Where(a => !a.WarmingUp).OrderBy(a => a.Ts).ToList();
        var result = ToiletAuditCheck.Evaluate(day, Badges(messages), air, Rules.Toilets);
        return new ToiletAudit(toilet.Id, toilet.Name, toilet.Contractor, toiletClass, result, air);
    }

    private async Task<StationAudit> StationAsync(Site station, DateOnly date, RegistrySnapshot snapshot, HealthTracker? health, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(station);
        ArgumentNullException.ThrowIfNull(snapshot);
        var messages = await LoadAsync(station.Devices, date, TimeSpan.Zero, health, cancellationToken);
        var result = TransferStationCheck.Evaluate(station.Id, Air(messages), messages.OfType<DisinfectionRecord>().Select(d => d.Ts), Rules.TransferStations);
        var containers = new List<BinAudit>();
        foreach (var bin in snapshot.Of<Bin>(RegistryKinds.Bins).Where(b => b.Site == station.Id).OrderBy(b => b.Id, StringComparer.Ordinal))
        {
            containers.Add(await BinAsync(bin, date, health, cancellationToken));
        }

        return new StationAudit(station.Id, station.Name, station.Contractor, result, containers);
    }

    private async Task<PondAudit> PondAsync(Pond pond, DateOnly date, HealthTracker? health, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pond);

        // Inflow is judged over the last three days, not one: a day's rain or a pumping run would mislead.
        var messages = await LoadAsync([pond.Device], date, TimeSpan.FromDays(2), health, cancellationToken);
        var table = new StageVolumeTable(pond.StageVolume.Select(p => (p.StageM, p.VolumeM3)));
        var result = LeachatePondCheck.Evaluate(pond.Id, table, messages.OfType<LevelReading>().Select(l => (l.Ts, l.Level)), pond.AlarmVolumeM3);
        if (result.At is not { } at || at < Window(date).Start)
        {
            // Nothing measured this day: yesterday's level is not today's verdict.
            result = new PondResult(pond.Id, null, false, null, null, result.At);
        }

        return new PondAudit(pond.Id, pond.Name, pond.Contractor, pond.AlarmVolumeM3, result);
    }

    private async Task<List<DeviceMessage>> LoadAsync(IEnumerable<string> devices, DateOnly date, TimeSpan lookBack, HealthTracker? health, CancellationToken cancellationToken)
    {
        var day = Window(date);
        var all = new List<DeviceMessage>();
        foreach (var device in devices)
        {
            var rows = await loader.RowsAsync(device, day, lookBack, cancellationToken);
            if (health is not null)
            {
                var before = rows.Count > 0 && rows[0].Ts < day.Start ? null : await loader.LastBeforeAsync(device, day.Start, cancellationToken);
                health.Observe(device, rows, before);
            }

            all.AddRange(DeviceDay.Decode(rows));
        }

        return all;
    }

    private static List<ScanRecord> Scans(IEnumerable<DeviceMessage> messages) =>
        [.. messages.OfType<PickupScan>().Select(s => new ScanRecord(s.Tag, s.Ts, s.Lat, s.Lon))];

    private DateTimeOffset Local(DateOnly date, TimeOnly at)
    {
        var local = date.ToDateTime(at);
        return new DateTimeOffset(local, _zone.GetUtcOffset(local));
    }

    private static IEnumerable<BadgeRecord> Badges(IEnumerable<DeviceMessage> messages) =>
        messages.OfType<CleanerBadgeEvent>().Select(b => new BadgeRecord(b.Ts, b.Badge, b.Action switch
        {
            BadgeAction.CheckIn => "checkIn",
            BadgeAction.CheckOut => "checkOut",
            _ => "timeout",
        }, b.DwellS));

    private static IEnumerable<AirRecord> Air(IEnumerable<DeviceMessage> messages) =>
        messages.OfType<SiteAirReading>().Select(a => new AirRecord(a.Ts, a.Nh3, a.Sh2, a.WarmingUp));
}
