using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace WasteIoT.Gateway.Observability;

/// <summary>Counters and gauges of the gateway, written out in the Prometheus text format at /metrics.</summary>
public sealed class GatewayMetrics
{
    private static readonly double[] LatencyBucketsMs = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];

    private readonly ConcurrentDictionary<string, long> _rejects = new(StringComparer.Ordinal);
    private readonly long[] _commitBuckets = new long[LatencyBucketsMs.Length + 1];
    private long _connected;
    private long _messagesIn;
    private long _duplicates;
    private long _paced;
    private long _messagesOut;
    private long _batchesOut;
    private long _commitCount;
    private double _commitSumMs;

    public long Connected => Interlocked.Read(ref _connected);

    public long MessagesIn => Interlocked.Read(ref _messagesIn);

    public long MessagesOut => Interlocked.Read(ref _messagesOut);

    public long Duplicates => Interlocked.Read(ref _duplicates);

    /// <summary>Publishes held back to the device's rate (their PUBACK waited for a token).</summary>
    public long PacedCount => Interlocked.Read(ref _paced);

    public void Paced() => Interlocked.Increment(ref _paced);

    public long Rejects(string reason) => _rejects.TryGetValue(reason, out var n) ? n : 0;

    /// <summary>Backlog gauges, set by the uplink.</summary>
    public long BacklogRows { get; set; }

    public double BacklogOldestAgeSeconds { get; set; }

    public double DrainRatePerSecond { get; set; }

    public bool UplinkConnected { get; set; }

    /// <summary>Undelivered positions deleted by the disk quota policy (set with the backlog).</summary>
    public long Thinned { get; set; }

    public void ClientConnected() => Interlocked.Increment(ref _connected);

    public void ClientDisconnected() => Interlocked.Decrement(ref _connected);

    public void Stored() => Interlocked.Increment(ref _messagesIn);

    public void Duplicate() => Interlocked.Increment(ref _duplicates);

    public void Reject(string reason) => _rejects.AddOrUpdate(reason, 1, (_, n) => n + 1);

    public void Forwarded(int records)
    {
        Interlocked.Add(ref _messagesOut, records);
        Interlocked.Increment(ref _batchesOut);
    }

    /// <summary>Time from a publish's arrival to its commit.</summary>
    public void CommitLatency(TimeSpan latency)
    {
        var ms = latency.TotalMilliseconds;
        var bucket = 0;
        while (bucket < LatencyBucketsMs.Length && ms > LatencyBucketsMs[bucket])
        {
            bucket++;
        }

        Interlocked.Increment(ref _commitBuckets[bucket]);
        Interlocked.Increment(ref _commitCount);
        lock (_commitBuckets)
        {
            _commitSumMs += ms;
        }
    }

    public string ToPrometheus()
    {
        var s = new StringBuilder();
        Gauge(s, "wasteiot_gateway_connected_devices", "Devices connected to the broker.", Connected);
        Counter(s, "wasteiot_gateway_messages_in_total", "Device messages committed to the store.", MessagesIn);
        Counter(s, "wasteiot_gateway_duplicates_total", "Device messages already stored (acknowledged again).", Duplicates);
        Counter(s, "wasteiot_gateway_paced_total", "Device publishes held back to the device's rate.", PacedCount);
        Counter(s, "wasteiot_gateway_messages_out_total", "Messages acknowledged by the cloud.", MessagesOut);
        Counter(s, "wasteiot_gateway_batches_out_total", "Batches acknowledged by the cloud.", Interlocked.Read(ref _batchesOut));
        s.Append("# HELP wasteiot_gateway_rejects_total Messages or connections refused, by reason.\n# TYPE wasteiot_gateway_rejects_total counter\n");
        foreach (var (reason, count) in _rejects.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            s.Append(CultureInfo.InvariantCulture, $"wasteiot_gateway_rejects_total{{reason=\"{reason}\"}} {count}\n");
        }

        Counter(s, "wasteiot_gateway_thinned_total", "Undelivered positions deleted by the disk quota policy (every second fix).", Thinned);
        Gauge(s, "wasteiot_gateway_backlog_rows", "Messages waiting for the cloud.", BacklogRows);
        Gauge(s, "wasteiot_gateway_backlog_oldest_age_seconds", "Age of the oldest message waiting for the cloud.", BacklogOldestAgeSeconds);
        Gauge(s, "wasteiot_gateway_drain_rate_per_second", "Messages acknowledged by the cloud per second, last interval.", DrainRatePerSecond);
        Gauge(s, "wasteiot_gateway_uplink_connected", "1 when the uplink to the cloud is connected.", UplinkConnected ? 1 : 0);
        s.Append("# HELP wasteiot_gateway_commit_latency_ms Publish arrival to durable commit.\n# TYPE wasteiot_gateway_commit_latency_ms histogram\n");
        long cumulative = 0;
        for (var i = 0; i < LatencyBucketsMs.Length; i++)
        {
            cumulative += Interlocked.Read(ref _commitBuckets[i]);
            s.Append(CultureInfo.InvariantCulture, $"wasteiot_gateway_commit_latency_ms_bucket{{le=\"{LatencyBucketsMs[i]}\"}} {cumulative}\n");
        }

        cumulative += Interlocked.Read(ref _commitBuckets[^1]);
        s.Append(CultureInfo.InvariantCulture, $"wasteiot_gateway_commit_latency_ms_bucket{{le=\"+Inf\"}} {cumulative}\n");
        double sum;
        lock (_commitBuckets)
        {
            sum = _commitSumMs;
        }

        s.Append(CultureInfo.InvariantCulture, $"wasteiot_gateway_commit_latency_ms_sum {sum}\nwasteiot_gateway_commit_latency_ms_count {Interlocked.Read(ref _commitCount)}\n");
        return s.ToString();
    }

    private static void Counter(StringBuilder s, string name, string help, double value) =>
        s.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} counter\n{name} {value}\n");

    private static void Gauge(StringBuilder s, string name, string help, double value) =>
        s.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} gauge\n{name} {value}\n");
}
