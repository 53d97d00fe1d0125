using System.Diagnostics;
using System.Globalization;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace WasteIoT.Benchmarks;

/// <summary>Simulated devices publishing contract-valid readings at QoS 1 and timing each PUBACK.</summary>
internal static class DeviceLoad
{
    public static async Task<List<IMqttClient>> ConnectAsync(int port, IReadOnlyList<(string Id, string Secret)> devices)
    {
        var clients = new List<IMqttClient>();
        foreach (var chunk in devices.Chunk(50))
        {
            var connected = await Task.WhenAll(chunk.Select(async d =>
            {
                var client = new MqttClientFactory().CreateMqttClient();
                await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithProtocolVersion(MqttProtocolVersion.V311)
                    .WithClientId(d.Id).WithCredentials(d.Id, d.Secret).WithCleanSession(true).WithTimeout(TimeSpan.FromSeconds(30)).Build());
                return client;
            }));
            clients.AddRange(connected);
        }

        return clients;
    }

    /// <summary>Every device publishes <paramref name="perDevice"/> readings with <paramref name="window"/> awaiting their PUBACK.</summary>
    /// <returns>Messages per second over the run.</returns>
    public static async Task<double> SaturateAsync(IReadOnlyList<IMqttClient> clients, int perDevice, int window, long bootOffset)
    {
        var started = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select((client, i) => Task.Run(async () =>
        {
            var device = client.Options.ClientId;
            using var slots = new SemaphoreSlim(window);
            var pending = new List<Task>(perDevice);
            for (var seq = 1; seq <= perDevice; seq++)
            {
                await slots.WaitAsync();
                var message = Reading(device, bootOffset, seq);
                pending.Add(client.PublishAsync(message).ContinueWith(_ => slots.Release(), TaskScheduler.Default));
            }

            await Task.WhenAll(pending);
        })));
        return clients.Count * (double)perDevice / started.Elapsed.TotalSeconds;
    }

    /// <summary>Paced load at <paramref name="totalPerSecond"/> for <paramref name="duration"/>.</summary>
    /// <returns>Each publish's time to PUBACK, ms.</returns>
    public static async Task<List<double>> PacedAsync(IReadOnlyList<IMqttClient> clients, int totalPerSecond, TimeSpan duration, long boot)
    {
        var latencies = new List<double>();
        var perDevicePerSecond = (double)totalPerSecond / clients.Count;
        var interval = TimeSpan.FromSeconds(1 / perDevicePerSecond);
        var end = DateTime.UtcNow + duration;
        await Task.WhenAll(clients.Select((client, i) => Task.Run(async () =>
        {
            var device = client.Options.ClientId;
            var local = new List<double>();
            var seq = 0L;
            var next = Stopwatch.GetTimestamp() + (long)(interval.TotalSeconds * Stopwatch.Frequency * i / clients.Count);
            var inflight = new List<Task>();
            while (DateTime.UtcNow < end)
            {
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }

                next += (long)(interval.TotalSeconds * Stopwatch.Frequency);
                var sent = Stopwatch.GetTimestamp();
                inflight.Add(client.PublishAsync(Reading(device, boot, ++seq)).ContinueWith(
                    _ =>
                    {
                        lock (local)
                        {
                            local.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                        }
                    },
                    TaskScheduler.Default));
            }

            await Task.WhenAll(inflight);
            lock (latencies)
            {
                latencies.AddRange(local);
            }
        })));
        latencies.Sort();
        return latencies;
    }

    public static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100 * sorted.Count) - 1)];

    private static MqttApplicationMessage Reading(string device, long boot, long seq)
    {
        var ts = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var payload = string.Create(CultureInfo.InvariantCulture, $$"""{"kind":"fill","schema":1,"device":"{{device}}","boot":{{boot}},"seq":{{seq}},"ts":"{{ts}}","fillingLevel":0.42,"distanceMm":580,"temperature":12.5,"status":"ok","echo":"ok","battery":3.6}""");
        return new MqttApplicationMessageBuilder()
            .WithTopic($"wiot/v1/dev/{device}/up/fill")
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
    }
}
