using System.Collections.Concurrent;

namespace WasteIoT.Gateway.Ingest;

/// <summary>A token bucket per device: a steady rate with a burst of twice that.</summary>
public sealed class RateLimiter(int perSecond, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    public bool TryTake(string device)
    {
        var bucket = _buckets.GetOrAdd(device, _ => new Bucket(perSecond * 2.0, time.GetTimestamp()));
        lock (bucket)
        {
            var now = time.GetTimestamp();
            var elapsed = time.GetElapsedTime(bucket.Last, now).TotalSeconds;
            bucket.Last = now;
            bucket.Tokens = Math.Min(perSecond * 2.0, bucket.Tokens + (elapsed * perSecond));
            if (bucket.Tokens < 1)
            {
                return false;
            }

            bucket.Tokens -= 1;
            return true;
        }
    }

    private sealed class Bucket(double tokens, long last)
    {
        public double Tokens { get; set; } = tokens;

        public long Last { get; set; } = last;
    }
}
