using WasteIoT.Firmware.Core.Sensing;

namespace WasteIoT.Firmware.Core.Tests.Sensing;

public sealed class GasCellCalibrationTests
{
    [Fact]
    public void AmmoniaVoltsBecomeMilligramsPerCubicMetre()
    {
        // 1 ppm NH3 = 17.031 / 24.45 = 0.6966 mg/m³.
        var cell = new GasCellCalibration(zeroVolts: 0.400, voltsPerPpm: 0.010, GasCellCalibration.MolarMassNh3);
        Assert.Equal(0.6966, cell.ToMilligramsPerCubicMetre(0.410), 4);
        Assert.Equal(0, cell.ToMilligramsPerCubicMetre(0.395));
    }

    [Fact]
    public void HydrogenSulphideAtItsClassLimit()
    {
        // 0.01 mg/m³ H2S is 0.00717 ppm.
        var cell = new GasCellCalibration(0.200, 0.500, GasCellCalibration.MolarMassH2s);
        Assert.Equal(0.01, cell.ToMilligramsPerCubicMetre(0.200 + (0.500 * 0.01 * 24.45 / 34.08)), 6);
    }

    [Fact]
    public void RollingAverageKeepsTheLastWindow()
    {
        var avg = new RollingAverage(3);
        foreach (var v in new[] { 1.0, 2, double.NaN, 3, 10 })
        {
            avg.Add(v);
        }

        Assert.Equal(5.0, avg.Value);
        Assert.Equal(3, avg.Count);
    }
}
