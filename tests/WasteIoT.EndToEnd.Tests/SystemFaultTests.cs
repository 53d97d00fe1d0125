using System.Globalization;
using System.Text.Json;
using WasteIoT.Demo;
using WasteIoT.Firmware.Simulator.Fleet;
using WasteIoT.Testing;

namespace WasteIoT.EndToEnd.Tests;

/// <summary>
/// The field's faults against the real processes: a gateway losing power again and again under load, the cloud down
/// for a while, the gateway's disk full. Whatever a device saw acknowledged must reach the cloud, once.
/// </summary>
public sealed class SystemFaultTests
{
    [Fact]
    public async Task AcknowledgedReadingsReachTheCloudExactlyOnceThroughRepeatedGatewayKills()
    {
        var fleet = Bins(8);
        using var county = await CountySystem.StartAsync(fleet);
        var start = DateTimeOffset.UtcNow.AddDays(-7);
        var devices = fleet.Bins.Select(b => new LoadDevice(b.Device, county.DevicePasswords[b.Device], county.GatewayMqttPort, (d, s) => LoadDevice.Fill(start, d, s))).ToList();
        using var stop = new CancellationTokenSource();
        var running = devices.Select(d => Task.Run(() => d.RunAsync(stop.Token))).ToList();

        for (var kill = 0; kill < 3; kill++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(1_500 + Random.Shared.Next(500)));
            county.Gateway!.Kill();
            county.Gateway.Dispose();
            county.StartGateway();
        }

        await Task.Delay(1_500);
        await stop.CancelAsync();
        await Task.WhenAll(running);
        await county.WaitForGatewayBacklogAsync(TimeSpan.FromMinutes(1));

        var total = 0;
        foreach (var device in devices)
        {
            AssertEveryAcknowledgedStoredOnce(device, await StoredSeqsAsync(county, device.Device, start, start.AddMinutes(device.NextSeq + 1)));
            total += device.Acknowledged.Count;
        }

        Assert.True(total > 1_000, $"only {total} readings acknowledged across three gateway kills");
        Assert.True(devices.Sum(d => d.Refusals) >= 3, "the kills were not felt by the devices");
    }

    [Fact]
    public async Task CloudOutageDrainsTheBacklogInOrderWithNothingLost()
    {
        var fleet = Trucks(3);
        using var county = await CountySystem.StartAsync(fleet);
        var start = DateTimeOffset.UtcNow.AddHours(-12);
        var devices = fleet.Trucks.Select(t => new LoadDevice(t.Device, county.DevicePasswords[t.Device], county.GatewayMqttPort, (d, s) => LoadDevice.Position(start, d, s))
        {
            Interval = TimeSpan.FromMilliseconds(40),
        }).ToList();
        using var stop = new CancellationTokenSource();
        var running = devices.Select(d => Task.Run(() => d.RunAsync(stop.Token))).ToList();
        await Task.Delay(2_000);

        // The cloud loses power; the trucks keep driving and the gateway keeps acknowledging into its store.
        county.Cloud!.Kill();
        county.Backhaul.Cut();
        await Task.Delay(5_000);
        using var gatewayHttp = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{county.GatewayHttpPort}") };
        var backlog = CountySystem.Gauge(await gatewayHttp.GetStringAsync("/metrics"), "wasteiot_gateway_backlog_rows");
        Assert.True(backlog > 100, $"backlog during the outage: {backlog}");

        // The cloud is back; a live map is open before the gateway can reach it, so it sees the backlog arrive.
        await county.StartCloudAsync();
        using var live = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var seen = ReadLiveAsync(county.Bureau, live.Token);
        await Task.Delay(1_000);
        county.Backhaul.Restore();
        await Task.Delay(2_000);
        await stop.CancelAsync();
        await Task.WhenAll(running);
        await county.WaitForGatewayBacklogAsync(TimeSpan.FromMinutes(1));
        await Task.Delay(1_000);
        await live.CancelAsync();
        var positions = await seen;

        foreach (var device in devices)
        {
            var stored = await StoredSeqsAsync(county, device.Device, start, start.AddSeconds(device.NextSeq + 1));
            AssertEveryAcknowledgedStoredOnce(device, stored);

            // In order: the live map drops a fix older than the one it has, so every fix stored after the first one the
            // page saw must have been seen, each later than the last.
            var plate = DemoCounty.Plate(device.Device);
            var mine = positions.Where(p => p.Truck == plate).Select(p => p.Seq).ToList();
            Assert.True(mine.Count > 50, $"{plate}: the live map saw {mine.Count} positions");
            Assert.Equal(mine.Order(), mine);
            Assert.Equal(stored.Where(s => s >= mine[0]).Order(), mine);
        }
    }

    [Fact]
    public async Task FullGatewayDiskRefusesPositionsKeepsBusinessEventsAndLosesNothing()
    {
        var fleet = Trucks(2);
        using var county = await CountySystem.StartAsync(fleet, [], ["--Gateway:Store:QuotaBytes", "1048576"]);
        var start = DateTimeOffset.UtcNow.AddHours(-12);
        var positions = new LoadDevice("truck-01", county.DevicePasswords["truck-01"], county.GatewayMqttPort, (d, s) => LoadDevice.Position(start, d, s));
        var covers = new LoadDevice("truck-02", county.DevicePasswords["truck-02"], county.GatewayMqttPort, (d, s) => LoadDevice.Cover(start, d, s))
        {
            Interval = TimeSpan.FromMilliseconds(100),
        };
        using var gatewayHttp = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{county.GatewayHttpPort}") };

        // No backhaul: everything stays on the gateway until its 1 MiB quota is reached.
        county.Backhaul.Cut();
        using var stop = new CancellationTokenSource();
        var running = new[] { Task.Run(() => positions.RunAsync(stop.Token)), Task.Run(() => covers.RunAsync(stop.Token)) };
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (!(QuotaRefusals(await gatewayHttp.GetStringAsync("/metrics")) > 0) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        // Full: positions are refused (no PUBACK, so the truck keeps them), cover changes are still taken.
        Assert.True(QuotaRefusals(await gatewayHttp.GetStringAsync("/metrics")) > 0, "the quota was never reached");
        var positionsAtFull = positions.Acknowledged.Count;
        var coversAtFull = covers.Acknowledged.Count;
        await Task.Delay(2_000);
        Assert.InRange(positions.Acknowledged.Count - positionsAtFull, 0, 5);
        Assert.True(covers.Acknowledged.Count - coversAtFull >= 5, $"{covers.Acknowledged.Count - coversAtFull} cover changes taken while full");

        // The backhaul returns: the backlog drains, delivered rows make room, the refused positions go through.
        county.Backhaul.Restore();
        var resumed = DateTime.UtcNow.AddMinutes(1);
        while (positions.Acknowledged.Count < positionsAtFull + 500 && DateTime.UtcNow < resumed)
        {
            await Task.Delay(200);
        }

        await stop.CancelAsync();
        await Task.WhenAll(running);
        await county.WaitForGatewayBacklogAsync(TimeSpan.FromMinutes(1));
        Assert.True(positions.Acknowledged.Count >= positionsAtFull + 500, "positions were not taken again after the backlog drained");

        // Nothing silently dropped: every acknowledged message is in the cloud (none were thinned: none were 10 minutes old).
        Assert.Equal(0, CountySystem.Gauge(await gatewayHttp.GetStringAsync("/metrics"), "wasteiot_gateway_thinned_total"));
        foreach (var device in new[] { positions, covers })
        {
            AssertEveryAcknowledgedStoredOnce(device, await StoredSeqsAsync(county, device.Device, start, start.AddSeconds(device.NextSeq + 1)));
        }
    }

    /// <summary>
    /// Exactly once: every reading the device saw acknowledged is in the cloud, none twice, none it never sent. (The last
    /// one sent may be stored without its PUBACK having arrived when the test stopped — the firmware would send it again.)
    /// </summary>
    private static void AssertEveryAcknowledgedStoredOnce(LoadDevice device, List<long> stored)
    {
        Assert.True(stored.Count == stored.Distinct().Count(), $"{device.Device}: a reading is in the cloud twice");
        var missing = device.Acknowledged.Except(stored).ToList();
        Assert.True(missing.Count == 0, $"{device.Device}: {missing.Count} of {device.Acknowledged.Count} acknowledged readings never reached the cloud, e.g. {string.Join(", ", missing.Take(5))}");
        Assert.All(stored, s => Assert.True(s <= device.NextSeq, $"{device.Device}: seq {s} was never sent"));
    }

    private static double QuotaRefusals(string metrics) => CountySystem.Gauge(metrics, "wasteiot_gateway_rejects_total{reason=\"diskQuota\"}");

    private static FleetDefinition Bins(int count) => new()
    {
        Bins = [.. Enumerable.Range(1, count).Select(i => new BinDefinition { Device = $"bin-{i:00}", Lat = 31.23 + (i * 0.001), Lon = 121.47 })],
    };

    private static FleetDefinition Trucks(int count) => new()
    {
        Trucks = [.. Enumerable.Range(1, count).Select(i => new TruckDefinition
        {
            Device = $"truck-{i:00}",
            Households = [new HouseholdStop($"hh-{i:00}-001", $"E2801160600000{i:00}00000001", 31.23, 121.47 + (i * 0.001))],
        })],
    };

    /// <summary>Every stored sequence number of a device in a time range, through the paged readings API.</summary>
    private static async Task<List<long>> StoredSeqsAsync(CountySystem county, string device, DateTimeOffset from, DateTimeOffset to)
    {
        var seqs = new List<long>();
        int? offset = 0;
        while (offset is { } next)
        {
            var page = await county.GetAsync(FormattableString.Invariant($"/api/devices/{device}/readings?from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}&offset={next}&limit=5000"));
            seqs.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("seq").GetInt64()));
            offset = page.GetProperty("next").ValueKind == JsonValueKind.Number ? page.GetProperty("next").GetInt32() : null;
        }

        return seqs;
    }

    /// <summary>The live map's stream: each position event as (truck, the fix's seq recovered from its longitude).</summary>
    private static async Task<List<(string Truck, long Seq)>> ReadLiveAsync(HttpClient client, CancellationToken cancellationToken)
    {
        var positions = new List<(string, long)>();
        try
        {
            using var response = await client.GetAsync("/api/live/trucks", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    var position = JsonDocument.Parse(line[6..]).RootElement;
                    var seq = (long)Math.Round((position.GetProperty("lon").GetDouble() - 121.4737) / 0.0001);
                    positions.Add((position.GetProperty("truck").GetString()!, seq));
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The test has seen enough.
        }

        return positions;
    }
}
