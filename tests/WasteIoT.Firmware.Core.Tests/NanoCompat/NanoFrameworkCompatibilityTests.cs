using WasteIoT.Testing;

namespace WasteIoT.Firmware.Core.Tests.NanoCompat;

/// <summary>
/// The firmware core must run on nanoFramework's v1 runtime. The build compiles it against the real
/// mscorlib (missing APIs fail there); these tests check what the compiler lets through.
/// </summary>
public sealed class NanoFrameworkCompatibilityTests
{
    [Fact]
    public void NanoBuiltCoreReferencesOnlyMscorlib()
    {
        Assert.True(File.Exists(NanoCompiler.CoreAssemblyPath), $"{NanoCompiler.CoreAssemblyPath} was not built");
        Assert.DoesNotContain(NanoMetadataChecker.Check(NanoCompiler.CoreAssemblyPath), p => p.StartsWith("references", StringComparison.Ordinal));
    }

    [Fact]
    public void NanoBuiltCoreHasNoGenericsOrMultiDimensionalArrays()
    {
        var problems = NanoMetadataChecker.Check(NanoCompiler.CoreAssemblyPath);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void PlainNanoCodePassesTheCheck()
    {
        var (success, errors, image) = NanoCompiler.Compile("""
            namespace Snippet
            {
                public class Ring
                {
                    private readonly byte[] _slots = new byte[16];
                    private readonly System.Collections.ArrayList _events = new System.Collections.ArrayList();
                    public int Count;
                    public bool TryAdd(byte value, out int index)
                    {
                        index = Count % _slots.Length;
                        _slots[index] = value;
                        _events.Add(value);
                        Count++;
                        return true;
                    }
                }
            }
            """);
        Assert.True(success, string.Join(Environment.NewLine, errors));
        Assert.Empty(NanoMetadataChecker.Check(image));
    }

    [Fact]
    public void GenericTypeDefinitionIsRejected()
    {
        var problems = CompileAndCheck("""
            namespace Snippet
            {
                public class Box<T>
                {
                    public T Value;
                }
            }
            """);
        Assert.Contains(problems, p => p.Contains("generic type definition Snippet.Box`1", StringComparison.Ordinal));
    }

    [Fact]
    public void GenericMethodAndItsCallAreRejected()
    {
        var problems = CompileAndCheck("""
            namespace Snippet
            {
                public class Util
                {
                    public static T First<T>(T[] items) { return items[0]; }
                    public static int Use() { return First(new int[] { 1 }); }
                }
            }
            """);
        Assert.Contains(problems, p => p.Contains("generic method definition Snippet.Util.First", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("generic method instantiation First", StringComparison.Ordinal));
    }

    [Fact]
    public void GenericDelegateFromMscorlibIsRejected()
    {
        // mscorlib 1.17 declares Action<T>, so Roslyn compiles this; the v1 runtime cannot instantiate it.
        var problems = CompileAndCheck("""
            namespace Snippet
            {
                public class Handler
                {
                    public System.Action<int> Callback;
                }
            }
            """);
        Assert.Contains(problems, p => p.Contains("generic instantiation System.Action`1<Int32>", StringComparison.Ordinal));
    }

    [Fact]
    public void CheckedArithmeticAndConversionAreRejected()
    {
        var problems = CompileAndCheck("""
            namespace Snippet
            {
                public class Counter
                {
                    public static int Add(int a, int b)
                    {
                        return checked(a + b);
                    }

                    public static byte Narrow(long value)
                    {
                        return checked((byte)value);
                    }

                    public static int Wraps(int a, int b)
                    {
                        return unchecked(a * b) + (int)(a / (long)b);
                    }
                }
            }
            """);
        Assert.Contains(problems, p => p.Contains("Counter.Add: overflow-checked add.ovf", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Counter.Narrow: overflow-checked conv.ovf.u1", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Contains("Counter.Wraps", StringComparison.Ordinal));
    }

    [Fact]
    public void MultiDimensionalArrayIsRejected()
    {
        var problems = CompileAndCheck("""
            namespace Snippet
            {
                public class Grid
                {
                    public static int Sum()
                    {
                        int[,] cells = new int[2, 2];
                        cells[1, 1] = 3;
                        return cells[1, 1];
                    }
                }
            }
            """);
        Assert.Contains(problems, p => p.Contains("multi-dimensional array Int32[,]", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("using System.Linq; namespace S { public class C { public static int F(int[] a) { return a.Count(); } } }")]
    [InlineData("namespace S { public class C { public static string F() { return new System.Text.StringBuilder().ToString(); } } }")]
    [InlineData("namespace S { public class C { public static double F(double x) { return System.Math.Sqrt(x); } } }")]
    [InlineData("namespace S { public class C { public static int F() { return new System.Collections.Generic.List<int>().Count; } } }")]
    [InlineData("namespace S { public class C { public static string F(string s) { return s.Replace(\"a\", \"b\"); } } }")]
    [InlineData("namespace S { public class C { public static async System.Threading.Tasks.Task F() { await System.Threading.Tasks.Task.Delay(1); } } }")]
    public void ApiMissingFromMscorlibFailsToCompile(string source)
    {
        var (success, errors, _) = NanoCompiler.Compile(source);
        Assert.False(success);
        Assert.NotEmpty(errors);
    }

    private static IReadOnlyList<string> CompileAndCheck(string source)
    {
        var (success, errors, image) = NanoCompiler.Compile(source);
        Assert.True(success, string.Join(Environment.NewLine, errors));
        var problems = NanoMetadataChecker.Check(image);
        Assert.NotEmpty(problems);
        return problems;
    }
}
