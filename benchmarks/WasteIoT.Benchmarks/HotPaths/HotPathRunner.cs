using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace WasteIoT.Benchmarks.HotPaths;

/// <summary><c>hot</c>: BenchmarkDotNet over the per-message hot paths, in process (no generated project to build offline).</summary>
internal static class HotPathRunner
{
    public static int Run(TextWriter output)
    {
        var config = ManualConfig.CreateMinimumViable()
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
            .WithOptions(ConfigOptions.DisableLogFile)
            .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "wiot-bdn"));
        var summary = BenchmarkRunner.Run<HotPathBenchmarks>(config);
        output.WriteLine();
        foreach (var report in summary.Reports)
        {
            var stats = report.ResultStatistics;
            var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
            output.WriteLine($"hot {report.BenchmarkCase.Descriptor.WorkloadMethod.Name,-32} {stats?.Mean ?? double.NaN,10:0.0} ns/op  {allocated,6} B/op");
        }

        return summary.HasCriticalValidationErrors ? 1 : 0;
    }
}
