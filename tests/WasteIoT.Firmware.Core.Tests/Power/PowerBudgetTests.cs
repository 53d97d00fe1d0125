using System.Globalization;
using WasteIoT.Firmware.Core.Power;
using Xunit.Abstractions;

namespace WasteIoT.Firmware.Core.Tests.Power;

public sealed class PowerBudgetTests(ITestOutputHelper output)
{
    [Fact]
    public void BinNodeLastsTenYearsOnOneDCell()
    {
        var budget = PowerBudget.BinNode(measureIntervalS: 900, publishIntervalS: 3600);
        foreach (var phase in budget.Phases)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{phase.Name,-18} {phase.AwakeMs,6} ms × {phase.MilliAmps,5} mA × {phase.PerDay,4}/day = {phase.MilliAmpHoursPerDay:F3} mAh/day"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sleep {budget.SleepMicroAmps} µA; total {budget.MilliAmpHoursPerDay:F3} mAh/day = {budget.AverageMicroAmps:F1} µA mean; life {budget.LifeYears:F1} years"));
        Assert.True(budget.LifeYears >= 10, $"{budget.LifeYears:F1} years");
    }

    [Fact]
    public void PublishingEveryMeasurementCostsYears()
    {
        var hourly = PowerBudget.BinNode(900, 3600).LifeYears;
        var every = PowerBudget.BinNode(900, 900).LifeYears;
        Assert.True(every < hourly * 0.7, $"{every:F1} vs {hourly:F1} years");
    }
}
