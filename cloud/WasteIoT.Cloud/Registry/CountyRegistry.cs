using System.Text.Json;

namespace WasteIoT.Cloud.Registry;

/// <summary>
/// The registry as the rest of the cloud sees it: a cached snapshot (re-read when another instance has written,
/// checked at most every few seconds), validated writes, CSV import and export.
/// </summary>
public sealed class CountyRegistry(RegistryStore store, TimeProvider time)
{
    private static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(3);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private RegistrySnapshot _snapshot = RegistrySnapshot.Empty;
    private DateTimeOffset _checked = DateTimeOffset.MinValue;
    private bool _loaded;
    private int _writes;

    /// <summary>The last snapshot loaded, without asking the database: for the ingest path, which must not wait.</summary>
    public RegistrySnapshot Cached => _snapshot;

    public async Task<RegistrySnapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        if (_loaded && time.GetUtcNow() - _checked < RecheckAfter)
        {
            return _snapshot;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_loaded || time.GetUtcNow() - _checked >= RecheckAfter)
            {
                // A write of this instance during the load may be missing from it: then it is not fresh.
                var writes = Volatile.Read(ref _writes);
                if (!_loaded || await store.VersionAsync(cancellationToken) != _snapshot.Version)
                {
                    _snapshot = await store.LoadAsync(cancellationToken);
                    _loaded = true;
                }

                _checked = writes == Volatile.Read(ref _writes) ? time.GetUtcNow() : DateTimeOffset.MinValue;
            }

            return _snapshot;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Validates and stores one row; returns its errors (nothing stored) or none. A change of a thing's devices is
    /// recorded in its history as of <paramref name="effective"/> (now when not given: a change entered late gives its time).
    /// </summary>
    public async Task<IReadOnlyList<string>> UpsertAsync(RegistryKind kind, IRegistryEntity entity, CancellationToken cancellationToken, DateTimeOffset? effective = null)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var snapshot = await CurrentAsync(cancellationToken);
        entity = WithHistory(snapshot, kind, entity, effective, out var historyError);
        var errors = kind.Validate(entity, snapshot.Exists).Concat(historyError is null ? [] : [historyError]).ToList();
        if (errors.Count == 0)
        {
            await store.UpsertAsync(kind, [entity], cancellationToken);
            Invalidate();
        }

        return errors;
    }

    /// <summary>Deletes a row nothing refers to; returns what still refers to it otherwise.</summary>
    public async Task<(bool Found, IReadOnlyList<string> ReferencedBy)> DeleteAsync(RegistryKind kind, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var snapshot = await CurrentAsync(cancellationToken);
        if (!snapshot.Exists(kind.Name, id))
        {
            return (false, []);
        }

        var references = snapshot.ReferencesTo(kind.Name, id).ToList();
        if (references.Count > 0)
        {
            return (true, references);
        }

        await store.DeleteAsync(kind, id, cancellationToken);
        Invalidate();
        return (true, []);
    }

    /// <summary>
    /// Imports a CSV (header row first, columns by name in any order). Good rows are stored even when others are
    /// refused; a row may refer to rows earlier in the same file.
    /// </summary>
    public async Task<ImportReport> ImportCsvAsync(RegistryKind kind, TextReader csv, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var snapshot = await CurrentAsync(cancellationToken);
        var errors = new List<ImportError>();
        var good = new Dictionary<string, IRegistryEntity>(StringComparer.Ordinal);
        Dictionary<string, int>? columns = null;
        bool Exists(string k, string id) => (k == kind.Name && good.ContainsKey(id)) || snapshot.Exists(k, id);
        foreach (var (line, fields) in Csv.Read(csv))
        {
            if (columns is null)
            {
                (columns, var missing) = Csv.Header(fields, kind.Columns.Except(kind.OptionalColumns));
                if (missing.Count > 0)
                {
                    errors.Add(new ImportError(line, null, $"header lacks column(s) {string.Join(", ", missing)}; expected {string.Join(",", kind.Columns)}"));
                    return new ImportReport(kind.Name, 0, errors);
                }

                continue;
            }

            var row = new CsvRow(columns, fields);
            var entity = kind.Parse(row);
            var effective = row.Instant("effective");
            entity = WithHistory(snapshot, kind, entity, effective, out var historyError);
            var rowErrors = row.Errors.Count > 0 ? row.Errors : kind.Validate(entity, Exists).Concat(historyError is null ? [] : [historyError]).ToList();
            if (rowErrors.Count > 0)
            {
                errors.Add(new ImportError(line, entity.Id.Length > 0 ? entity.Id : null, string.Join("; ", rowErrors)));
                continue;
            }

            if (good.ContainsKey(entity.Id))
            {
                errors.Add(new ImportError(line, entity.Id, "the same id appears earlier in the file; the later row is refused"));
                continue;
            }

            good[entity.Id] = entity;
        }

        if (columns is null)
        {
            errors.Add(new ImportError(1, null, $"the file is empty; expected a header row {string.Join(",", kind.Columns)}"));
        }

        if (good.Count > 0)
        {
            await store.UpsertAsync(kind, [.. good.Values], cancellationToken);
            Invalidate();
        }

        return new ImportReport(kind.Name, good.Count, errors);
    }

    public async Task ExportCsvAsync(RegistryKind kind, TextWriter csv, Func<IRegistryEntity, bool> visible, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(csv);
        var snapshot = await CurrentAsync(cancellationToken);
        csv.Write('\uFEFF');
        Csv.WriteRow(csv, kind.Columns);
        foreach (var entity in snapshot.All(kind.Name).Where(visible))
        {
            Csv.WriteRow(csv, kind.Format(entity));
        }
    }

    public static JsonElement ToJson(RegistryKind kind, IRegistryEntity entity) =>
        JsonSerializer.SerializeToElement(entity, kind.TypeInfo);

    private IRegistryEntity WithHistory(RegistrySnapshot snapshot, RegistryKind kind, IRegistryEntity entity, DateTimeOffset? effective, out string? error)
    {
        error = null;
        return entity is IMeasuredThing thing
            ? DeviceHistory.Carry(snapshot.Find<IMeasuredThing>(kind.Name, entity.Id), thing, effective ?? time.GetUtcNow(), effective is not null, out error)
            : entity;
    }

    private void Invalidate()
    {
        Interlocked.Increment(ref _writes);
        _checked = DateTimeOffset.MinValue;
    }
}
