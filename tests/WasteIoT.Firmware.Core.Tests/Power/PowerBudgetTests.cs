using System.Globalization;
using WasteIoT.Firmware.Core.Power;
using WasteIoT.Testing;
using Xunit.Abstractions;

namespace WasteIoT.Firmware.Core.Tests.Power;

/// <summary>The bin node's battery life as hardware/bin-node/power-budget.md states it, recomputed from PowerBudget.</summary>
public sealed class PowerBudgetTests(ITestOutputHelper output)
{
    public static TheoryData<string, int, int, bool, bool> Budgets() => new()
    {
        { "Wi-Fi, static address, hourly", 900, 3600, false, true },
        { "Wi-Fi, DHCP and SNTP, hourly", 900, 3600, false, false },
        { "Wi-Fi, static address, every 4 h", 900, 14400, false, true },
        { "LTE-M, hourly", 900, 3600, true, true },
        { "LTE-M, every 4 h", 900, 14400, true, true },
    };

    [Theory]
    [MemberData(nameof(Budgets))]
    public void PowerBudgetDocumentShowsWhatTheModelComputes(string name, int measureS, int publishS, bool cellular, bool staticAddress)
    {
        var budget = Budget(measureS, publishS, cellular, staticAddress);
        var document = File.ReadAllText(RepositoryRoot.Combine("hardware", "bin-node", "power-budget.md"));
        var lines = budget.Phases
            .Select(phase => string.Create(CultureInfo.InvariantCulture, $"| {phase.Name} | {phase.AwakeMs:N0} ms | {phase.MilliAmps:0.#} mA | {phase.PerDay:0.#} | {phase.MilliAmpHoursPerDay:F3} mAh |"))
            .Append(string.Create(CultureInfo.InvariantCulture, $"| {name} | {budget.SleepMicroAmps:0.##} µA | {budget.MilliAmpHoursPerDay:F2} mAh | {budget.AverageMicroAmps:F0} µA | {budget.LifeYears:F1} years |"))
            .ToList();
        lines.ForEach(output.WriteLine);
        Assert.All(lines, line => Assert.Contains(line, document, StringComparison.Ordinal));
    }

    [Fact]
    public void PublishingEveryMeasurementCostsYears()
    {
        var hourly = PowerBudget.BinNode(900, 3600, true).LifeYears;
        var every = PowerBudget.BinNode(900, 900, true).LifeYears;
        Assert.True(every < hourly * 0.7, $"{every:F1} vs {hourly:F1} years");
    }

    [Fact]
    public void CellularNodePaysForItsRadioAndPsmKeepsItWorthwhile()
    {
        var wifi = PowerBudget.BinNode(900, 14400, true);
        var cellular = PowerBudget.BinNodeCellular(900, 14400);
        Assert.True(cellular.LifeYears < wifi.LifeYears);
        Assert.True(cellular.SleepMicroAmps > wifi.SleepMicroAmps);
        Assert.True(PowerBudget.BinNodeCellular(900, 3600).LifeYears < cellular.LifeYears * 0.8);
    }

    private static PowerBudget Budget(int measureS, int publishS, bool cellular, bool staticAddress) =>
        cellular ? PowerBudget.BinNodeCellular(measureS, publishS) : PowerBudget.BinNode(measureS, publishS, staticAddress);
}
