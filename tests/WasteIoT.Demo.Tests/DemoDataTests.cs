namespace WasteIoT.Demo.Tests;

/// <summary>The demo reuses one data folder, clean each run, and never empties a folder it did not make.</summary>
public sealed class DemoDataTests
{
    [Fact]
    public void EachRunStartsFromAnEmptiedFolderOfItsOwn()
    {
        var root = Directory.CreateTempSubdirectory("wiot-demo-data-").FullName;
        var first = DemoData.Prepare(root);
        File.WriteAllText(Path.Combine(first, "demo.log"), "last run");
        Directory.CreateDirectory(Path.Combine(first, "cloud"));

        var second = DemoData.Prepare(root);

        Assert.Equal(first, second);
        Assert.Equal([".wasteiot-demo"], Directory.EnumerateFileSystemEntries(second).Select(Path.GetFileName));
    }

    [Fact]
    public void FoldersOfEarlierDemosAreCleanedToo()
    {
        var root = Directory.CreateTempSubdirectory("wiot-demo-data-").FullName;
        Directory.CreateDirectory(Path.Combine(root, "20261127-101500", "cloud"));
        Directory.CreateDirectory(Path.Combine(root, "20261128-093000"));

        DemoData.Prepare(root);

        Assert.Equal([".wasteiot-demo"], Directory.EnumerateFileSystemEntries(root).Select(Path.GetFileName));
    }

    [Fact]
    public void AFolderWithSomeoneElsesFilesIsLeftAlone()
    {
        var root = Directory.CreateTempSubdirectory("wiot-demo-data-").FullName;
        File.WriteAllText(Path.Combine(root, "thesis.docx"), "mine");

        var refused = Assert.Throws<InvalidOperationException>(() => DemoData.Prepare(root));

        Assert.Contains("not the demo's", refused.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(root, "thesis.docx")));
    }

    [Fact]
    public void LogCountsWarningsAndKeepsThemOutOfTheConsole()
    {
        var root = DemoData.Prepare(Directory.CreateTempSubdirectory("wiot-demo-log-").FullName);
        using (var log = new DemoLog(Path.Combine(root, "demo.log")))
        {
            var logger = log.CreateLogger("WasteIoT.Gateway.Ingest");
            logger.Log(Microsoft.Extensions.Logging.LogLevel.Information, default, "started", null, (m, _) => m);
            logger.Log(Microsoft.Extensions.Logging.LogLevel.Warning, default, "storeFailed", null, (m, _) => m);
            logger.Log(Microsoft.Extensions.Logging.LogLevel.Debug, default, "noise", null, (m, _) => m);
            Assert.Equal(1, log.Warnings);
        }

        var lines = File.ReadAllLines(Path.Combine(root, "demo.log"));
        Assert.Equal(2, lines.Length);
        Assert.Contains("Warning WasteIoT.Gateway.Ingest: storeFailed", lines[1], StringComparison.Ordinal);
    }
}
