using System.Security.Cryptography;
using System.Text.Json;
using WasteIoT.Cloud.Registry;

namespace WasteIoT.Cloud.Audit;

/// <summary>
/// A hash of each registry kind's rows at one snapshot, so a kept audit depends on the kinds it reads rather than the
/// registry's version: importing households (routes are always computed again) leaves trucks, bins and sites kept.
/// </summary>
internal sealed class RegistryKindHashes
{
    private readonly object _gate = new();
    private (long Version, IReadOnlyDictionary<string, long> Hashes)? _last;

    /// <summary>The combined hash of <paramref name="kinds"/> in <paramref name="snapshot"/>.</summary>
    public long Of(RegistrySnapshot snapshot, params string[] kinds)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var hashes = For(snapshot);
        var combined = 17L;
        foreach (var kind in kinds)
        {
            combined = unchecked((combined * 31) + hashes[kind]);
        }

        return combined;
    }

    private IReadOnlyDictionary<string, long> For(RegistrySnapshot snapshot)
    {
        lock (_gate)
        {
            if (_last is { } last && last.Version == snapshot.Version)
            {
                return last.Hashes;
            }

            var hashes = RegistryKinds.All.ToDictionary(k => k.Name, k => Hash(snapshot, k), StringComparer.Ordinal);
            _last = (snapshot.Version, hashes);
            return hashes;
        }
    }

    private static long Hash(RegistrySnapshot snapshot, RegistryKind kind)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var entity in snapshot.All(kind.Name))
        {
            hash.AppendData(JsonSerializer.SerializeToUtf8Bytes(entity, kind.TypeInfo));
            hash.AppendData([0]);
        }

        return BitConverter.ToInt64(hash.GetHashAndReset(), 0);
    }
}
