using System.Globalization;
using WasteIoT.Demo;
using WasteIoT.Firmware.Simulator.Fleet;

switch (args)
{
    case ["county", var fleetPath, var outDir]:
        // The registry CSVs a fleet needs, to import with POST /api/registry/{kind}.csv in the order of the file names.
        Directory.CreateDirectory(outDir);
        var files = DemoCounty.Files(FleetFile.Load(fleetPath));
        for (var i = 0; i < files.Count; i++)
        {
            var path = Path.Combine(outDir, $"{i + 1}-{files[i].Kind}.csv");
            File.WriteAllText(path, files[i].Csv);
            Console.WriteLine(path);
        }

        return 0;
    case [] or ["run", ..]:
        var speed = 300.0;
        var port = 5080;
        var data = Path.Combine(".data", "demo");
        for (var i = 1; i < args.Length - 1; i++)
        {
            if (args[i] == "--speed")
            {
                speed = args[i + 1] == "max" ? 0 : double.Parse(args[i + 1], CultureInfo.InvariantCulture);
            }
            else if (args[i] == "--port")
            {
                port = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            }
            else if (args[i] == "--data")
            {
                data = args[i + 1];
            }
        }

        using (var stop = new CancellationTokenSource())
        {
            // Ctrl+C (SIGINT) or a service manager's SIGTERM: stop the fleet, the gateway and the cloud in order.
            void Stop(System.Runtime.InteropServices.PosixSignalContext context)
            {
                context.Cancel = true;
                stop.Cancel();
            }

            using var interrupt = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, Stop);
            using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, Stop);
            return await DemoRun.RunAsync(speed, port, data, Console.Out, stop.Token);
        }

    default:
        Console.Error.WriteLine("usage: WasteIoT.Demo [run [--speed N|max] [--port P] [--data DIR]] | county FLEET.json OUTDIR");
        return 2;
}
