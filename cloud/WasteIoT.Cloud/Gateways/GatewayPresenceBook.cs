using System.Data;
using Microsoft.Extensions.Options;
using WasteIoT.Cloud.Accounts;
using WasteIoT.Cloud.Registry;
using WasteIoT.Cloud.Settings;
using WasteIoT.Cloud.Store;
using WasteIoT.Contracts.Downlink;

namespace WasteIoT.Cloud.Gateways;

/// <summary>
/// Gateways' last presence with their backlog, as reported on their retained status topic (every minute while
/// connected, and their last will when the link drops). The newest report per gateway is kept.
/// </summary>
public sealed class GatewayPresenceBook(CloudDatabase database, CountyRegistry registry, IOptions<CloudOptions> options, TimeProvider time)
{
    /// <summary>Keeps a gateway's report; an offline report keeps the backlog it last stated (it cannot know more).</summary>
    public async Task RecordAsync(string gateway, StatusMessage status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(status);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var upsert = connection.Command("""
            INSERT INTO gateway_presence (gateway, online, reported, fw, backlog_rows, oldest_age_s, store_bytes, thinned)
            VALUES (@g, @online, @reported, @fw, @rows, @age, @bytes, @thinned)
            ON CONFLICT (gateway) DO UPDATE SET
                online = excluded.online, reported = excluded.reported,
                fw = COALESCE(excluded.fw, gateway_presence.fw),
                backlog_rows = COALESCE(excluded.backlog_rows, gateway_presence.backlog_rows),
                oldest_age_s = COALESCE(excluded.oldest_age_s, gateway_presence.oldest_age_s),
                store_bytes = COALESCE(excluded.store_bytes, gateway_presence.store_bytes),
                thinned = COALESCE(excluded.thinned, gateway_presence.thinned)
            """)
            .With("@g", gateway)
            .With("@online", status.Online ? 1 : 0)
            .With("@reported", time.GetUtcNow().ToUnixTimeMilliseconds())
            .With("@fw", status.Fw, DbType.String)
            .With("@rows", status.Backlog?.Rows, DbType.Int64)
            .With("@age", status.Backlog?.OldestAgeS, DbType.Int64)
            .With("@bytes", status.Backlog?.StoreBytes, DbType.Int64)
            .With("@thinned", status.Backlog?.Thinned, DbType.Int64);
        await upsert.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Every provisioned gateway the viewer may see (the bureau all; a contractor those carrying its devices; crews none), most behind first.</summary>
    public async Task<IReadOnlyList<GatewayPresence>> ListAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var snapshot = await registry.CurrentAsync(cancellationToken);
        var devices = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var reports = new Dictionary<string, (bool Online, long Reported, string? Fw, long? Rows, long? Age, long? Bytes, long? Thinned)>(StringComparer.Ordinal);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using (var command = connection.Command("SELECT g.id, d.device FROM gateways g LEFT JOIN gateway_devices d ON d.gateway = g.id"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var assigned = devices.TryGetValue(reader.GetString(0), out var known) ? known : devices[reader.GetString(0)] = [];
                if (!reader.IsDBNull(1))
                {
                    assigned.Add(reader.GetString(1));
                }
            }
        }

        await using (var command = connection.Command("SELECT gateway, online, reported, fw, backlog_rows, oldest_age_s, store_bytes, thinned FROM gateway_presence"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                reports[reader.GetString(0)] = (Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture) != 0, reader.GetInt64(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3), Nullable(reader, 4), Nullable(reader, 5), Nullable(reader, 6), Nullable(reader, 7));
            }
        }

        var now = time.GetUtcNow();
        var silentAfter = options.Value.GatewaySilentAfter;
        var list = new List<GatewayPresence>();
        foreach (var (gateway, assigned) in devices)
        {
            var contractors = assigned
                .Select(d => snapshot.DeviceOwners.TryGetValue(d, out var owner) ? snapshot.Find(owner.Kind, owner.Id)?.Contractor : null)
                .OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (!viewer.IsBureau && !(viewer.Role == UserRole.Contractor && contractors.Any(viewer.Sees)))
            {
                continue;
            }

            if (reports.TryGetValue(gateway, out var r))
            {
                var reported = DateTimeOffset.FromUnixTimeMilliseconds(r.Reported);
                var silent = r.Online && now - reported > silentAfter;
                var behind = !r.Online || silent || (r.Age ?? 0) > options.Value.GatewayBehindAfter.TotalSeconds;
                list.Add(new GatewayPresence(gateway, contractors, assigned.Count, r.Online, silent, behind, reported, r.Fw, r.Rows, r.Age, r.Bytes, r.Thinned));
            }
            else
            {
                list.Add(new GatewayPresence(gateway, contractors, assigned.Count, false, false, true, null, null, null, null, null, null));
            }
        }

        // Most behind first: not connected or silent, then by the age of what waits.
        return [.. list.OrderBy(g => !g.Behind).ThenBy(g => g.Connected && !g.Silent).ThenByDescending(g => g.OldestAgeS ?? 0).ThenBy(g => g.Gateway, StringComparer.Ordinal)];
    }

    private static long? Nullable(System.Data.Common.DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);
}
