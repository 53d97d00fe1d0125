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

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), _zone).DateTime);

    public async Task<RouteAudit> RouteAsync(CollectionRoute route, DateOnly date, RegistrySnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(snapshot);
        if (!route.ServesOn(date))
        {
            return new RouteAudit(route.Id, route.Name, route.Contractor, route.Truck, false, null);
        }

        var households = route.Households.Select(id => snapshot.Find<Household>(RegistryKinds.Households, id)).OfType<Household>()
            .Select(h => new ScheduledHousehold(h.Id, h.Tag, h.Lat, h.Lon)).ToList();
        var scans = new List<ScanRecord>();
        if (snapshot.Find<Truck>(RegistryKinds.Trucks, route.Truck) is { } truck)
        {
            foreach (var message in await LoadAsync(truck.Devices, date, TimeSpan.Zero, cancellationToken))
            {
                if (message is PickupScan scan)
                {
                    scans.Add(new ScanRecord(scan.Tag, scan.Ts, scan.Lat, scan.Lon));
                }
            }
        }

        return new RouteAudit(route.Id, route.Name, route.Contractor, route.Truck, true, CoverageCheck.Evaluate(households, scans, Rules.Coverage));
    }

    public async Task<TruckAudit> TruckAsync(Truck truck, DateOnly date, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(truck);
        var day = Window(date);

        // The cover's last known state before midnight still applies after it.
        var messages = await LoadAsync(truck.Devices, date, TimeSpan.FromHours(6), cancellationToken);
        var fixes = messages.OfType<TruckPosition>().Where(p => p.Ts >= day.Start).OrderBy(p => p.Ts).Select(p => new PositionFix(p.Ts, p.Lat, p.Lon, p.Speed)).ToList();
        var covers = messages.OfType<CargoCoverEvent>().Select(c => new CoverObservation(c.Ts, c.State == CoverState.Open))
            .Concat(messages.OfType<DeviceHeartbeat>().Where(h => h.Cover is not null).Select(h => new CoverObservation(h.Ts, h.Cover == CoverState.Open)));
        return new TruckAudit(truck.Id, truck.Contractor, SealedTransportCheck.Evaluate(fixes, covers, Rules.SealedTransport), fixes.Count > 0 ? fixes[^1] : null, fixes.Count);
    }

    public async Task<BinAudit> BinAsync(Bin bin, DateOnly date, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bin);
        var samples = (await LoadAsync([bin.Device], date, TimeSpan.Zero, cancellationToken)).OfType<BinFillReading>().Select(f => new LevelSample(f.Ts, f.FillingLevel)).ToList();
        var clearance = DailyClearanceCheck.Evaluate(bin.Id, samples, Rules.Clearance);
        return new BinAudit(bin.Id, bin.Contractor, bin.Site, bin.Lat, bin.Lon, clearance, samples.Where(s => s.Level is not null).OrderBy(s => s.Ts).LastOrDefault()?.Level);
    }

    public async Task<ToiletAudit> ToiletAsync(Site toilet, DateOnly date, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(toilet);
        var messages = await LoadAsync(toilet.Devices, date, TimeSpan.Zero, cancellationToken);
        var toiletClass = toilet.ToiletClass ?? ToiletClass.III;
        var day = new ToiletDay(toilet.Id, toiletClass, Local(date, toilet.Opens), toilet.Closes == TimeOnly.MinValue ? Window(date).End : Local(date, toilet.Closes), toilet.Cleaners.ToHashSet(StringComparer.Ordinal));
        var result = ToiletAuditCheck.Evaluate(day, Badges(messages), Air(messages), Rules.Toilets);
        return new ToiletAudit(toilet.Id, toilet.Name, toilet.Contractor, toiletClass, result);
    }

    public async Task<StationAudit> StationAsync(Site station, DateOnly date, RegistrySnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(station);
        ArgumentNullException.ThrowIfNull(snapshot);
        var messages = await LoadAsync(station.Devices, date, TimeSpan.Zero, cancellationToken);
        var result = TransferStationCheck.Evaluate(station.Id, Air(messages), messages.OfType<DisinfectionRecord>().Select(d => d.Ts), Rules.TransferStations);
        var containers = new List<BinAudit>();
        foreach (var bin in snapshot.Of<Bin>(RegistryKinds.Bins).Where(b => b.Site == station.Id).OrderBy(b => b.Id, StringComparer.Ordinal))
        {
            containers.Add(await BinAsync(bin, date, cancellationToken));
        }

        return new StationAudit(station.Id, station.Name, station.Contractor, result, containers);
    }

    public async Task<PondAudit> PondAsync(Pond pond, DateOnly date, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pond);

        // Inflow is judged over the last three days, not one: a day's rain or a pumping run would mislead.
        var messages = await LoadAsync([pond.Device], date, TimeSpan.FromDays(2), cancellationToken);
        var table = new StageVolumeTable(pond.StageVolume.Select(p => (p.StageM, p.VolumeM3)));
        var result = LeachatePondCheck.Evaluate(pond.Id, table, messages.OfType<LevelReading>().Select(l => (l.Ts, l.Level)), pond.AlarmVolumeM3);
        if (result.At is not { } at || at < Window(date).Start)
        {
            // Nothing measured this day: yesterday's level is not today's verdict.
            result = new PondResult(pond.Id, null, false, null, null, result.At);
        }
        return new PondAudit(pond.Id, pond.Name, pond.Contractor, pond.AlarmVolumeM3, result);
    }

    /// <summary>Everything for one day. Things are audited a few at a time; the database serves them in parallel.</summary>
    public async Task<CountyDay> DayAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var snapshot = await registry.CurrentAsync(cancellationToken);
        var computedAt = time.GetUtcNow();
        var routes = new ConcurrentBag<RouteAudit>();
        var trucks = new ConcurrentBag<TruckAudit>();
        var bins = new ConcurrentBag<BinAudit>();
        var toilets = new ConcurrentBag<ToiletAudit>();
        var stations = new ConcurrentBag<StationAudit>();
        var ponds = new ConcurrentBag<PondAudit>();
        var work = new List<Func<CancellationToken, Task>>();
        work.AddRange(snapshot.Of<CollectionRoute>(RegistryKinds.Routes).Select(r => (Func<CancellationToken, Task>)(async ct => routes.Add(await RouteAsync(r, date, snapshot, ct)))));
        work.AddRange(snapshot.Of<Truck>(RegistryKinds.Trucks).Select(t => (Func<CancellationToken, Task>)(async ct => trucks.Add(await TruckAsync(t, date, ct)))));
        work.AddRange(snapshot.Of<Bin>(RegistryKinds.Bins).Where(b => b.Site.Length == 0).Select(b => (Func<CancellationToken, Task>)(async ct => bins.Add(await BinAsync(b, date, ct)))));
        work.AddRange(snapshot.Of<Site>(RegistryKinds.Sites).Select(s => (Func<CancellationToken, Task>)(s.Kind == SiteKind.Toilet
            ? async ct => toilets.Add(await ToiletAsync(s, date, ct))
            : async ct => stations.Add(await StationAsync(s, date, snapshot, ct)))));
        work.AddRange(snapshot.Of<Pond>(RegistryKinds.Ponds).Select(p => (Func<CancellationToken, Task>)(async ct => ponds.Add(await PondAsync(p, date, ct)))));
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (item, ct) => await item(ct));

        var (health, reporting) = await HealthAndReportingAsync(date, snapshot, cancellationToken);
        var routeList = routes.OrderBy(r => r.Route, StringComparer.Ordinal).ToList();
        var truckList = trucks.OrderBy(t => t.Truck, StringComparer.Ordinal).ToList();
        var binList = bins.OrderBy(b => b.Bin, StringComparer.Ordinal).ToList();
        var toiletList = toilets.OrderBy(t => t.Toilet, StringComparer.Ordinal).ToList();
        var stationList = stations.OrderBy(s => s.Station, StringComparer.Ordinal).ToList();
        var pondList = ponds.OrderBy(p => p.Pond, StringComparer.Ordinal).ToList();
        var allBins = binList.Concat(stationList.SelectMany(s => s.Containers)).ToList();
        var scheduled = routeList.Sum(r => r.Coverage?.Scheduled ?? 0);
        var served = routeList.Sum(r => r.Coverage?.Served ?? 0);
        var summary = new DaySummary(
            scheduled,
            served,
            scheduled == 0 ? 1 : (double)served / scheduled,
            truckList.Sum(t => t.SealedTransport.Violations.Count),
            truckList.Sum(t => t.SealedTransport.SilentSensor.Count),
            allBins.Count(b => b.Clearance.Verdict == ClearanceVerdict.Cleared),
            allBins.Count(b => b.Clearance.Verdict is ClearanceVerdict.NotCleared or ClearanceVerdict.LeftFull),
            allBins.Count(b => b.Clearance.Verdict is ClearanceVerdict.NoData or ClearanceVerdict.SensorFault),
            toiletList.Count(t => !t.Result.EnoughCleanings),
            toiletList.Sum(t => t.Result.Exceedances.Count) + stationList.Sum(s => s.Result.Exceedances.Count),
            pondList.Count(p => p.Result.Alarm),
            pondList.Select(p => p.Result.VolumeM3).Where(v => v is not null).DefaultIfEmpty(null).Max());
        return new CountyDay(date, computedAt, snapshot.Version, summary, routeList, truckList, binList, toiletList, stationList, pondList, health, reporting);
    }

    /// <summary>
    /// Sequence gaps and silent devices for the registered devices. A boot often spans midnight, so the day before
    /// is read too: it tells where each boot's numbering stood, and only gaps reaching into this day are reported.
    /// </summary>
    public async Task<DataHealthResult> DataHealthAsync(DateOnly date, RegistrySnapshot snapshot, CancellationToken cancellationToken) =>
        (await HealthAndReportingAsync(date, snapshot, cancellationToken)).Health;

    private async Task<(DataHealthResult Health, IReadOnlyList<string> Reporting)> HealthAndReportingAsync(DateOnly date, RegistrySnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var day = Window(date);
        var devices = snapshot.DeviceOwners.Keys.Order(StringComparer.Ordinal).ToList();
        var received = new List<(string Device, long Boot, long Seq, DateTimeOffset Ts)>();
        var firstInDay = new Dictionary<(string, long), long>();
        var inDay = 0L;
        foreach (var device in devices)
        {
            foreach (var m in await loader.LoadAsync(device, day, TimeSpan.FromDays(1), cancellationToken))
            {
                received.Add((m.Device, m.Boot, m.Seq, m.Ts));
                if (m.Ts >= day.Start)
                {
                    inDay++;
                    var key = (m.Device, m.Boot);
                    firstInDay[key] = firstInDay.TryGetValue(key, out var first) ? Math.Min(first, m.Seq) : m.Seq;
                }
            }
        }

        var now = time.GetUtcNow() < day.End ? time.GetUtcNow() : day.End;
        var all = DataHealthCheck.Evaluate(received, devices, now, Rules.SilentAfter);
        var gaps = all.Gaps.Where(g => firstInDay.TryGetValue((g.Device, g.Boot), out var first) && g.To >= first - 1).ToList();
        var reporting = firstInDay.Keys.Select(k => k.Item1).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return (new DataHealthResult(gaps, all.SilentDevices, inDay, gaps.Sum(g => g.Missing)), reporting);
    }

    private async Task<List<DeviceMessage>> LoadAsync(IEnumerable<string> devices, DateOnly date, TimeSpan lookBack, CancellationToken cancellationToken)
    {
        var day = Window(date);
        var all = new List<DeviceMessage>();
        foreach (var device in devices)
        {
            all.AddRange(await loader.LoadAsync(device, day, lookBack, cancellationToken));
        }

        return all;
    }

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
