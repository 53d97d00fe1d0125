using WasteIoT.Demo;
using WasteIoT.Firmware.Simulator.Fleet;

// Until the one-command demo lands: `county FLEET.json OUTDIR` writes the registry CSVs a fleet needs, to import
// with POST /api/registry/{kind}.csv in the order of the file names.
if (args is not ["county", var fleetPath, var outDir])
{
    Console.Error.WriteLine("usage: WasteIoT.Demo county FLEET.json OUTDIR");
    return 2;
}

Directory.CreateDirectory(outDir);
var files = DemoCounty.Files(FleetFile.Load(fleetPath));
for (var i = 0; i < files.Count; i++)
{
    var path = Path.Combine(outDir, $"{i + 1}-{files[i].Kind}.csv");
    File.WriteAllText(path, files[i].Csv);
    Console.WriteLine(path);
}

return 0;
