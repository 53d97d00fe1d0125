using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using WasteIoT.Cloud.Checks;
using WasteIoT.Cloud.Checks.Clearance;
using WasteIoT.Cloud.Checks.Coverage;
using WasteIoT.Cloud.Checks.DataHealth;
using WasteIoT.Cloud.Checks.Evidence;
using WasteIoT.Cloud.Checks.Muck;
using WasteIoT.Cloud.Checks.Ponds;
using WasteIoT.Cloud.Checks.SealedTransport;
using WasteIoT.Cloud.Checks.Toilets;
using WasteIoT.Cloud.Checks.Tonnage;
using WasteIoT.Cloud.Checks.TransferStations;
using WasteIoT.Cloud.Readings;
using WasteIoT.Cloud.Registry;
using WasteIoT.Cloud.Settings;
using WasteIoT.Cloud.Store;
using WasteIoT.Contracts.Messages;

namespace WasteIoT.Cloud.Audit;

/// <summary>
/// Runs the pure checks over stored data for registered things: loads each thing's devices for the local day
/// (with a look-back where state carries over midnight), maps messages to the checks' inputs, and gathers the county's day.
/// </summary>
/// <param name="keepSettled">Keep each thing of a settled day for the next computation (false: read everything every time, as a reference).</param>
/// <param name="keptStore">Where kept things are written, so a restart takes a settled day from there (none: memory only).</param>
public sealed class CountyAudit(DeviceDay loader, CountyRegistry registry, IOptions<CloudOptions> options, IOptions<CheckRules> rules, TimeProvider time, bool keepSettled = true,
    KeptThingStore? keptStore = null)
{
    /// <summary>What a truck's audit reads of the registry: its row, its routes' hours, its roads' work (and air alerts), its permits, the weighed places.</summary>
    private static readonly string[] TruckReads = [RegistryKinds.Trucks, RegistryKinds.Routes, RegistryKinds.Roads, RegistryKinds.AirAlerts, RegistryKinds.Permits, RegistryKinds.Sites];

    private readonly KeptThings _kept = new(keptStore);

    private readonly Live.OpenDay _open = new(loader);

    /// <summary>
    /// The open day being computed and its devices' versions, read once before any row: set by <see cref="DayAsync"/>
    /// for the loads beneath it (the single-thing reads leave it unset and read the store), flowing into its parallel work.
    /// </summary>
    private readonly AsyncLocal<OpenRead?> _openRead = new();

    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public CheckRules Rules => rules.Value;

    public TimeZoneInfo Zone => _zone;

    public DayWindow Window(DateOnly date) => DayWindow.For(date, _zone);

    /// <summary>The county's local day of a moment.</summary>
    public DateOnly DayOf(DateTimeOffset moment) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, _zone).DateTime);

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), _zone).DateTime);

    public Task<RouteAudit> RouteAsync(CollectionRoute route, DateOnly date, RegistrySnapshot snapshot, CancellationToken cancellationToken) =>
        RouteAsync(route, date, snapshot, null, null, cancellationToken);

    public async Task<TruckAudit> TruckAsync(Truck truck, DateOnly date, CancellationToken cancellationToken) =>
        await TruckAsync(truck, date, await registry.CurrentAsync(cancellationToken), null, null, null, null, cancellationToken);

    public Task<BinAudit> BinAsync(Bin bin, DateOnly date, CancellationToken cancellationToken) => BinAsync(bin, date, null, cancellationToken);

    public Task<ToiletAudit> ToiletAsync(Site toilet, DateOnly date, CancellationToken cancellationToken) => ToiletAsync(toilet, date, null, cancellationToken);

    public Task<StationAudit> StationAsync(Site station, DateOnly date, RegistrySnapshot snapshot, CancellationToken cancellationToken) =>
        StationAsync(station, date, snapshot, null, cancellationToken);

    public Task<PondAudit> PondAsync(Pond pond, DateOnly date, CancellationToken cancellationToken) => PondAsync(pond, date, null, cancellationToken);

    /// <summary>Sealed transport over one device's day, as the truck audit computes it for a truck carrying that device alone.</summary>
    public async Task<SealedTransportResult> SealedTransportAsync(string device, DateOnly date, CancellationToken cancellationToken)
    {
        var messages = (await LoadAsync(Alone(device), date, CoverLookBack, Rules.Evidence.TruckCadence, null, cancellationToken)).Messages;
        return SealedTransport(messages, Fixes(messages, Window(date)));
    }

    /// <summary>日产日清 over one device's day, as the bin audit computes it.</summary>
    public async Task<ClearanceResult> ClearanceAsync(string device, DateOnly date, CancellationToken cancellationToken) =>
        Clearance(device, (await LoadAsync(Alone(device), date, TimeSpan.Zero, Rules.Evidence.BinCadence, null, cancellationToken)).Messages);

    /// <summary>One device's data health for the day, as the county audit computes it (its last message before the day included).</summary>
    public async Task<DataHealthResult> DataHealthAsync(string device, DateOnly date, CancellationToken cancellationToken)
    {
        var day = Window(date);
        var snapshot = await registry.CurrentAsync(cancellationToken);
        var health = new HealthTracker();
        await LoadAsync(Alone(device), date, TimeSpan.Zero, Rules.Evidence.BinCadence, health, cancellationToken);
        var assigned = snapshot.AssignedDuring(day.Start, day.End);
        var expected = assigned.Where(a => a.Key == device).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        return health.Result(expected, Now(day), Rules.SilentAfter).Health with { Unassigned = expected.Count == 0 ? [device] : [] };
    }

    /// <summary>When one device was heard during the local day, with the cadence of the thing it is registered on.</summary>
    public async Task<DeviceEvidence> EvidenceAsync(string device, DateOnly date, CancellationToken cancellationToken)
    {
        var snapshot = await registry.CurrentAsync(cancellationToken);
        var day = Window(date);
        var assignments = snapshot.AssignmentsOf(device, day.Start, day.End);
        return (await LoadAsync(assignments.Count > 0 ? assignments : Alone(device), date, TimeSpan.Zero, Cadence(snapshot, device), null, cancellationToken)).Evidence[0];
    }

    private static readonly TimeSpan CoverLookBack = TimeSpan.FromHours(6);

    /// <summary>
    /// Everything for one day. Each device's rows are read once: the truck's serve its sealed-transport check, its
    /// routes' coverage and the data health. Things are audited a few at a time; the database serves them in parallel.
    /// </summary>
    public async Task<CountyDay> DayAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var snapshot = await registry.CurrentAsync(cancellationToken);
        var computedAt = time.GetUtcNow();
        var day = Window(date);
        var health = new HealthTracker();
        var truckDays = new ConcurrentDictionary<string, TruckDay>(StringComparer.Ordinal);
        var trucks = new ConcurrentBag<TruckAudit>();
        var bins = new ConcurrentBag<BinAudit>();
        var toilets = new ConcurrentBag<ToiletAudit>();
        var stations = new ConcurrentBag<StationAudit>();
        var ponds = new ConcurrentBag<PondAudit>();
        var workVehicles = new ConcurrentBag<WorkVehicleDay>();
        var muck = new ConcurrentBag<MuckAudit>();
        var stationStops = new ConcurrentBag<StationStop>();
        var weighed = snapshot.Of<Site>(RegistryKinds.Sites).Where(s => s.RatedTonnes is not null).Select(s => new StationPlace(s.Id, s.Lat, s.Lon)).ToList();
        var work = new List<Func<CancellationToken, Task>>();

        // A settled day (every device's silence judged to its end) does not change unless data comes: each thing whose
        // devices stored nothing since its last computation is taken as it was, so late data costs what it touches.
        // The versions are read before any row: a batch stored meanwhile makes the next computation differ, never this one stale.
        var settled = keepSettled && computedAt >= day.End + Rules.Evidence.MaxSilence(new[] { Rules.Evidence.TruckCadence, Rules.Evidence.SiteCadence, Rules.Evidence.BinCadence, Rules.Evidence.PondCadence }.Max());
        var run = settled ? await _kept.BeginAsync(date, snapshot, await loader.VersionsAsync(cancellationToken), cancellationToken) : null;

        // An open day changes with every reading and with the clock: its devices' rows and the lone truck nodes' folds are
        // kept in memory and brought up to date with what was stored since, and each thing is judged again at this moment.
        _open.Forget(date, settled);
        _openRead.Value = keepSettled && !settled ? new OpenRead(date, await loader.VersionsAsync(cancellationToken)) : null;
        if (_openRead.Value is not null && keptStore is not null)
        {
            await _open.TakeUpAsync(date, keptStore, day, Rules.Evidence.MaxSilence(Rules.Evidence.TruckCadence), Rules.SealedTransport, cancellationToken);
        }

        if (_openRead.Value is { } openRead)
        {
            // The bins' and sites' windows as LoadAsync asks for them (no look-back, as far ahead as a silence may last).
            var sites = snapshot.Of<Site>(RegistryKinds.Sites);
            await _open.WarmAsync(date, snapshot.Of<Bin>(RegistryKinds.Bins).SelectMany(b => DeviceHistory.During(b, day.Start, day.End)).Select(a => a.Device),
                day, TimeSpan.Zero, Rules.Evidence.MaxSilence(Rules.Evidence.BinCadence), openRead.Version, cancellationToken);
            await _open.WarmAsync(date, sites.SelectMany(s => DeviceHistory.During(s, day.Start, day.End)).Select(a => a.Device),
                day, TimeSpan.Zero, Rules.Evidence.MaxSilence(Rules.Evidence.SiteCadence), openRead.Version, cancellationToken);
        }

        Task<T> Once<T>(string thing, IEnumerable<string> devices, string[] reads, Func<HealthTracker, Task<T>> compute)
            where T : class => run is null ? compute(health) : run.OnceAsync(thing, devices, reads, health, compute);
        work.AddRange(snapshot.Of<Truck>(RegistryKinds.Trucks).Select(t => (Func<CancellationToken, Task>)(async ct =>
        {
            var done = await Once("truck " + t.Id, Devices(t), TruckReads, async h =>
            {
                var days = new ConcurrentDictionary<string, TruckDay>(StringComparer.Ordinal);
                var work = new ConcurrentBag<WorkVehicleDay>();
                var muckDay = new ConcurrentBag<MuckAudit>();
                var stops = new ConcurrentBag<StationStop>();
                var audit = await TruckAsync(t, date, snapshot, h, days, work, muckDay, ct, weighed, stops);
                return new TruckOutputs(audit, days.Values.FirstOrDefault(), work.FirstOrDefault(), muckDay.FirstOrDefault(), [.. stops]);
            });
            trucks.Add(done.Audit);
            if (done.Day is not null)
            {
                truckDays.TryAdd(t.Id, done.Day);
            }

            if (done.Work is not null)
            {
                workVehicles.Add(done.Work);
            }

            if (done.Muck is not null)
            {
                muck.Add(done.Muck);
            }

            foreach (var stop in done.Stops)
            {
                stationStops.Add(stop);
            }
        })));
        work.AddRange(snapshot.Of<Bin>(RegistryKinds.Bins).Where(b => b.Site.Length == 0).Select(b => (Func<CancellationToken, Task>)(async ct => bins.Add(await Once("bin " + b.Id, Devices(b), [RegistryKinds.Bins], h => BinAsync(b, date, h, ct))))));
        var landfills = new ConcurrentBag<LandfillAudit>();
        work.AddRange(snapshot.Of<Site>(RegistryKinds.Sites).Select(s => (Func<CancellationToken, Task>)(s.Kind switch
        {
            SiteKind.Toilet => async ct => toilets.Add(await Once("toilet " + s.Id, Devices(s), [RegistryKinds.Sites], h => ToiletAsync(s, date, h, ct))),
            SiteKind.Landfill => async ct => landfills.Add(await Once("landfill " + s.Id, Devices(s), [RegistryKinds.Sites, RegistryKinds.Trucks], h => LandfillAsync(s, date, snapshot, h, ct))),
            _ => async ct => stations.Add(await Once("station " + s.Id, Devices(s).Concat(snapshot.Of<Bin>(RegistryKinds.Bins).Where(b => b.Site == s.Id).SelectMany(Devices)), [RegistryKinds.Sites, RegistryKinds.Bins, RegistryKinds.Trucks], h => StationAsync(s, date, snapshot, h, ct))),
        })));
        work.AddRange(snapshot.Of<Pond>(RegistryKinds.Ponds).Select(p => (Func<CancellationToken, Task>)(async ct =>
            ponds.Add(await Once("pond " + p.Id, p.TreatmentDevice.Length > 0 ? [.. Devices(p), p.TreatmentDevice] : Devices(p), [RegistryKinds.Ponds], h => PondAsync(p, date, h, ct))))));
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (item, ct) => await item(ct));
        if (run is not null)
        {
            await _kept.EndAsync(run, cancellationToken);
        }

        if (_openRead.Value is not null && keptStore is not null)
        {
            await _kept.CopyAsync(() => _open.WriteDownAsync(date, keptStore, computedAt, cancellationToken));
        }

        var routes = new List<RouteAudit>();
        foreach (var route in snapshot.Of<CollectionRoute>(RegistryKinds.Routes))
        {
            routes.Add(await RouteAsync(route, date, snapshot, truckDays, null, cancellationToken));
        }

        var (dataHealth, reporting) = health.Result(snapshot.AssignedDuring(day.Start, day.End), computedAt < day.End ? computedAt : day.End, Rules.SilentAfter);
        var routeList = routes.OrderBy(r => r.Route, StringComparer.Ordinal).ToList();
        var truckList = trucks.OrderBy(t => t.Truck, StringComparer.Ordinal).ToList();
        var binList = bins.OrderBy(b => b.Bin, StringComparer.Ordinal).ToList();
        var toiletList = toilets.OrderBy(t => t.Toilet, StringComparer.Ordinal).ToList();
        var stationList = stations.OrderBy(s => s.Station, StringComparer.Ordinal).ToList();
        var pondList = ponds.OrderBy(p => p.Pond, StringComparer.Ordinal).ToList();
        var roads = RoadAudits.Evaluate(snapshot, date, workVehicles, (at, end) => end ? Hours(date, TimeOnly.MinValue, at).To : Local(date, at), (devices, from, to) => Evidence(devices, from, to), Rules.Roads);
        var landfillList = landfills.OrderBy(l => l.Landfill, StringComparer.Ordinal).ToList();
        var collection = Collection(snapshot, date, stationList, landfillList, [.. stationStops]);
        var hauls = Hauls(snapshot, stationList, landfillList);
        var summary = DaySummary.From(routeList, truckList, binList, toiletList, stationList, pondList, roads, [.. muck], collection, landfillList, hauls);
        return new CountyDay(date, computedAt, snapshot.Version, summary, routeList, truckList, binList, toiletList, stationList, pondList, dataHealth, reporting)
        {
            Roads = roads,
            Muck = [.. muck.OrderBy(m => m.Truck, StringComparer.Ordinal)],
            Collection = collection,
            Landfills = landfillList,
            Hauls = hauls,
        };
    }

    private async Task<RouteAudit> RouteAsync(CollectionRoute route, DateOnly date, RegistrySnapshot snapshot, IReadOnlyDictionary<string, TruckDay>? truckDays, HealthTracker? health, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(snapshot);
        if (!route.ServesOn(date))
        {
            return new RouteAudit(route.Id, route.Name, route.Contractor, route.Truck, false, null);
        }

        var households = route.Households.Select(id => snapshot.Find<Household>(RegistryKinds.Households, id)).OfType<Household>()
            .Select(h => new ScheduledHousehold(h.Id, h.Tag, h.Lat, h.Lon)).ToList();
        TruckDay truckDay = new([], []);
        if (truckDays is not null)
        {
            truckDay = truckDays.TryGetValue(route.Truck, out var known) ? known : truckDay;
        }
        else if (snapshot.Find<Truck>(RegistryKinds.Trucks, route.Truck) is { } truck)
        {
            var loaded = await LoadAsync(truck, date, TimeSpan.Zero, Rules.Evidence.TruckCadence, health, cancellationToken);
            truckDay = new TruckDay(Scans(loaded.Messages.Where(m => m.Ts >= Window(date).Start)), loaded.Evidence);
        }

        var (from, to) = Hours(date, route.Starts, route.Ends);
        var evidence = Evidence(truckDay.Evidence, from, to);
        var coverage = CoverageCheck.Evaluate(households, truckDay.Scans, Rules.Coverage, evidence);
        return new RouteAudit(route.Id, route.Name, route.Contractor, route.Truck, true, coverage) { State = Verdicts.Route(coverage, evidence), Evidence = evidence };
    }

    private async Task<TruckAudit> TruckAsync(Truck truck, DateOnly date, RegistrySnapshot snapshot, HealthTracker? health, ConcurrentDictionary<string, TruckDay>? truckDays,
        ConcurrentBag<WorkVehicleDay>? workVehicles, ConcurrentBag<MuckAudit>? muck, CancellationToken cancellationToken,
        IReadOnlyList<StationPlace>? weighed = null, ConcurrentBag<StationStop>? stationStops = null)
    {
        ArgumentNullException.ThrowIfNull(truck);
        var day = Window(date);
        if (_openRead.Value is { } open && open.Date == date && FoldedAlone(truck, day, weighed, stationStops) is { } device)
        {
            return await TrackedTruckAsync(truck, date, snapshot, open, device, health, truckDays, cancellationToken);
        }

        // The cover's last known state before midnight still applies after it.
        var loaded = await LoadAsync(truck, date, CoverLookBack, Rules.Evidence.TruckCadence, health, cancellationToken);
        truckDays?.TryAdd(truck.Id, new TruckDay(Scans(loaded.Messages.Where(m => m.Ts >= day.Start)), loaded.Evidence));
        var fixes = Fixes(loaded.Messages, day);

        // A sweeper, sprinkler or fog cannon has no cargo cover to keep closed: its day is the road check's.
        var workVehicle = RoadAudits.IsWorkVehicle(truck.Vehicle);
        var sealedTransport = workVehicle ? new SealedTransportResult([], [], 0) : SealedTransport(loaded.Messages, fixes);
        if (workVehicle)
        {
            workVehicles?.Add(new WorkVehicleDay(truck, fixes, [.. loaded.Messages.OfType<EquipmentEvent>()], loaded.Evidence));
        }

        if (truck.Vehicle == VehicleKind.Collection && weighed is { Count: > 0 } && stationStops is not null)
        {
            foreach (var stop in StationStops.Find(truck.Id, fixes, weighed, Rules.Tonnage))
            {
                stationStops.Add(stop);
            }
        }

        if (truck.Vehicle == VehicleKind.Muck && muck is not null)
        {
            muck.Add(Muck(truck, date, snapshot, loaded, fixes) with { TarpOpen = sealedTransport.Violations });
        }

        var evidence = Evidence(loaded.Evidence, JudgedHours(truck, date, snapshot));
        var state = Verdicts.Event(sealedTransport.Violations.Count > 0, evidence);
        return new TruckAudit(truck.Id, truck.Contractor, sealedTransport, fixes.Count > 0 ? fixes[^1] : null, fixes.Count, state, evidence);
    }

    /// <summary>
    /// The truck is judged over the service hours of its routes due that day (a work vehicle over its work's windows);
    /// with none due, over the whole day.
    /// </summary>
    private (DateTimeOffset From, DateTimeOffset To) JudgedHours(Truck truck, DateOnly date, RegistrySnapshot snapshot)
    {
        var routes = snapshot.Of<CollectionRoute>(RegistryKinds.Routes).Where(r => r.Truck == truck.Id && r.ServesOn(date)).ToList();
        return routes.Count > 0
            ? (routes.Select(r => Hours(date, r.Starts, r.Ends).From).Min(), routes.Select(r => Hours(date, r.Starts, r.Ends).To).Max())
            : RoadAudits.WorkHours(truck, snapshot, date, (at, end) => end ? Hours(date, TimeOnly.MinValue, at).To : Local(date, at)) ?? (Window(date).Start, Window(date).End);
    }

    /// <summary>
    /// The device of a truck whose open day can be folded as it arrives: one node all day, and nothing asked of the
    /// truck that needs its fixes again (a work vehicle's roads, a muck truck's permits, stops at weighed stations).
    /// </summary>
    private static string? FoldedAlone(Truck truck, DayWindow day, IReadOnlyList<StationPlace>? weighed, ConcurrentBag<StationStop>? stationStops)
    {
        var assigned = DeviceHistory.During(truck, day.Start - CoverLookBack, day.End);
        var needsFixes = RoadAudits.IsWorkVehicle(truck.Vehicle) || truck.Vehicle == VehicleKind.Muck
            || (truck.Vehicle == VehicleKind.Collection && weighed is { Count: > 0 } && stationStops is not null);
        return !needsFixes && assigned.Count == 1 && assigned[0].From is null && assigned[0].To is null ? assigned[0].Device : null;
    }

    /// <summary>A truck's open day from its node's folds: the same audit as read whole, costing what arrived since the last refresh.</summary>
    private async Task<TruckAudit> TrackedTruckAsync(Truck truck, DateOnly date, RegistrySnapshot snapshot, OpenRead open, string device, HealthTracker? health,
        ConcurrentDictionary<string, TruckDay>? truckDays, CancellationToken cancellationToken)
    {
        var day = Window(date);
        var maxSilence = Rules.Evidence.MaxSilence(Rules.Evidence.TruckCadence);
        var track = await _open.TrackAsync(date, device, day, CoverLookBack, maxSilence, open.Version(device), Rules.SealedTransport, cancellationToken);
        health?.Observe(track.Health);
        List<DeviceEvidence> devices = [track.EvidenceAt(time.GetUtcNow())];
        truckDays?.TryAdd(truck.Id, new TruckDay([.. track.Scans], devices));
        var sealedTransport = track.SealedTransport.Result();
        var evidence = Evidence(devices, JudgedHours(truck, date, snapshot));
        var state = Verdicts.Event(sealedTransport.Violations.Count > 0, evidence);
        return new TruckAudit(truck.Id, truck.Contractor, sealedTransport, track.SealedTransport.LastFix, track.SealedTransport.Fixes, state, evidence);
    }

    private sealed record OpenRead(DateOnly Date, IReadOnlyDictionary<string, long> Versions)
    {
        public long Version(string device) => Versions.GetValueOrDefault(device);
    }

    /// <summary>A muck truck's day against the permits valid that day, over the whole day's evidence.</summary>
    public async Task<MuckAudit> MuckAsync(Truck truck, DateOnly date, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(truck, date, CoverLookBack, Rules.Evidence.TruckCadence, null, cancellationToken);
        var fixes = Fixes(loaded.Messages, Window(date));
        return Muck(truck, date, await registry.CurrentAsync(cancellationToken), loaded, fixes) with { TarpOpen = SealedTransport(loaded.Messages, fixes).Violations };
    }

    private MuckAudit Muck(Truck truck, DateOnly date, RegistrySnapshot snapshot, ThingDay loaded, List<PositionFix> fixes)
    {
        var day = Window(date);
        var (plan, permits) = MuckAudits.Plan(truck, snapshot, date, at => Local(date, at), day.End);
        var tips = loaded.Messages.OfType<EquipmentEvent>().Where(e => e.Equipment == WorkEquipment.Tipper && e.On && e.Ts >= day.Start).Select(e => e.Ts);
        var result = MuckTruckCheck.Evaluate(plan, fixes, tips, Rules.Muck);
        var evidence = Evidence(loaded.Evidence, day.Start, day.End);
        return new MuckAudit(truck.Id, truck.Contractor, permits, result, Verdicts.Event(result.Violated, evidence), evidence);
    }

    private async Task<BinAudit> BinAsync(Bin bin, DateOnly date, HealthTracker? health, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bin);
        var loaded = await LoadAsync(bin, date, TimeSpan.Zero, Rules.Evidence.BinCadence, health, cancellationToken);
        var clearance = Clearance(bin.Id, loaded.Messages);
        var day = Window(date);
        var evidence = Evidence(loaded.Evidence, day.Start, day.End);
        var latest = loaded.Messages.OfType<BinFillReading>().Where(f => f.FillingLevel is not null).MaxBy(f => f.Ts)?.FillingLevel;
        return new BinAudit(bin.Id, bin.Contractor, bin.Site, bin.Lat, bin.Lon, clearance, latest, Verdicts.Clearance(clearance, evidence), evidence);
    }

    private async Task<ToiletAudit> ToiletAsync(Site toilet, DateOnly date, HealthTracker? health, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(toilet);
        var loaded = await LoadAsync(toilet, date, TimeSpan.Zero, Rules.Evidence.SiteCadence, health, cancellationToken);
        var toiletClass = toilet.ToiletClass ?? ToiletClass.III;
        var (opens, closes) = Hours(date, toilet.Opens, toilet.Closes);
        var day = new ToiletDay(toilet.Id, toiletClass, opens, closes, toilet.Cleaners.ToHashSet(StringComparer.Ordinal));
        var air = Air(loaded.Messages).Where(a => !a.WarmingUp).OrderBy(a => a.Ts).ToList();
        var result = ToiletAuditCheck.Evaluate(day, Badges(loaded.Messages), air, Rules.Toilets);
        var evidence = Evidence(loaded.Evidence, opens, closes);
        return new ToiletAudit(toilet.Id, toilet.Name, toilet.Contractor, toiletClass, result, air,
            Verdicts.Duty(result.EnoughCleanings, evidence), Verdicts.Event(result.Episodes.Count > 0, evidence), evidence)
        {
            Nh3Limit = Rules.Toilets.Nh3Limit(toiletClass),
            H2sLimit = Rules.Toilets.H2sLimit,
        };
    }

    private async Task<StationAudit> StationAsync(Site station, DateOnly date, RegistrySnapshot snapshot, HealthTracker? health, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(station);
        ArgumentNullException.ThrowIfNull(snapshot);
        var loaded = await LoadAsync(station, date, TimeSpan.Zero, Rules.Evidence.SiteCadence, health, cancellationToken);
        var result = TransferStationCheck.Evaluate(station.Id, Air(loaded.Messages), loaded.Messages.OfType<DisinfectionRecord>().Select(d => d.Ts), Rules.TransferStations);
        var containers = new List<BinAudit>();
        foreach (var bin in snapshot.Of<Bin>(RegistryKinds.Bins).Where(b => b.Site == station.Id).OrderBy(b => b.Id, StringComparer.Ordinal))
        {
            containers.Add(await BinAsync(bin, date, health, cancellationToken));
        }

        var (opens, closes) = Hours(date, station.Opens, station.Closes);
        var evidence = Evidence(loaded.Evidence, opens, closes);
        var audit = new StationAudit(station.Id, station.Name, station.Contractor, result, containers,
            Verdicts.Duty(result.Disinfected, evidence), Verdicts.Event(result.Episodes.Count > 0, evidence), evidence);
        if (station.RatedTonnes is null)
        {
            return audit;
        }

        var ledger = (await LedgerSeriesAsync(station, date, date, snapshot, cancellationToken))[0].Ledger;
        return audit with { Ledger = ledger, LedgerState = Verdicts.Ledger(ledger, evidence) };
    }

    /// <summary>Things' audits taken from an earlier computation of a settled day instead of being read again (since start).</summary>
    public long ThingsReused => _kept.Reused;

    /// <summary>Device windows and truck folds of open days read whole (first seen, or after a late row) rather than extended (since start).</summary>
    public long OpenDayWholeReads => _open.WholeReads;

    /// <summary>Truck folds of an open day taken up from what an earlier start wrote down, instead of reading the truck's day whole (since start).</summary>
    public long OpenDayTracksTakenUp => _open.TakenUpTracks;

    /// <summary>Computations whose kept things could not be written for the next start (a database error; the day itself stood).</summary>
    public long KeptWritesFailed => _kept.WritesFailed;

    /// <summary>Days whose kept things could not be read back (a database error; the day was computed from its readings).</summary>
    public long KeptReadsFailed => _kept.ReadsFailed + _open.ReadsFailed;

    private static IEnumerable<string> Devices(IMeasuredThing thing) => DeviceHistory.Of(thing).Select(a => a.Device);

    /// <summary>A landfill's day at its weighbridge: every registered truck's completed visit is a load disposed of.</summary>
    private async Task<LandfillAudit> LandfillAsync(Site landfill, DateOnly date, RegistrySnapshot snapshot, HealthTracker? health, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(landfill, date, TimeSpan.Zero, Rules.Evidence.SiteCadence, health, cancellationToken);
        var day = Window(date);
        var passes = Passes(loaded.Messages).Where(p => p.Ts >= day.Start && p.Ts < day.End).ToList();
        var rated = landfill.RatedTonnes ?? 0;
        var ledger = StationLedgerCheck.Evaluate(passes, 0, rated, Identifier(snapshot, _ => LedgerFlow.In), Rules.Tonnage);
        return new LandfillAudit(landfill.Id, landfill.Name, landfill.Contractor, rated, ledger.InT, ledger.Visits, ledger.Unidentified, ledger.OpenPasses, Evidence(loaded.Evidence, day.Start, day.End));
    }

    /// <summary>Each transfer truck's hauls out of the weighed stations, followed to the landfills (none when no landfill is weighed).</summary>
    private List<Haul> Hauls(RegistrySnapshot snapshot, IReadOnlyList<StationAudit> stations, IReadOnlyList<LandfillAudit> landfills)
    {
        if (landfills.Count == 0)
        {
            return [];
        }

        var hauls = stations.Where(s => s.Ledger is not null).SelectMany(s => s.Ledger!.Visits.Select(v => (s.Station, v))).ToList();
        var disposals = landfills.SelectMany(l => l.Visits.Select(v => (l.Landfill, v))).ToList();
        return HaulCheck.Evaluate(hauls, disposals, truck => snapshot.Find<Truck>(RegistryKinds.Trucks, truck)?.Contractor ?? string.Empty,
            (from, to) => landfills.All(l => l.Evidence.Covers(from, to)), Rules.Tonnage);
    }

    private static IEnumerable<WeighRecord> Passes(IEnumerable<DeviceMessage> messages) =>
        messages.OfType<Weighing>().Select(w => new WeighRecord(w.Ts, w.Direction == WeighDirection.Out, w.WeightKg, w.Stable, w.Tag, w.Vehicle, w.Ticket, w.GrossKg, w.TareKg, w.NetKg));

    /// <summary>The registered truck a pass names (by card, then the plate typed at the indicator) and which way its load goes.</summary>
    private static Func<WeighRecord, (string Truck, LedgerFlow Flow)?> Identifier(RegistrySnapshot snapshot, Func<VehicleKind, LedgerFlow> flow)
    {
        var byCard = snapshot.Of<Truck>(RegistryKinds.Trucks).Where(t => t.Card.Length > 0).GroupBy(t => t.Card, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        return pass =>
        {
            var truck = pass.Tag is { } tag && byCard.TryGetValue(tag, out var carded) ? carded
                : pass.Vehicle is { } plate ? snapshot.Find<Truck>(RegistryKinds.Trucks, plate) : null;
            return truck is null ? null : (truck.Id, flow(truck.Vehicle));
        };
    }

    /// <summary>Tonnes each collection truck delivered to the weighed stations and landfills, its stops there unweighed and its loads over its rating.</summary>
    private List<TruckTonnage> Collection(RegistrySnapshot snapshot, DateOnly date, IReadOnlyList<StationAudit> stations, IReadOnlyList<LandfillAudit> landfills, IReadOnlyList<StationStop> stops)
    {
        if (!stations.Any(s => s.Ledger is not null) && landfills.Count == 0)
        {
            return [];
        }

        // A collection truck may deliver straight to a landfill: weighed in there, its load is collected all the same.
        var visits = stations.Where(s => s.Ledger is not null).SelectMany(s => s.Ledger!.Visits.Select(v => (s.Station, v)))
            .Concat(landfills.SelectMany(l => l.Visits.Select(v => (Station: l.Landfill, v)))).ToList();
        var trucks = snapshot.Of<Truck>(RegistryKinds.Trucks).Where(t => t.Vehicle == VehicleKind.Collection).OrderBy(t => t.Id, StringComparer.Ordinal)
            .Select(t => (t.Id, t.Contractor, t.RatedLoadKg, snapshot.Of<CollectionRoute>(RegistryKinds.Routes).Where(r => r.Truck == t.Id && r.ServesOn(date)).Select(r => r.Id).FirstOrDefault())).ToList();
        return CollectionLedgerCheck.Evaluate(visits, stops, trucks, Rules.Tonnage).Where(t => t.Trips > 0 || t.Unweighed.Count > 0).ToList();
    }

    /// <summary>
    /// A weighed station's ledger for each day from <paramref name="first"/> to <paramref name="last"/>, the stock carried
    /// from day to day, starting empty <see cref="TonnageRules.LedgerDays"/> days before the first: the day audit takes
    /// its one day from here, the month view all of them, so both read the same ledger.
    /// </summary>
    public async Task<IReadOnlyList<(DateOnly Day, StationLedger Ledger)>> LedgerSeriesAsync(Site station, DateOnly first, DateOnly last, RegistrySnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(station);
        ArgumentNullException.ThrowIfNull(snapshot);
        var rated = station.RatedTonnes ?? 0;
        var days = Rules.Tonnage.LedgerDays;
        var span = TimeSpan.FromDays(days + last.DayNumber - first.DayNumber);
        var loaded = await LoadAsync(station, last, span, Rules.Evidence.SiteCadence, null, cancellationToken);
        var passes = Passes(loaded.Messages).ToList();
        var identify = Identifier(snapshot, vehicle => vehicle switch { VehicleKind.Collection => LedgerFlow.In, VehicleKind.Transfer => LedgerFlow.Out, _ => LedgerFlow.Other });

        var series = new List<(DateOnly, StationLedger)>();
        var carried = 0.0;
        for (var d = first.AddDays(-days); d <= last; d = d.AddDays(1))
        {
            var window = Window(d);
            var ledger = StationLedgerCheck.Evaluate([.. passes.Where(p => p.Ts >= window.Start && p.Ts < window.End)], carried, rated, identify, Rules.Tonnage);
            carried = ledger.ResidualT;
            if (d >= first)
            {
                series.Add((d, ledger));
            }
        }

        return series;
    }

    private async Task<PondAudit> PondAsync(Pond pond, DateOnly date, HealthTracker? health, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pond);

        // Inflow is judged over the last three days, not one: a day's rain or a pumping run would mislead.
        var loaded = await LoadAsync(pond, date, TimeSpan.FromDays(2), Rules.Evidence.PondCadence, health, cancellationToken);
        var table = new StageVolumeTable(pond.StageVolume.Select(p => (p.StageM, p.VolumeM3)));
        var result = LeachatePondCheck.Evaluate(pond.Id, table, loaded.Messages.OfType<LevelReading>().Select(l => (l.Ts, l.Level)), pond.AlarmVolumeM3);
        var day = Window(date);
        if (result.At is not { } at || at < day.Start)
        {
            // Nothing measured this day: yesterday's level is not today's verdict.
            result = new PondResult(pond.Id, null, false, null, null, result.At);
        }

        if (pond.TreatmentDevice.Length > 0)
        {
            result = await TreatmentAsync(pond.TreatmentDevice, date, result, cancellationToken);
        }

        var evidence = Evidence(loaded.Evidence, day.Start, day.End);
        var state = result.VolumeM3 is null && !result.Alarm ? VerdictState.NoData : Verdicts.Event(result.Alarm, evidence);
        return new PondAudit(pond.Id, pond.Name, pond.Contractor, pond.AlarmVolumeM3, result, state, evidence);
    }

    /// <summary>The day's treated volume, the leachate arriving (net inflow plus treatment over the same three days) and the effluent.</summary>
    private async Task<PondResult> TreatmentAsync(string device, DateOnly date, PondResult result, CancellationToken cancellationToken)
    {
        var day = Window(date);
        var messages = (await loader.LoadAsync(device, day, TimeSpan.FromDays(3), cancellationToken)).OfType<LeachateTreatment>().ToList();
        var totals = messages.Select(m => (m.Ts, m.Boot, m.TotalM3)).ToList();
        var treatedToday = TreatedVolume.Over(totals, day.Start, day.End);
        var treatedWindow = TreatedVolume.Over(totals, day.End - TimeSpan.FromDays(3), day.End);
        var samples = messages.Where(m => m.Ts >= day.Start && m.Ts < day.End && (m.Cod is not null || m.Nh3n is not null)).Select(m => new EffluentSample(m.Ts, m.Cod, m.Nh3n)).ToList();
        var effluent = samples.MaxBy(m => m.Ts);
        return result with
        {
            TreatedM3 = treatedToday,
            GrossInflowM3PerDay = result.InflowM3PerDay is { } net ? Math.Round(net + (treatedWindow / 3), 1) : null,
            EffluentCod = effluent?.Cod,
            EffluentNh3n = effluent?.Nh3n,
            EffluentExceedances = EffluentCheck.OverLimit(samples, Rules.Leachate),
        };
    }

    private async Task<ThingDay> LoadAsync(IMeasuredThing thing, DateOnly date, TimeSpan lookBack, TimeSpan cadence, HealthTracker? health, CancellationToken cancellationToken) =>
        await LoadAsync(DeviceHistory.During(thing, Window(date).Start - lookBack, Window(date).End), date, lookBack, cadence, health, cancellationToken);

    /// <summary>
    /// Each assigned device's rows for the day (with <paramref name="lookBack"/> before it, and as far after it as a
    /// silence may last, so the day's last minutes can be vouched for), decoded once and kept only for the time the
    /// device measured the thing; the evidence of when each was heard; data health.
    /// </summary>
    private async Task<ThingDay> LoadAsync(IReadOnlyList<DeviceAssignment> assignments, DateOnly date, TimeSpan lookBack, TimeSpan cadence, HealthTracker? health, CancellationToken cancellationToken)
    {
        var day = Window(date);
        var maxSilence = Rules.Evidence.MaxSilence(cadence);
        var now = time.GetUtcNow();
        var all = new List<DeviceMessage>();
        var evidence = new List<DeviceEvidence>();
        foreach (var assigned in assignments.GroupBy(a => a.Device, StringComparer.Ordinal))
        {
            var device = assigned.Key;
            Live.WindowFacts facts;
            if (_openRead.Value is { } open && open.Date == date)
            {
                facts = (await _open.WindowAsync(date, device, day, lookBack, maxSilence, open.Version(device), cancellationToken)).Facts(device, day, maxSilence);
            }
            else
            {
                var rows = await loader.RowsAsync(device, day, lookBack, maxSilence, cancellationToken);
                var before = await loader.BeforeAsync(device, rows, day, cancellationToken);
                facts = Live.WindowFacts.Of(device, 0, [.. rows.Select(RowStamp.Of)], DeviceDay.Decode(rows), before is null ? null : RowStamp.Of(before), day, maxSilence);
            }

            health?.Observe(facts.Health);
            var spans = assigned.All(a => a.From is null && a.To is null) ? null
                : Spans.Clip(assigned.Select(a => new EvidenceSpan(a.From ?? day.Start, a.To ?? day.End)), day.Start, day.End);
            evidence.Add(facts.Evidence.Result(facts.HeardBefore, now) with { Assigned = spans });
            all.AddRange(spans is null ? facts.BeforeEnd : facts.BeforeEnd.Where(m => assigned.Any(a => a.Covers(m.Ts))));
        }

        return new ThingDay(all, evidence);
    }

    private static IReadOnlyList<DeviceAssignment> Alone(string device) => [new DeviceAssignment(device, null, null)];

    private WindowEvidence Evidence(IReadOnlyList<DeviceEvidence> devices, DateTimeOffset from, DateTimeOffset to) =>
        WindowEvidence.For(devices, from, to, time.GetUtcNow(), Rules.Evidence.MinCoverage, _zone);

    private WindowEvidence Evidence(IReadOnlyList<DeviceEvidence> devices, (DateTimeOffset From, DateTimeOffset To) hours) => Evidence(devices, hours.From, hours.To);

    /// <summary>Opening or service hours as instants; a closing time of 00:00 is midnight at the day's end.</summary>
    private (DateTimeOffset From, DateTimeOffset To) Hours(DateOnly date, TimeOnly opens, TimeOnly closes) =>
        (Local(date, opens), closes == TimeOnly.MinValue ? Window(date).End : Local(date, closes));

    private DateTimeOffset Now(DayWindow day) => time.GetUtcNow() < day.End ? time.GetUtcNow() : day.End;

    private TimeSpan Cadence(RegistrySnapshot snapshot, string device)
    {
        bool Measures(IMeasuredThing thing) => DeviceHistory.Of(thing).Any(a => a.Device == device);
        return snapshot.Of<Truck>(RegistryKinds.Trucks).Any(Measures) ? Rules.Evidence.TruckCadence
            : snapshot.Of<Site>(RegistryKinds.Sites).Any(Measures) ? Rules.Evidence.SiteCadence
            : snapshot.Of<Pond>(RegistryKinds.Ponds).Any(Measures) ? Rules.Evidence.PondCadence
            : Rules.Evidence.BinCadence;
    }

    private SealedTransportResult SealedTransport(IReadOnlyList<DeviceMessage> messages, List<PositionFix> fixes) =>
        SealedTransportCheck.Evaluate(fixes, CoverObservation.From(messages), Rules.SealedTransport);

    private static List<PositionFix> Fixes(IEnumerable<DeviceMessage> messages, DayWindow day) =>
        [.. messages.OfType<TruckPosition>().Where(p => p.Ts >= day.Start).OrderBy(p => p.Ts).Select(p => new PositionFix(p.Ts, p.Lat, p.Lon, p.Speed))];

    private ClearanceResult Clearance(string container, IEnumerable<DeviceMessage> messages) =>
        DailyClearanceCheck.Evaluate(container, messages.OfType<BinFillReading>().Select(f => new LevelSample(f.Ts, f.FillingLevel)), Rules.Clearance);

    private sealed record ThingDay(List<DeviceMessage> Messages, List<DeviceEvidence> Evidence);

    private static List<ScanRecord> Scans(IEnumerable<DeviceMessage> messages) =>
        [.. messages.OfType<PickupScan>().Select(s => new ScanRecord(s.Tag, s.Ts, s.Lat, s.Lon))];

    private DateTimeOffset Local(DateOnly date, TimeOnly at)
    {
        var local = date.ToDateTime(at);
        return new DateTimeOffset(local, _zone.GetUtcOffset(local));
    }

    private static IEnumerable<BadgeRecord> Badges(IEnumerable<DeviceMessage> messages) =>
        messages.OfType<CleanerBadgeEvent>().Select(b => new BadgeRecord(b.Ts, b.Badge, b.Action, b.DwellS));

    private static IEnumerable<AirRecord> Air(IEnumerable<DeviceMessage> messages) =>
        messages.OfType<SiteAirReading>().Select(a => new AirRecord(a.Ts, a.Nh3, a.Sh2, a.WarmingUp) { Nh3Resolution = a.Nh3Resolution, H2sResolution = a.Sh2Resolution });
}
