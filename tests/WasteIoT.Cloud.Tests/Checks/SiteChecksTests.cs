using WasteIoT.Cloud.Checks.DataHealth;
using WasteIoT.Cloud.Checks.Ponds;
using WasteIoT.Cloud.Checks.Toilets;
using WasteIoT.Cloud.Checks.TransferStations;

namespace WasteIoT.Cloud.Tests.Checks;

public sealed class SiteChecksTests
{
    private static readonly DateTimeOffset Day = new(2026, 11, 27, 0, 0, 0, TimeSpan.FromHours(8));

    // Surveyed pond: 0 m → 0 m³, 2 m → 4,000 m³, 4 m → 10,000 m³, 5 m → 14,000 m³.
    private static readonly StageVolumeTable Pond = new([(0, 0), (2, 4_000), (4, 10_000), (5, 14_000)]);

    [Theory]
    [InlineData(1.0, 2_000)]
    [InlineData(3.0, 7_000)]
    [InlineData(4.5, 12_000)]
    public void StageBecomesVolumeByInterpolation(double stage, double volume) => Assert.Equal(volume, Pond.VolumeAt(stage), 6);

    [Fact]
    public void RisingPondGivesDaysLeftAndAlarmsAtTenThousandCubicMetres()
    {
        // 3.0 m (7,000 m³) to 3.2 m (7,600 m³) in two days: +300 m³/day, 2,400 m³ left → 8 days.
        var rising = LeachatePondCheck.Evaluate("pond-01", Pond, [(Day, 3.0), (Day.AddDays(1), null), (Day.AddDays(2), 3.2)]);
        Assert.False(rising.Alarm);
        Assert.Equal(300, rising.InflowM3PerDay!.Value, 6);
        Assert.Equal(8, rising.DaysToAlarm!.Value, 6);

        var full = LeachatePondCheck.Evaluate("pond-01", Pond, [(Day, 3.9), (Day.AddDays(1), 4.05)]);
        Assert.True(full.Alarm);
        Assert.Equal(0, full.DaysToAlarm);
    }

    [Fact]
    public void PondWithoutGoodReadingsHasNoVerdict()
    {
        var result = LeachatePondCheck.Evaluate("pond-01", Pond, [(Day, null)]);
        Assert.Null(result.VolumeM3);
        Assert.False(result.Alarm);
    }

    [Fact]
    public void TransferStationOdourAndDisinfection()
    {
        AirRecord[] air = [new(Day.AddHours(9), 1.2, 0.05, false), new(Day.AddHours(10), 1.8, 0.07, false), new(Day.AddHours(6), 5.0, 1.0, WarmingUp: true)];
        var result = TransferStationCheck.Evaluate("site-s01", air, [], new TransferStationRules());
        Assert.Equal(["nh3", "sh2"], result.Exceedances.Select(e => e.Gas));
        Assert.Empty(result.Episodes);  // readings an hour apart: each alone, no stretch over the limit
        Assert.False(result.Disinfected);
        Assert.True(TransferStationCheck.Evaluate("site-s01", air, [Day.AddHours(11.5)], new TransferStationRules()).Disinfected);
    }

    [Fact]
    public void SequenceGapsAreLostDataButARebootIsNot()
    {
        var received = new List<(string, long, long, DateTimeOffset)>();
        received.AddRange(new long[] { 1, 2, 3, 6, 7, 10 }.Select(s => ("bin-0001", 1L, s, Day.AddMinutes(s))));
        received.AddRange(new long[] { 1, 2 }.Select(s => ("bin-0001", 2L, s, Day.AddHours(5).AddMinutes(s))));
        received.Add(("truck-07", 4L, 1L, Day.AddHours(1)));

        var result = DataHealthCheck.Evaluate(received, ["bin-0001", "truck-07", "bin-0002"], Day.AddHours(6), TimeSpan.FromHours(2));

        Assert.Equal([new SequenceGap("bin-0001", 1, 4, 5), new SequenceGap("bin-0001", 1, 8, 9)], result.Gaps);
        Assert.Equal(4, result.Missing);
        Assert.Equal(["bin-0002", "truck-07"], result.SilentDevices);
    }
}
