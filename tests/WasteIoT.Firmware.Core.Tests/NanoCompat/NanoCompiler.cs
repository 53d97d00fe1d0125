using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace WasteIoT.Firmware.Core.Tests.NanoCompat;

/// <summary>
/// Compiles C# the way WasteIoT.Firmware.Core.Nano.csproj does: C# 9, only nanoFramework's mscorlib.dll
/// referenced, NANOFRAMEWORK_1_0 defined.
/// </summary>
internal static class NanoCompiler
{
    public static string MscorlibPath { get; } = Metadata("NanoMscorlib");

    public static string CoreAssemblyPath { get; } = Metadata("NanoCoreAssembly");

    public static (bool Success, IReadOnlyList<string> Errors, MemoryStream Image) Compile(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(
            source,
            new CSharpParseOptions(LanguageVersion.CSharp9, preprocessorSymbols: ["NANOFRAMEWORK_1_0"]));
        var compilation = CSharpCompilation.Create(
            "NanoSnippet",
            [tree],
            [MetadataReference.CreateFromFile(MscorlibPath)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
        var image = new MemoryStream();
        var result = compilation.Emit(image);
        image.Position = 0;
        var errors = result.Diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => d.ToString())
            .ToList();
        return (result.Success, errors, image);
    }

    private static string Metadata(string key) =>
        typeof(NanoCompiler).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"assembly metadata '{key}' is missing");
}
