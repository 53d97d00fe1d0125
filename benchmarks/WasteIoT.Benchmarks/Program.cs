using System.Globalization;
using WasteIoT.Benchmarks;

// Usage: WasteIoT.Benchmarks gateway [devices] [readings per device] [in flight per device]
return args switch
{
    ["gateway", .. var rest] => await GatewayBenchmark.RunAsync(
        rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 100,
        rest.Length > 1 ? int.Parse(rest[1], CultureInfo.InvariantCulture) : 2_000,
        rest.Length > 2 ? int.Parse(rest[2], CultureInfo.InvariantCulture) : 8,
        Console.Out),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: WasteIoT.Benchmarks gateway [devices=100] [readings per device=2000] [in flight per device=8]");
    return 2;
}
