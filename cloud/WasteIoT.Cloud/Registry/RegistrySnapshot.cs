namespace WasteIoT.Cloud.Registry;

/// <summary>The whole registry at one version, indexed for the checks (device → what it measures, tag → household).</summary>
public sealed class RegistrySnapshot
{
    private readonly Dictionary<string, Dictionary<string, IRegistryEntity>> _byKind;

    public RegistrySnapshot(long version, IEnumerable<(string Kind, IRegistryEntity Entity)> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        Version = version;
        _byKind = RegistryKinds.All.ToDictionary(k => k.Name, _ => new Dictionary<string, IRegistryEntity>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var (kind, entity) in rows)
        {
            _byKind[kind][entity.Id] = entity;
        }

        // In import order (trucks, sites, bins, ponds): a device registered twice belongs to the first.
        foreach (var (kind, thing) in MeasuredThings())
        {
            foreach (var device in thing.CurrentDevices)
            {
                DeviceOwners.TryAdd(device, (kind, thing.Id));
            }
        }
    }

    public static RegistrySnapshot Empty { get; } = new(0, []);

    public long Version { get; }

    /// <summary>Every device assigned to a thing at some time in <c>[from, to)</c>, with the last moment of it there.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> AssignedDuring(DateTimeOffset from, DateTimeOffset to)
    {
        var until = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var (_, thing) in MeasuredThings())
        {
            foreach (var assignment in DeviceHistory.During(thing, from, to))
            {
                var end = assignment.To is { } t && t < to ? t : to;
                until[assignment.Device] = until.TryGetValue(assignment.Device, out var known) && known > end ? known : end;
            }
        }

        return until;
    }

    /// <summary>The assignments of one device to any thing during <c>[from, to)</c>.</summary>
    public IReadOnlyList<DeviceAssignment> AssignmentsOf(string device, DateTimeOffset from, DateTimeOffset to) =>
        [.. MeasuredThings().SelectMany(t => DeviceHistory.During(t.Thing, from, to)).Where(a => a.Device == device)];

    private IEnumerable<(string Kind, IMeasuredThing Thing)> MeasuredThings() =>
        RegistryKinds.All.SelectMany(k => _byKind[k.Name].Values.OfType<IMeasuredThing>().Select(t => (k.Name, t)));

    /// <summary>Which registered thing each device measures now.</summary>
    public Dictionary<string, (string Kind, string Id)> DeviceOwners { get; } = new(StringComparer.Ordinal);

    public int Count(string kind) => _byKind[kind].Count;

    public bool Exists(string kind, string id) => _byKind.TryGetValue(kind, out var rows) && rows.ContainsKey(id);

    public IRegistryEntity? Find(string kind, string id) => _byKind.TryGetValue(kind, out var rows) && rows.TryGetValue(id, out var entity) ? entity : null;

    public T? Find<T>(string kind, string id)
        where T : class, IRegistryEntity => Find(kind, id) as T;

    public IEnumerable<IRegistryEntity> All(string kind) => _byKind[kind].Values.OrderBy(e => e.Id, StringComparer.Ordinal);

    public IEnumerable<T> Of<T>(string kind)
        where T : IRegistryEntity => _byKind[kind].Values.OfType<T>();

    /// <summary>Rows that refer to (kind, id); a row may not be deleted while any do.</summary>
    public IEnumerable<string> ReferencesTo(string kind, string id)
    {
        if (kind == RegistryKinds.Contractors)
        {
            foreach (var other in RegistryKinds.All.Where(k => k.Name is not RegistryKinds.Contractors and not RegistryKinds.Households))
            {
                foreach (var entity in _byKind[other.Name].Values.Where(e => e.Contractor == id).Take(3))
                {
                    yield return $"{other.Name}/{entity.Id}";
                }
            }
        }

        var routes = Of<CollectionRoute>(RegistryKinds.Routes);
        var hits = kind switch
        {
            RegistryKinds.Households => routes.Where(r => r.Households.Contains(id)).Select(r => $"routes/{r.Id}"),
            RegistryKinds.Trucks => routes.Where(r => r.Truck == id).Select(r => $"routes/{r.Id}"),
            RegistryKinds.Badges => Of<Site>(RegistryKinds.Sites).Where(s => s.Cleaners.Contains(id)).Select(s => $"sites/{s.Id}"),
            RegistryKinds.Sites => Of<Bin>(RegistryKinds.Bins).Where(b => b.Site == id).Select(b => $"bins/{b.Id}"),
            _ => [],
        };
        foreach (var hit in hits.Take(5))
        {
            yield return hit;
        }
    }
}
