using System.Globalization;
using WasteIoT.Firmware.Simulator.Fleet;

namespace WasteIoT.Firmware.Simulator.Commands;

/// <summary><c>run FLEET.json [--speed N|max] [--broker HOST:PORT]</c>: runs the fleet against a broker.</summary>
internal static class RunCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        var fleet = FleetFile.Load(args[0]);
        var speed = 60.0;
        for (var i = 1; i < args.Length - 1; i++)
        {
            if (args[i] == "--speed")
            {
                speed = args[i + 1] == "max" ? 0 : double.Parse(args[i + 1], CultureInfo.InvariantCulture);
            }
            else if (args[i] == "--broker")
            {
                var parts = args[i + 1].Split(':');
                fleet = fleet with { Broker = fleet.Broker with { Host = parts[0], Port = int.Parse(parts[1], CultureInfo.InvariantCulture) } };
            }
        }

        using var runner = new FleetRunner(fleet, output);
        await runner.RunAsync(speed, cancellationToken).ConfigureAwait(false);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"done: {runner.Published} published, {runner.Acknowledged} acknowledged, {runner.Pending} still pending"));
        return runner.Pending == 0 ? 0 : 1;
    }
}
