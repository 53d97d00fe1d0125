using System.Collections.Concurrent;
using WasteIoT.Contracts.Downlink;

namespace WasteIoT.Gateway.Downlink;

/// <summary>
/// Today's route on a truck gateway, kept from the cloud's retained <c>route</c> downlink, so the crew gets an
/// answer to every scan within milliseconds whether or not the cloud is reachable.
/// </summary>
public sealed class RouteBook
{
    private readonly ConcurrentDictionary<string, byte> _scanned = new(StringComparer.Ordinal);
    private volatile RouteIndex _route = RouteIndex.Empty;

    public DailyRoute? Current => _route.Route;

    /// <summary>Household tags of other routes (from the cloud's tag directory), to tell "not on route" from "unknown".</summary>
    public IReadOnlySet<string> OtherKnownTags { get; set; } = new HashSet<string>(StringComparer.Ordinal);

    public void Load(DailyRoute route)
    {
        ArgumentNullException.ThrowIfNull(route);
        if (_route.Route is { } old && (old.Route != route.Route || old.Date != route.Date))
        {
            _scanned.Clear();
        }

        _route = new RouteIndex(route, route.Households.ToDictionary(h => h.Tag, StringComparer.Ordinal));
    }

    /// <summary>Decides the outcome of a scan and remembers it.</summary>
    public (ScanOutcome Outcome, string? Household) Answer(string tag)
    {
        var route = _route;
        if (route.ByTag.TryGetValue(tag, out var stop))
        {
            return (_scanned.TryAdd(tag, 0) ? ScanOutcome.Accepted : ScanOutcome.Duplicate, stop.Household);
        }

        return (OtherKnownTags.Contains(tag) ? ScanOutcome.NotOnRoute : ScanOutcome.UnknownTag, null);
    }

    private sealed record RouteIndex(DailyRoute? Route, Dictionary<string, RouteStop> ByTag)
    {
        public static readonly RouteIndex Empty = new(null, new Dictionary<string, RouteStop>(StringComparer.Ordinal));
    }
}
