namespace WasteIoT.Demo;

/// <summary>
/// The demo's data folder, reused run after run: each run starts it clean, because a new run's devices boot again
/// with the same numbers and would be taken for duplicates of the last run's day. A folder the demo did not make is
/// never emptied.
/// </summary>
public static class DemoData
{
    private const string Marker = ".wasteiot-demo";

    /// <summary>Empties (or creates) the folder for a new run and returns its full path.</summary>
    /// <exception cref="InvalidOperationException">The folder holds files the demo did not write.</exception>
    public static string Prepare(string directory)
    {
        var root = Path.GetFullPath(directory);
        if (Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any())
        {
            if (!File.Exists(Path.Combine(root, Marker)) && !OnlyEarlierRuns(root))
            {
                throw new InvalidOperationException($"{root} holds files that are not the demo's; give --data an empty or new folder");
            }

            foreach (var entry in Directory.EnumerateFileSystemEntries(root))
            {
                if (Directory.Exists(entry))
                {
                    Directory.Delete(entry, recursive: true);
                }
                else
                {
                    File.Delete(entry);
                }
            }
        }

        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, Marker), "Made by WasteIoT's demo; emptied at its next run.\n");
        return root;
    }

    // Demos before the marker kept one folder per run, named by its start (yyyyMMdd-HHmmss).
    private static bool OnlyEarlierRuns(string root) =>
        Directory.EnumerateFileSystemEntries(root).All(e => Directory.Exists(e) && System.Text.RegularExpressions.Regex.IsMatch(Path.GetFileName(e), @"^\d{8}-\d{6}$"));
}
