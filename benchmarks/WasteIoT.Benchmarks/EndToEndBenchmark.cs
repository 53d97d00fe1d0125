using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using WasteIoT.Demo;
using WasteIoT.EndToEnd.Tests;
using WasteIoT.Firmware.Simulator.Fleet;

namespace WasteIoT.Benchmarks;

/// <summary>
/// <c>e2e</c>: the deployed system (cloud, gateway, simulator as separate processes, set up as in the end-to-end
/// tests) timed from the device's side: a fix → the live map; a cover left open while driving → the truck's verdict
/// in the API → the case on the bureau's list; then the memory of each process while a fleet runs.
/// </summary>
internal static class EndToEndBenchmark
{
    private const long Boot = 1_000;

    public static async Task<int> RunAsync(int fixes, int violations, TextWriter output)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).DateTime);
        var fleet = FleetGenerator.Create(seed: 7, trucks: 3, householdsPerTruck: 40, toilets: 3, binsPerTruck: 4) with
        {
            Start = new DateTimeOffset(today.ToDateTime(new TimeOnly(6, 20)), TimeSpan.FromHours(8)),
            Duration = TimeSpan.FromHours(1),
        };
        using var county = await CountySystem.StartAsync(fleet, "--Cloud:Cases:ScanInterval", "00:00:01");
        var truck = fleet.Trucks[0].Device;
        var plate = DemoCounty.Plate(truck);
        output.WriteLine($"e2e: cloud, gateway, simulator as processes on loopback; {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}");

        using var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", county.GatewayMqttPort).WithProtocolVersion(MqttProtocolVersion.V311)
            .WithClientId(truck).WithCredentials(truck, county.DevicePasswords[truck]).WithCleanSession(false).Build());
        var seq = 0L;
        var origin = new DateTimeOffset(today.ToDateTime(new TimeOnly(0, 1)), TimeSpan.FromHours(8));

        // 1. A fix → the live map (the page's event stream), one every 100 ms.
        var sent = new Dictionary<long, long>();
        var seen = new Dictionary<long, long>();
        using (var live = new CancellationTokenSource())
        {
            var reader = ReadLiveAsync(county.Bureau, plate, seen, live.Token);
            await Task.Delay(1_000);
            for (var i = 0; i < fixes; i++)
            {
                seq++;
                sent[seq] = Stopwatch.GetTimestamp();

                await PublishAsync(client, truck, "pos", Fix(truck, seq, origin.AddSeconds(seq), 25, seq));
                await Task.Delay(100);
            }

            await Task.Delay(2_000);
            await live.CancelAsync();
            await reader;
        }

        var liveMs = sent.Where(s => seen.ContainsKey(s.Key)).Select(s => Stopwatch.GetElapsedTime(s.Value, seen[s.Key]).TotalMilliseconds).Order().ToList();
        output.WriteLine($"e2e fix → live map          n={liveMs.Count}/{fixes}  p50 {Percentile(liveMs, 0.5):0.0} ms  p95 {Percentile(liveMs, 0.95):0.0} ms  max {liveMs.DefaultIfEmpty(double.NaN).Max():0.0} ms");

        // 2. A cover left open for 40 s of driving: from the PUBACK of the fix that closes it to the verdict and the case.
        var verdictMs = new List<double>();
        var caseMs = new List<double>();
        var date = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        for (var v = 1; v <= violations; v++)
        {
            var t = origin.AddMinutes(30 + (v * 5));
            seq++;
            await PublishAsync(client, truck, "cover", Cover(truck, seq, t, "open"));
            for (var s = 1; s <= 40; s++)
            {
                seq++;
                await PublishAsync(client, truck, "pos", Fix(truck, seq, t.AddSeconds(s), 25, seq));
            }

            seq++;
            await PublishAsync(client, truck, "cover", Cover(truck, seq, t.AddSeconds(41), "closed"));
            var acknowledged = Stopwatch.GetTimestamp();
            while ((await county.GetAsync($"/api/audit/{date}/trucks/{Uri.EscapeDataString(plate)}")).GetProperty("sealedTransport").GetProperty("violations").GetArrayLength() < v)
            {
                await Task.Delay(10);
            }

            verdictMs.Add(Stopwatch.GetElapsedTime(acknowledged).TotalMilliseconds);
            while ((await county.GetAsync("/api/cases?limit=500")).GetProperty("items").EnumerateArray().Count(c => c.GetProperty("kind").GetString() == "sealedTransport") < v)
            {
                await Task.Delay(50);
            }

            caseMs.Add(Stopwatch.GetElapsedTime(acknowledged).TotalMilliseconds);
        }

        verdictMs.Sort();
        caseMs.Sort();
        output.WriteLine($"e2e cover open → verdict    n={verdictMs.Count}  p50 {Percentile(verdictMs, 0.5):0} ms  max {verdictMs.Max():0} ms   (truck audit API, read from the store)");
        output.WriteLine($"e2e cover open → case filed n={caseMs.Count}  p50 {Percentile(caseMs, 0.5):0} ms  max {caseMs.Max():0} ms   (case scan every 1 s; default 1 min)");
        await client.DisconnectAsync();

        // 3. Memory of each process while the demo fleet (18 devices) runs an hour of its day at 60×.
        using var simulator = await county.StartFleetAsync(fleet, 60);
        var peaks = new Dictionary<string, double> { ["cloud"] = 0, ["gateway"] = 0, ["simulator"] = 0 };
        var clock = Stopwatch.StartNew();
        while (!simulator.HasExited && clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            foreach (var (name, process) in new[] { ("cloud", county.Cloud!), ("gateway", county.Gateway!), ("simulator", simulator) })
            {
                try
                {
                    peaks[name] = Math.Max(peaks[name], process.Memory().Resident);
                }
                catch (IOException)
                {
                    // The simulator finished between the check and the read.
                }
            }

            await Task.Delay(500);
        }

        await county.WaitForGatewayBacklogAsync(TimeSpan.FromMinutes(1));
        var cloudMemory = county.Cloud!.Memory();
        var gatewayMemory = county.Gateway!.Memory();
        output.WriteLine($"e2e memory (RSS while the fleet ran, peak)  cloud {peaks["cloud"]:0} MB (VmHWM {cloudMemory.Peak:0})  gateway {peaks["gateway"]:0} MB (VmHWM {gatewayMemory.Peak:0})  simulator of 18 devices {peaks["simulator"]:0} MB");
        return 0;
    }

    private static async Task PublishAsync(IMqttClient client, string device, string kind, string payload)
    {
        var result = await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic($"wiot/v1/dev/{device}/up/{kind}").WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"{kind} not acknowledged: {result.ReasonCode}");
        }
    }

    // The fix's seq is carried in its longitude, so the page's event can be matched to its publish.
    private static string Fix(string device, long seq, DateTimeOffset ts, double speed, long marker) => string.Create(
        CultureInfo.InvariantCulture,
        $$"""{"kind":"pos","schema":1,"device":"{{device}}","boot":{{Boot}},"seq":{{seq}},"ts":"{{ts.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}}","lat":31.2304167,"lon":{{121.4 + (marker * 0.00001):0.0000000}},"speed":{{speed}},"heading":90,"hdop":0.9,"sats":11,"fix":1}""");

    private static string Cover(string device, long seq, DateTimeOffset ts, string state) => string.Create(
        CultureInfo.InvariantCulture,
        $$"""{"kind":"cover","schema":1,"device":"{{device}}","boot":{{Boot}},"seq":{{seq}},"ts":"{{ts.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}}","state":"{{state}}"}""");

    private static async Task ReadLiveAsync(HttpClient client, string plate, Dictionary<long, long> seen, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.GetAsync("/api/live/trucks", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    var now = Stopwatch.GetTimestamp();
                    var position = JsonDocument.Parse(line[6..]).RootElement;
                    if (position.GetProperty("truck").GetString() == plate)
                    {
                        seen.TryAdd((long)Math.Round((position.GetProperty("lon").GetDouble() - 121.4) / 0.00001), now);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Measured enough.
        }
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];
}
