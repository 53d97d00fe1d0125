using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using WasteIoT.Firmware.Core.Tests.NanoCompat;

namespace WasteIoT.Firmware.Core.Tests.DeviceApps;

/// <summary>
/// What a nanoFramework device app (<c>packages.config</c> + <c>.nfproj</c>) needs to restore, build and deploy,
/// checked against the package manifest: real ids, every dependency listed at no less than its minimum, each
/// HintPath naming an assembly its listed package ships, every shipped assembly referenced once, and every
/// namespace or nanoFramework-only type the app's sources use provided by mscorlib or a listed package.
/// </summary>
internal static partial class DeviceAppCheck
{
    private static readonly XNamespace MsBuild = "http://schemas.microsoft.com/developer/msbuild/2003";

    // Namespaces the bindings and class libraries put their types in, and the packages that provide them.
    private static readonly (string Namespace, string[] Packages)[] NamespacePackages =
    [
        ("System.Device.Gpio", ["nanoFramework.System.Device.Gpio"]),
        ("System.Device.I2c", ["nanoFramework.System.Device.I2c"]),
        ("System.Device.Spi", ["nanoFramework.System.Device.Spi"]),
        ("System.Device.Adc", ["nanoFramework.System.Device.Adc"]),
        ("System.Device.Wifi", ["nanoFramework.System.Device.Wifi"]),
        ("System.Device.Model", ["nanoFramework.System.Device.Model"]),
        ("System.Buffers.Binary", ["nanoFramework.System.Buffers.Binary.BinaryPrimitives"]),
        ("System.IO.Ports", ["nanoFramework.System.IO.Ports"]),
        ("System.Text", ["nanoFramework.System.Text"]),
        ("System.Net", ["nanoFramework.System.Net"]),
        ("nanoFramework.Hardware.Esp32", ["nanoFramework.Hardware.Esp32"]),
        ("nanoFramework.Runtime.Native", ["nanoFramework.Runtime.Native"]),
        ("nanoFramework.Runtime.Events", ["nanoFramework.Runtime.Events"]),
        ("nanoFramework.M2Mqtt", ["nanoFramework.M2Mqtt", "nanoFramework.M2Mqtt.Core"]),
        ("nanoFramework.Networking", ["nanoFramework.System.Device.Wifi", "nanoFramework.System.Net"]),
        ("Iot.Device.Rfid", ["nanoFramework.Iot.Device.Card"]),
        ("Iot.Device.Card", ["nanoFramework.Iot.Device.Card"]),
        ("IoT.Device.AtModem", ["nanoFramework.Iot.Device.AtModem"]),
    ];

    // nanoFramework types outside mscorlib that live in a namespace mscorlib also has, so only the type name shows them.
    private static readonly (string Pattern, string Package)[] TypePackages =
    [
        (@"\bStopwatch\b", "nanoFramework.System.Diagnostics.Stopwatch"),
        (@"\b(FileStream|File\.|Directory\.)", "nanoFramework.System.IO.FileSystem"),
        (@"\bCancellationTokenSource\b", "nanoFramework.System.Threading"),
        (@"\b(Hashtable|Queue|Stack)\b", "nanoFramework.System.Collections"),
        (@"\bWifiNetworkHelper\b", "nanoFramework.System.Device.Wifi"),
    ];

    private static readonly Lazy<HashSet<string>> MscorlibNamespaces = new(ReadMscorlibNamespaces);

    public static IReadOnlyList<string> Check(string appDirectory, NanoPackageManifest manifest)
    {
        var problems = new List<string>();
        var pinned = ReadPackagesConfig(Path.Combine(appDirectory, "packages.config"), problems);
        var project = XDocument.Load(Directory.GetFiles(appDirectory, "*.nfproj").Single());
        CheckPackages(pinned, manifest, problems);
        CheckHintPaths(project, pinned, manifest, problems);
        CheckSources(appDirectory, project, pinned, problems);
        return problems;
    }

    private static Dictionary<string, string> ReadPackagesConfig(string path, List<string> problems)
    {
        var pinned = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var package in XDocument.Load(path).Root!.Elements("package"))
        {
            if ((string?)package.Attribute("developmentDependency") == "true")
            {
                continue;
            }

            var id = (string)package.Attribute("id")!;
            if (!pinned.TryAdd(id, (string)package.Attribute("version")!))
            {
                problems.Add($"{id} is listed twice");
            }
        }

        return pinned;
    }

    private static void CheckPackages(Dictionary<string, string> pinned, NanoPackageManifest manifest, List<string> problems)
    {
        foreach (var (id, version) in pinned)
        {
            if (!manifest.TryGet(id, out var row))
            {
                problems.Add($"package {id} does not exist");
                continue;
            }

            // The manifest's minimums are the newest release's; they bind only a package pinned at or above what others pin.
            var strict = row.VersionsSeen.Length == 0 || row.VersionsSeen.All(seen => NuGetVersion.Compare(version, seen) >= 0);
            foreach (var dependency in row.Dependencies)
            {
                if (dependency.Id.Equals("Nerdbank.GitVersioning", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (!pinned.TryGetValue(dependency.Id, out var dependencyVersion))
                {
                    problems.Add($"{id} needs {dependency.Id}, which is not listed");
                }
                else if (strict && dependency.MinVersion is { } min && min != "$version$" && NuGetVersion.Compare(dependencyVersion, min) < 0)
                {
                    problems.Add($"{id} {version} needs {dependency.Id} ≥ {min}, listed at {dependencyVersion}");
                }
            }
        }
    }

    private static void CheckHintPaths(XDocument project, Dictionary<string, string> pinned, NanoPackageManifest manifest, List<string> problems)
    {
        var referenced = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var hint in project.Descendants(MsBuild + "HintPath").Select(h => h.Value.Replace('\\', '/')))
        {
            var match = HintPathPattern().Match(hint);
            if (!match.Success)
            {
                problems.Add($"HintPath {hint} is not ../packages/<id>.<version>/lib/[<tfm>/]<file>");
                continue;
            }

            var directory = match.Groups["dir"].Value;
            var file = match.Groups["file"].Value;
            var package = pinned.FirstOrDefault(p => string.Equals($"{p.Key}.{p.Value}", directory, StringComparison.OrdinalIgnoreCase));
            if (package.Key is null)
            {
                problems.Add($"HintPath {hint}: {directory} is not a package and version listed in packages.config");
            }
            else if (!manifest.TryGet(package.Key, out var row) || !row.Assemblies.Contains(file, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add($"HintPath {hint}: {package.Key} does not ship {file}");
            }

            referenced[file] = referenced.GetValueOrDefault(file) + 1;
        }

        // A packages.config app deploys only what it references: every assembly of every listed package, once.
        var shipped = pinned.Keys
            .SelectMany(id => manifest.TryGet(id, out var row) ? row.Assemblies : [])
            .Where(a => a.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase);
        foreach (var assembly in shipped)
        {
            var count = referenced.GetValueOrDefault(assembly);
            if (count != 1)
            {
                problems.Add($"{assembly} is referenced {count} times (once expected)");
            }
        }
    }

    private static void CheckSources(string appDirectory, XDocument project, Dictionary<string, string> pinned, List<string> problems)
    {
        var files = project.Descendants(MsBuild + "Compile")
            .SelectMany(c => Expand(appDirectory, (string)c.Attribute("Include")!, (string?)c.Attribute("Exclude")))
            .Distinct()
            .ToList();
        if (files.Count == 0)
        {
            problems.Add("the project compiles no source files");
        }

        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                problems.Add($"{Path.GetFileName(file)} is compiled but does not exist");
                continue;
            }

            var source = File.ReadAllText(file);
            foreach (Match usingDirective in UsingPattern().Matches(source))
            {
                var ns = usingDirective.Groups[1].Value;
                if (!IsProvided(ns, pinned))
                {
                    problems.Add($"{Path.GetFileName(file)} uses namespace {ns}, which no listed package provides");
                }
            }

            var code = CommentPattern().Replace(source, "");
            foreach (var (pattern, package) in TypePackages)
            {
                if (Regex.IsMatch(code, pattern) && !pinned.ContainsKey(package))
                {
                    problems.Add($"{Path.GetFileName(file)} uses {pattern.Trim('\\', 'b')} without {package}");
                }
            }
        }
    }

    private static bool IsProvided(string ns, Dictionary<string, string> pinned)
    {
        if (ns.StartsWith("WasteIoT.", StringComparison.Ordinal) || MscorlibNamespaces.Value.Contains(ns))
        {
            return true;
        }

        if (ns == "UnitsNet")
        {
            return pinned.Keys.Any(id => id.StartsWith("UnitsNet.nanoFramework.", StringComparison.OrdinalIgnoreCase));
        }

        foreach (var (prefix, packages) in NamespacePackages)
        {
            if (ns == prefix || ns.StartsWith(prefix + ".", StringComparison.Ordinal))
            {
                return packages.Any(pinned.ContainsKey);
            }
        }

        // A binding's namespace is its package name: Iot.Device.Sht3x ← nanoFramework.Iot.Device.Sht3x.
        return ns.StartsWith("Iot.Device.", StringComparison.Ordinal) && pinned.ContainsKey("nanoFramework." + ns);
    }

    private static IEnumerable<string> Expand(string appDirectory, string include, string? exclude)
    {
        var excluded = (exclude ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(e => Path.GetFullPath(Path.Combine(appDirectory, e.Replace('\\', '/').Replace("**", "", StringComparison.Ordinal))))
            .ToList();
        var path = include.Replace('\\', '/');
        var star = path.IndexOf('*', StringComparison.Ordinal);
        if (star < 0)
        {
            yield return Path.GetFullPath(Path.Combine(appDirectory, path));
            yield break;
        }

        var root = Path.GetFullPath(Path.Combine(appDirectory, path[..star]));
        var option = path.Contains("**", StringComparison.Ordinal) ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly;
        if (!Directory.Exists(root))
        {
            yield break;
        }

        foreach (var file in Directory.GetFiles(root, "*.cs", option).Order(StringComparer.Ordinal))
        {
            if (!excluded.Any(e => file.StartsWith(e, StringComparison.Ordinal)))
            {
                yield return file;
            }
        }
    }

    private static HashSet<string> ReadMscorlibNamespaces()
    {
        using var stream = File.OpenRead(NanoCompiler.MscorlibPath);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        return [.. md.TypeDefinitions.Select(h => md.GetString(md.GetTypeDefinition(h).Namespace)).Where(n => n.Length > 0)];
    }

    [GeneratedRegex(@"^\.\./packages/(?<dir>[^/]+)/lib/(?:[^/]+/)?(?<file>[^/]+)$")]
    private static partial Regex HintPathPattern();

    [GeneratedRegex(@"^\s*using\s+([A-Za-z_][A-Za-z0-9_.]*)\s*;", RegexOptions.Multiline)]
    private static partial Regex UsingPattern();

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex CommentPattern();
}
