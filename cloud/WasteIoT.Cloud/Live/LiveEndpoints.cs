using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using WasteIoT.Cloud.Accounts;
using WasteIoT.Cloud.Audit;
using WasteIoT.Cloud.Checks.SealedTransport;
using WasteIoT.Cloud.Readings;
using WasteIoT.Cloud.Registry;
using WasteIoT.Cloud.Store;
using WasteIoT.Contracts.Messages;

namespace WasteIoT.Cloud.Live;

/// <summary>The live map's server-sent events and a truck's day for replay.</summary>
internal static class LiveEndpoints
{
    private static readonly TimeSpan ReplayStep = TimeSpan.FromSeconds(10);

    public static IEndpointRouteBuilder MapLive(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Live").RequireSession();
        group.MapGet("/live/trucks", StreamAsync).WithName("LiveTrucks").ExcludeFromDescription();
        group.MapGet("/trucks/{plate}/track/{date}", TrackAsync).WithName("TruckTrack");
        group.MapGet("/map", (Microsoft.Extensions.Options.IOptions<Dashboard.MapOptions> map) => TypedResults.Ok(map.Value)).WithName("MapConfig");
        return app;
    }

    /// <summary>
    /// <c>text/event-stream</c>: first the last known position of every visible truck, then each new one as it is
    /// stored; a comment every 15 s keeps proxies from closing an idle stream.
    /// </summary>
    private static async Task StreamAsync(HttpContext context, LiveFeed feed, CountyRegistry registry, IReadingStore store, IHostApplicationLifetime lifetime, CancellationToken requestAborted)
    {
        // A stream ends with the page or with the cloud: shutting down must not wait for open pages.
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, lifetime.ApplicationStopping);
        var cancellationToken = linked.Token;
        var viewer = Viewer.From(context.User);
        var snapshot = await registry.CurrentAsync(cancellationToken);
        context.Response.Headers.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers["X-Accel-Buffering"] = "no";
        var channel = feed.Subscribe();
        try
        {
            var known = feed.Latest.ToDictionary(p => p.Truck, StringComparer.Ordinal);

            // What this page knows of each cover: the feed learns a cover state only when one arrives after a restart.
            var covers = new Dictionary<string, CargoCover>(StringComparer.Ordinal);

            // What this page last showed of each truck: after a cloud restart the feed knows nothing yet, and the
            // gateway's first batch is the one the crash left unacknowledged — fixes this page has already shown.
            var shown = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
            var lastFix = new Dictionary<string, (DateTimeOffset, double, double, CargoCover)>(StringComparer.Ordinal);
            foreach (var truck in snapshot.Of<Truck>(RegistryKinds.Trucks).Where(t => viewer.SeesTruck(t.Id, t.Contractor)))
            {
                var position = known.GetValueOrDefault(truck.Id);
                if (position is null || position.Cover == CargoCover.Unknown)
                {
                    // Not seen since this instance started, or seen without a cover event since: the store knows more.
                    var stored = await LastStoredAsync(truck, store, cancellationToken);
                    position = position is null ? stored : position with { Cover = stored?.Cover ?? position.Cover };
                }

                if (position is not null)
                {
                    covers[truck.Id] = position.Cover;
                    shown[truck.Id] = position.Ts;
                    lastFix[truck.Id] = (position.Ts, position.Lat, position.Lon, position.Cover);
                    await WriteAsync(context.Response, position, cancellationToken);
                }
            }

            await context.Response.Body.FlushAsync(cancellationToken);
            while (!cancellationToken.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                wait.CancelAfter(TimeSpan.FromSeconds(15));
                try
                {
                    var position = await channel.Reader.ReadAsync(wait.Token);
                    if (viewer.SeesTruck(position.Truck, position.Contractor) && (!shown.TryGetValue(position.Truck, out var last) || position.Ts >= last))
                    {
                        shown[position.Truck] = position.Ts;
                        if (position.Cover == CargoCover.Unknown && covers.TryGetValue(position.Truck, out var cover))
                        {
                            position = position with { Cover = cover };
                        }

                        // A fix already shown comes again when the gateway resends the batch a crash left
                        // unacknowledged: the same place at the same time in the same cover state is not news.
                        var fix = (position.Ts, position.Lat, position.Lon, position.Cover);
                        if (lastFix.TryGetValue(position.Truck, out var previous) && previous == fix)
                        {
                            continue;
                        }

                        lastFix[position.Truck] = fix;

                        covers[position.Truck] = position.Cover;
                        await WriteAsync(context.Response, position, cancellationToken);
                        await context.Response.Body.FlushAsync(cancellationToken);
                    }
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    await context.Response.WriteAsync(": keep-alive\n\n", cancellationToken);
                    await context.Response.Body.FlushAsync(cancellationToken);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The page went away.
        }
        finally
        {
            feed.Unsubscribe(channel);
        }
    }

    private static async Task<Results<Ok<TruckTrack>, ProblemHttpResult>> TrackAsync(
        string plate, CountyDate date, CountyRegistry registry, DeviceDay loader, CountyAudit audit, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var day = date.Day;
        var snapshot = await registry.CurrentAsync(cancellationToken);
        if (snapshot.Find<Truck>(RegistryKinds.Trucks, plate) is not { } truck || !Viewer.From(user).SeesTruck(truck.Id, truck.Contractor))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not registered", detail: $"no truck '{plate}'");
        }

        var window = audit.Window(day);
        // Each node for the time it was on this truck: a node swapped mid-day replays as the truck, not beside it.
        var messages = new List<DeviceMessage>();
        foreach (var assigned in DeviceHistory.During(truck, window.Start - TimeSpan.FromHours(6), window.End).GroupBy(a => a.Device, StringComparer.Ordinal))
        {
            messages.AddRange((await loader.LoadAsync(assigned.Key, window, TimeSpan.FromHours(6), cancellationToken)).Where(m => assigned.Any(a => a.Covers(m.Ts))));
        }

        var covers = CoverObservation.From(messages);
        var points = new List<TrackPoint>();
        var next = 0;
        var state = CargoCover.Unknown;

        // A work vehicle's track shows where its brushes, pump or cannon ran (any of them on is working).
        var workVehicle = RoadAudits.IsWorkVehicle(truck.Vehicle);
        var switching = workVehicle ? messages.OfType<EquipmentEvent>().Where(e => e.Equipment != WorkEquipment.Tipper).OrderBy(e => e.Ts).ToList() : [];
        var running = new HashSet<WorkEquipment>();
        var nextSwitch = 0;
        // Replayed at 10-second resolution (a day at 1 Hz is 28,800 fixes; 10 s at 30 km/h is 83 m), keeping every change of cover state and the last fix.
        var fixes = messages.OfType<TruckPosition>().Where(p => p.Ts >= window.Start).OrderBy(p => p.Ts).ToList();
        for (var i = 0; i < fixes.Count; i++)
        {
            var fix = fixes[i];
            var before = state;
            var wasWorking = running.Count > 0;
            while (next < covers.Count && covers[next].Ts <= fix.Ts)
            {
                state = CargoCovers.From(covers[next++].Open);
            }

            while (nextSwitch < switching.Count && switching[nextSwitch].Ts <= fix.Ts)
            {
                var e = switching[nextSwitch++];
                _ = e.On ? running.Add(e.Equipment) : running.Remove(e.Equipment);
            }

            if (points.Count == 0 || state != before || wasWorking != running.Count > 0 || fix.Ts - points[^1].Ts >= ReplayStep || i == fixes.Count - 1)
            {
                points.Add(new TrackPoint(fix.Ts, fix.Lat, fix.Lon, fix.Speed, state) { Working = workVehicle ? running.Count > 0 : null });
            }
        }

        var sealedTransport = SealedTransportCheck.Evaluate(
            fixes.Select(p => new PositionFix(p.Ts, p.Lat, p.Lon, p.Speed)), covers, audit.Rules.SealedTransport);
        var scans = messages.OfType<PickupScan>().Where(s => s.Ts >= window.Start).Select(s => new TrackScan(s.Ts, s.Tag, s.Lat, s.Lon)).ToList();
        return TypedResults.Ok(new TruckTrack(truck.Id, day, points, workVehicle ? [] : sealedTransport.Violations, scans) { Vehicle = truck.Vehicle });
    }

    private static async Task<TruckPositionEvent?> LastStoredAsync(Truck truck, IReadingStore store, CancellationToken cancellationToken)
    {
        TruckPositionEvent? best = null;
        foreach (var device in truck.Devices)
        {
            if (await store.LatestAsync(device, MessageKinds.Position, cancellationToken) is { } row && PositionReader.TryRead(row.Json, out var p) && p is not null && (best is null || p.Ts > best.Ts))
            {
                var cover = await store.LatestAsync(device, MessageKinds.Cover, cancellationToken) is { } c
                    && JsonSerializer.Deserialize(c.Json, WasteIoT.Contracts.Serialization.ContractJsonContext.Default.DeviceMessage) is CargoCoverEvent ce
                    ? CargoCovers.From(ce.State) : CargoCover.Unknown;
                best = new TruckPositionEvent(truck.Id, truck.Contractor, device, p.Ts, p.Lat, p.Lon, p.Speed, p.Heading, cover);
            }
        }

        return best;
    }

    private static async Task WriteAsync(HttpResponse response, TruckPositionEvent position, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(position, LiveJsonContext.Default.TruckPositionEvent);
        await response.WriteAsync($"event: position\ndata: {json}\n\n", cancellationToken);
    }
}
