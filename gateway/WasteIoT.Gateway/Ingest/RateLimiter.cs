using System.Collections.Concurrent;

namespace WasteIoT.Gateway.Ingest;

/// <summary>
/// A token bucket per device: a steady rate with a burst of twice that. Over the rate a device is paced, not refused:
/// each publish reserves the next token and its commit (so its PUBACK) waits until the token is due, which fills the
/// device's in-flight window and slows it to the rate on the same connection — a node draining its flash log after an
/// outage. Only a device whose reservations run more than <c>floodAfter</c> ahead, which a device waiting for its
/// PUBACKs never does, is a flood.
/// </summary>
public sealed class RateLimiter(int perSecond, TimeSpan floodAfter, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    public RateLimiter(int perSecond, TimeProvider time)
        : this(perSecond, TimeSpan.FromSeconds(10), time)
    {
    }

    /// <summary>Reserves a token: how long the publish must wait for it, or null when the device is flooding.</summary>
    public TimeSpan? Reserve(string device)
    {
        var bucket = _buckets.GetOrAdd(device, _ => new Bucket(perSecond * 2.0, time.GetTimestamp()));
        lock (bucket)
        {
            var now = time.GetTimestamp();
            var elapsed = time.GetElapsedTime(bucket.Last, now).TotalSeconds;
            bucket.Last = now;
            bucket.Tokens = Math.Min(perSecond * 2.0, bucket.Tokens + (elapsed * perSecond));
            if (bucket.Tokens - 1 < -perSecond * floodAfter.TotalSeconds)
            {
                return null;
            }

            bucket.Tokens -= 1;
            return bucket.Tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-bucket.Tokens / perSecond);
        }
    }

    private sealed class Bucket(double tokens, long last)
    {
        public double Tokens { get; set; } = tokens;

        public long Last { get; set; } = last;
    }
}
