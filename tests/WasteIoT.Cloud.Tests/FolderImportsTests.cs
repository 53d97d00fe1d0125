using WasteIoT.Testing;

namespace WasteIoT.Cloud.Tests;

/// <summary>
/// The cloud's rooms import one way: readings and the registry below the checks, the audit on them, cases on the
/// audit, the scorecard on both; only Hosting (the composition) sees every room.
/// </summary>
public sealed class FolderImportsTests
{
    [Fact]
    public void NoFolderImportsAFolderThatImportsItBack()
    {
        var imports = FolderImports.Read(Path.Combine(RepositoryRoot.Path, "cloud", "WasteIoT.Cloud"), "WasteIoT.Cloud");

        Assert.Empty(FolderImports.Cycles(imports).Select(c => string.Join(" ↔ ", c)));
        Assert.DoesNotContain(imports, i => i.Key is not ("Hosting" or "(root)") && i.Value.Contains("Hosting"));
        Assert.DoesNotContain("Cases", imports["Audit"]);
        Assert.DoesNotContain("Audit", imports.GetValueOrDefault("Checks") ?? []);
    }
}
