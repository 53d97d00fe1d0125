using System.Text.RegularExpressions;
using WasteIoT.Testing;

namespace WasteIoT.Firmware.Core.Tests.DeviceApps;

public sealed class DeviceAppPackageTests
{
    public static TheoryData<string> Apps() => new(AppNames());

    private static string[] AppNames() => [.. Directory.GetDirectories(RepositoryRoot.Combine("firmware", "devices"))
        .Where(d => Directory.GetFiles(d, "*.nfproj").Length > 0)
        .Select(d => Path.GetFileName(d))
        .Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Apps))]
    public void DeviceAppRestoresOnlyRealPackagesWithEveryDependency(string app)
    {
        var problems = DeviceAppCheck.Check(RepositoryRoot.Combine("firmware", "devices", app), NanoPackageManifest.Default);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void DevicesSolutionHoldsEveryAppSoHintPathsResolve()
    {
        var devices = RepositoryRoot.Combine("firmware", "devices");
        var solution = File.ReadAllText(Directory.GetFiles(devices, "*.sln").Single());
        var listed = Regex.Matches(solution, @"""([^""]+\.nfproj)""").Select(m => m.Groups[1].Value.Replace('\\', '/')).ToHashSet();
        foreach (var app in AppNames())
        {
            Assert.Contains($"{app}/{app}.nfproj", listed);
        }

        // NuGet restores packages.config next to the solution; each app, one folder below it, names that folder.
        foreach (var app in AppNames())
        {
            var project = File.ReadAllText(Path.Combine(devices, app, app + ".nfproj"));
            Assert.All(Regex.Matches(project, "<HintPath>([^<]+)</HintPath>"), m => Assert.StartsWith("..\\packages\\", m.Groups[1].Value, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void CheckFindsMissingPackagesDependenciesAndAssemblies()
    {
        using var app = new TempApp(
            """
            <?xml version="1.0" encoding="utf-8"?>
            <packages>
              <package id="nanoFramework.CoreLibrary" version="1.17.11" targetFramework="netnano1.0" />
              <package id="nanoFramework.Iot.Device.Rfid" version="1.2.869" targetFramework="netnano1.0" />
              <package id="nanoFramework.Iot.Device.Sht3x" version="1.2.937" targetFramework="netnano1.0" />
              <package id="nanoFramework.System.Device.I2c" version="1.0.2" targetFramework="netnano1.0" />
            </packages>
            """,
            """
            <Project xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
              <ItemGroup><Compile Include="Program.cs" /></ItemGroup>
              <ItemGroup>
                <Reference Include="mscorlib"><HintPath>..\packages\nanoFramework.CoreLibrary.1.17.11\lib\mscorlib.dll</HintPath></Reference>
                <Reference Include="Iot.Device.Sht3x"><HintPath>..\packages\nanoFramework.Iot.Device.Sht3x.1.2.869\lib\Iot.Device.Sht3x.dll</HintPath></Reference>
              </ItemGroup>
            </Project>
            """,
            """
            using System.Diagnostics;
            using Iot.Device.Mfrc522;
            namespace App { public class Program { static Stopwatch W = Stopwatch.StartNew(); } }
            """);

        var problems = DeviceAppCheck.Check(app.Directory, NanoPackageManifest.Default);

        Assert.Contains(problems, p => p.Contains("nanoFramework.Iot.Device.Rfid does not exist", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("needs nanoFramework.System.Math, which is not listed", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("needs nanoFramework.System.Device.I2c ≥ 1.1.29, listed at 1.0.2", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("nanoFramework.Iot.Device.Sht3x.1.2.869 is not a package and version listed", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("System.Device.I2c.dll is referenced 0 times", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("namespace Iot.Device.Mfrc522", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("without nanoFramework.System.Diagnostics.Stopwatch", StringComparison.Ordinal));
    }

    private sealed class TempApp : IDisposable
    {
        public TempApp(string packagesConfig, string project, string program)
        {
            Directory = Path.Combine(Path.GetTempPath(), "wasteiot-app-" + Guid.NewGuid().ToString("N"));
            System.IO.Directory.CreateDirectory(Directory);
            File.WriteAllText(Path.Combine(Directory, "packages.config"), packagesConfig);
            File.WriteAllText(Path.Combine(Directory, "App.nfproj"), project);
            File.WriteAllText(Path.Combine(Directory, "Program.cs"), program);
        }

        public string Directory { get; }

        public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
    }
}
