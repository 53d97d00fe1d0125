using System.Globalization;
using WasteIoT.Benchmarks;

// Usage: see Usage() below.
return args switch
{
    ["gateway", .. var rest] => await GatewayBenchmark.RunAsync(
        rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 100,
        rest.Length > 1 ? int.Parse(rest[1], CultureInfo.InvariantCulture) : 2_000,
        rest.Length > 2 ? int.Parse(rest[2], CultureInfo.InvariantCulture) : 8,
        Console.Out),
    ["backlog", .. var rest] => await BacklogBenchmark.RunAsync(
        rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 1_000,
        rest.Length > 1 ? int.Parse(rest[1], CultureInfo.InvariantCulture) : 1_000_000,
        Console.Out),
    ["checks"] => ChecksBenchmark.Run(Console.Out),
    ["roads", .. var rest] => RoadsBenchmark.Run(
        rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 40,
        rest.Length > 1 ? int.Parse(rest[1], CultureInfo.InvariantCulture) : 32,
        rest.Length > 2 ? int.Parse(rest[2], CultureInfo.InvariantCulture) : 100,
        Console.Out),
    ["fuzz", .. var rest] => FuzzBenchmark.Run(rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 1_000_000, Console.Out),
    ["e2e", .. var rest] => await EndToEndBenchmark.RunAsync(
        rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 200,
        rest.Length > 1 ? int.Parse(rest[1], CultureInfo.InvariantCulture) : 10,
        Console.Out),
    ["all"] => await RunAllAsync(),
    ["hot"] => WasteIoT.Benchmarks.HotPaths.HotPathRunner.Run(Console.Out),
    ["audit", .. var rest] => await AuditBenchmark.RunAsync(rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 200, Console.Out),
    ["dashboard", .. var rest] => await DashboardBenchmark.RunAsync(rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 200, Console.Out),
    ["audit-seed", var data, var trucks] => await AuditBenchmark.SeedAsync(data, int.Parse(trucks, CultureInfo.InvariantCulture)),
    ["audit-seed", var data, var trucks, var until] => await AuditBenchmark.SeedAsync(data, int.Parse(trucks, CultureInfo.InvariantCulture), DateTimeOffset.Parse(until, CultureInfo.InvariantCulture)),
    ["city-seed", var connection, var trucks] => await CityBenchmark.SeedAsync(connection, int.Parse(trucks, CultureInfo.InvariantCulture)),
    ["city-instance", var file, .. var rest] => await CityBenchmark.InstanceAsync(file, rest),
    ["city", .. var rest] => await CityBenchmark.RunAsync(
        rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 10,
        rest.Length > 1 ? int.Parse(rest[1], CultureInfo.InvariantCulture) : 200,
        rest.Length > 2 ? int.Parse(rest[2], CultureInfo.InvariantCulture) : 2,
        Console.Out),
    ["live-restart", var data, var at] => await LiveDayBenchmark.RestartAsync(data, DateTimeOffset.Parse(at, CultureInfo.InvariantCulture), Console.Out),
    ["live", .. var rest] => await LiveDayBenchmark.RunAsync(
        rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 200,
        rest.Length > 1 ? int.Parse(rest[1], CultureInfo.InvariantCulture) : 120,
        Console.Out),
    ["audit-restart", var data] => await AuditBenchmark.RestartAsync(data, Console.Out),
    ["ingest", .. var rest] => await IngestBenchmark.RunAsync(
        rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 1_000_000,
        rest.Length > 1 ? int.Parse(rest[1], CultureInfo.InvariantCulture) : 500,
        rest.Length > 2 ? int.Parse(rest[2], CultureInfo.InvariantCulture) : 4,
        Console.Out),
    _ => Usage(),
};

// Every figure docs/performance.md quotes, in one run on this machine (about a quarter of an hour).
static async Task<int> RunAllAsync()
{
    Console.WriteLine($"WasteIoT benchmarks — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
    var failed = 0;
    failed += await GatewayBenchmark.RunAsync(100, 2_000, 8, Console.Out);
    failed += await IngestBenchmark.RunAsync(200_000, 500, 4, Console.Out);
    failed += await AuditBenchmark.RunAsync(200, Console.Out);
    failed += RoadsBenchmark.Run(40, 32, 100, Console.Out);
    failed += await EndToEndBenchmark.RunAsync(200, 10, Console.Out);
    failed += WasteIoT.Benchmarks.HotPaths.HotPathRunner.Run(Console.Out);
    return failed == 0 ? 0 : 1;
}

static int Usage()
{
    Console.Error.WriteLine("""
        usage: WasteIoT.Benchmarks all
               WasteIoT.Benchmarks gateway [devices=100] [readings per device=2000] [in flight per device=8]
               WasteIoT.Benchmarks backlog [devices=1000] [queued=1000000]
               WasteIoT.Benchmarks checks
               WasteIoT.Benchmarks roads [work vehicles=40] [streets per side=32, i.e. 1,984 segments] [muck trucks=100]
               WasteIoT.Benchmarks hot
               WasteIoT.Benchmarks e2e [fixes=200] [violations=10]
               WasteIoT.Benchmarks audit [trucks=200]
               WasteIoT.Benchmarks live [trucks=200] [seconds=120]
               WasteIoT.Benchmarks city [counties=10] [trucks=200] [instances=2]
               WasteIoT.Benchmarks fuzz [inputs=1000000]
               WasteIoT.Benchmarks dashboard [trucks=200]
               WasteIoT.Benchmarks ingest [readings=1000000] [batch=500] [gateways=4]
        """);
    return 2;
}
