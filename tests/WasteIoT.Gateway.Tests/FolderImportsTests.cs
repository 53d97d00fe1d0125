using WasteIoT.Testing;

namespace WasteIoT.Gateway.Tests;

/// <summary>The gateway's rooms import one way: Broker → Ingest → Store → Uplink, Uplink → Downlink; only Hosting sees all.</summary>
public sealed class FolderImportsTests
{
    [Fact]
    public void NoFolderImportsAFolderThatImportsItBack()
    {
        var imports = FolderImports.Read(Path.Combine(RepositoryRoot.Path, "gateway", "WasteIoT.Gateway"), "WasteIoT.Gateway");

        Assert.Empty(FolderImports.Cycles(imports).Select(c => string.Join(" ↔ ", c)));
        Assert.DoesNotContain(imports, i => i.Key is not ("Hosting" or "(root)" or "Provisioning") && i.Value.Contains("Hosting"));
    }

    [Fact]
    public void ACycleIsFound()
    {
        var imports = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal)
        {
            ["Audit"] = new(StringComparer.Ordinal) { "Cases" },
            ["Cases"] = new(StringComparer.Ordinal) { "Registry" },
            ["Registry"] = new(StringComparer.Ordinal) { "Audit" },
            ["Live"] = new(StringComparer.Ordinal) { "Audit" },
        };

        Assert.Equal([["Audit", "Cases", "Registry"]], FolderImports.Cycles(imports));
    }
}
