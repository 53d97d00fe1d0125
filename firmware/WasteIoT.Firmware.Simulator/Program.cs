using System.Text.Json;
using WasteIoT.Firmware.Simulator.Commands;
using WasteIoT.Firmware.Simulator.Fleet;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

try
{
    return args switch
    {
        ["nmea", var path] => NmeaCommand.Run(path, Console.Out),
        ["run", .. var rest] when rest.Length >= 1 => await RunCommand.RunAsync(rest, Console.Out, cancel.Token),
        ["example-fleet"] => PrintExample(),
        _ => Usage(),
    };
}
catch (Exception ex) when (ex is IOException or InvalidDataException or JsonException or FormatException)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return 2;
}

static int PrintExample()
{
    Console.WriteLine(JsonSerializer.Serialize(FleetGenerator.Create(seed: 7, trucks: 2, householdsPerTruck: 20, toilets: 2, binsPerTruck: 3), FleetFile.Options));
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("""
        usage:
          WasteIoT.Firmware.Simulator run FLEET.json [--speed N|max] [--broker HOST:PORT]
          WasteIoT.Firmware.Simulator nmea RECEIVER.log
          WasteIoT.Firmware.Simulator example-fleet
        """);
    return 2;
}
