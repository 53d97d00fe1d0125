using WasteIoT.Firmware.Core.Protocol;
using WasteIoT.Firmware.Core.Sensing;

namespace WasteIoT.Firmware.Core.Tests.Sensing;

public sealed class FillLevelEstimatorTests
{
    private static readonly FillLevelCalibration Bin = new() { BinDepthMm = 1000, DeadZoneMm = 200 };

    [Fact]
    public void HalfFullBinReadsHalf()
    {
        var e = Measure(600, 602, 598, 601, 599);
        Assert.Equal(EchoStatus.Ok, e.Echo);
        Assert.Equal(0.5, e.Level, 2);
        Assert.Equal(600, e.DistanceMm);
    }

    [Fact]
    public void AllEchoesLostIsAStatusNotALevel()
    {
        var e = new FillLevelEstimator(Bin, 8);
        e.Begin();
        for (var i = 0; i < 5; i++)
        {
            e.AddSample(false, 0);
        }

        e.Evaluate(20, true, 343);
        Assert.Equal(EchoStatus.Lost, e.Echo);
        Assert.True(double.IsNaN(e.Level));
        Assert.Equal(Absent.Int, e.DistanceMm);
    }

    [Fact]
    public void ReadingsPastTheFloorAreOutOfRange()
    {
        var e = Measure(1900, 1950, 2100, 1880, 2000);
        Assert.Equal(EchoStatus.OutOfRange, e.Echo);
        Assert.True(double.IsNaN(e.Level));
    }

    [Fact]
    public void PreviousPingEchoAndSlantedReflectionAreRejected()
    {
        // A late echo of the previous ping reads short; a reflection off a slanted bag reads long.
        var e = Measure(700, 702, 95, 698, 1050, 701, 699);
        Assert.Equal(EchoStatus.Ok, e.Echo);
        Assert.InRange(e.DistanceMm, 699, 701);
        Assert.Equal(5, e.Agreeing);
    }

    [Fact]
    public void ScatteredEchoesAreUnstable()
    {
        var e = Measure(300, 550, 800, 420, 950, 610);
        Assert.Equal(EchoStatus.Unstable, e.Echo);
        Assert.True(double.IsNaN(e.Level));
    }

    [Fact]
    public void MostlyLostEchoesAreNotTrusted()
    {
        var e = new FillLevelEstimator(Bin, 8);
        e.Begin();
        e.AddSample(true, 600);
        e.AddSample(true, 601);
        for (var i = 0; i < 5; i++)
        {
            e.AddSample(false, 0);
        }

        e.Evaluate(20, true, 343);
        Assert.NotEqual(EchoStatus.Ok, e.Echo);
    }

    [Fact]
    public void ColdAirShortensTheTrueDistance()
    {
        // At -10 °C sound travels at 325.2 m/s; a driver assuming 20 °C (343.4 m/s) over-reads by 5.6 %.
        var cold = MeasureAt(-10, 800, 800, 800);
        Assert.InRange(cold.DistanceMm, 757, 759);
        var assumedConditions = MeasureAt(20, 800, 800, 800);
        Assert.Equal(800, assumedConditions.DistanceMm);
    }

    [Fact]
    public void WasteInsideTheDeadZoneIsAFullBin()
    {
        var e = Measure(120, 125, 118);
        Assert.Equal(1.0, e.Level);
    }

    [Fact]
    public void SmallChangesAreHeldByHysteresis()
    {
        var e = new FillLevelEstimator(Bin, 8);
        Run(e, 20, 600, 600, 600);
        Assert.Equal(0.5, e.Level, 3);
        Run(e, 20, 590, 590, 590);
        Assert.Equal(0.5, e.Level, 3);
        Run(e, 20, 560, 560, 560);
        Assert.Equal(0.55, e.Level, 3);
    }

    [Fact]
    public void EmptyingIsDetectedFromTheDrop()
    {
        var e = new FillLevelEstimator(Bin, 8);
        Run(e, 20, 300, 300, 300);
        Assert.False(e.Emptied);
        Run(e, 20, 980, 985, 975);
        Assert.True(e.Emptied);
        Assert.True(e.Level < 0.05);
        Run(e, 20, 980, 985, 975);
        Assert.False(e.Emptied);
    }

    private static FillLevelEstimator Measure(params int[] distances) => MeasureAt(20.0, distances);

    private static FillLevelEstimator MeasureAt(double celsius, params int[] distances)
    {
        var e = new FillLevelEstimator(Bin, 8);
        Run(e, celsius, distances);
        return e;
    }

    private static void Run(FillLevelEstimator e, double celsius, params int[] distances)
    {
        e.Begin();
        foreach (var d in distances)
        {
            e.AddSample(true, d);
        }

        // Assume the driver used the speed of sound at 20 °C, so readings at 20 °C need no correction.
        e.Evaluate(celsius, true, FillLevelEstimator.SpeedOfSoundAtZero + (FillLevelEstimator.SpeedOfSoundPerDegree * 20));
    }
}
