using WasteIoT.Testing;

namespace WasteIoT.Firmware.Drivers.Tests;

/// <summary>
/// The drivers are linked into the nanoFramework apps by source. Their nanoFramework dependencies are not
/// on this package source, so they cannot be compiled against them here; what can be checked is that the
/// drivers' own code uses no generics or multi-dimensional arrays.
/// </summary>
public sealed class NanoShapeTests
{
    [Fact]
    public void DriversUseNoGenericsOrMultiDimensionalArrays()
    {
        var problems = NanoMetadataChecker.Check(typeof(Hex).Assembly.Location, "*");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}
