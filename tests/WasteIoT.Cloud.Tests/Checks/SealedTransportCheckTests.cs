using WasteIoT.Cloud.Checks.SealedTransport;

namespace WasteIoT.Cloud.Tests.Checks;

/// <summary>Hand-built days for 密闭运输; the expected verdicts are worked out in the comments.</summary>
public sealed class SealedTransportCheckTests
{
    private static readonly DateTimeOffset Seven = new(2026, 11, 27, 7, 0, 0, TimeSpan.FromHours(8));
    private static readonly SealedTransportRules Rules = new();

    [Fact]
    public void CoverOpenForAMinuteWhileDrivingIsOneViolation()
    {
        // 10 minutes eastward at 30 km/h (8.33 m/s), one fix a second; the cover opens 07:02:00, closes 07:03:00.
        var fixes = Drive(Seven, TimeSpan.FromMinutes(10), 30);
        var covers = new[] { new CoverObservation(Seven.AddMinutes(-5), false), new CoverObservation(Seven.AddMinutes(2), true), new CoverObservation(Seven.AddMinutes(3), false) };

        var result = SealedTransportCheck.Evaluate(fixes, covers, Rules);

        var v = Assert.Single(result.Violations);
        Assert.Equal(Seven.AddMinutes(2), v.Start);
        Assert.Equal(Seven.AddMinutes(3).AddSeconds(-1), v.End);
        Assert.Equal(0.49, v.DistanceKm, 2);      // 59 one-second steps × 8.33 m
        Assert.Equal(30, v.PeakSpeedKmh);
        Assert.Equal(fixes[120].Lon, v.StartLon, 9);
        Assert.Empty(result.SilentSensor);
        Assert.Equal(5.0, result.DrivenKm, 1);    // 600 s × 8.33 m/s
    }

    [Fact]
    public void OpenFor20SecondsIsNotAViolation()
    {
        var fixes = Drive(Seven, TimeSpan.FromMinutes(5), 25);
        var covers = new[] { new CoverObservation(Seven, false), new CoverObservation(Seven.AddMinutes(1), true), new CoverObservation(Seven.AddMinutes(1).AddSeconds(20), false) };
        Assert.Empty(SealedTransportCheck.Evaluate(fixes, covers, Rules).Violations);
    }

    [Fact]
    public void ParkedWithCoverOpenIsNeverAViolation()
    {
        // An hour at a transfer station, cover open, receiver jitter of a few metres but reported speed 0–3 km/h.
        var random = new Random(4);
        var fixes = Enumerable.Range(0, 3600)
            .Select(s => new PositionFix(Seven.AddSeconds(s), 31.23 + (random.NextDouble() * 5e-5), 121.47 + (random.NextDouble() * 5e-5), random.NextDouble() * 3))
            .ToList();
        var result = SealedTransportCheck.Evaluate(fixes, [new CoverObservation(Seven, true)], Rules);
        Assert.Empty(result.Violations);
        Assert.Empty(result.SilentSensor);
        Assert.Equal(0, result.DrivenKm);
    }

    [Fact]
    public void LateAndShuffledArrivalGivesTheSameVerdict()
    {
        var fixes = Drive(Seven, TimeSpan.FromMinutes(10), 30);
        CoverObservation[] covers = [new(Seven, false), new(Seven.AddMinutes(4), true), new(Seven.AddMinutes(6), false)];
        var inOrder = SealedTransportCheck.Evaluate(fixes, covers, Rules);
        var shuffled = SealedTransportCheck.Evaluate(fixes.OrderBy(_ => Guid.NewGuid()), covers.Reverse(), Rules);
        Assert.Equal(inOrder.Violations, shuffled.Violations);
    }

    [Fact]
    public void DrivingWithoutCoverInformationIsASilentSensorFinding()
    {
        // Cover last heard at 06:40; the truck drives 07:00–07:20: after 06:50 nothing is known.
        var fixes = Drive(Seven, TimeSpan.FromMinutes(20), 20);
        var result = SealedTransportCheck.Evaluate(fixes, [new CoverObservation(Seven.AddMinutes(-20), true)], Rules);
        Assert.Empty(result.Violations);
        var silent = Assert.Single(result.SilentSensor);
        Assert.Equal(Seven, silent.Start);
        Assert.Equal(Seven.AddMinutes(20).AddSeconds(-1), silent.End);
    }

    [Fact]
    public void DeadZoneSplitsADriveAndShortPiecesDoNotAddUp()
    {
        // Cover open the whole time; fixes for 20 s, a 5-minute dead zone, 20 s more: two 19-second pieces, no violation.
        var first = Drive(Seven, TimeSpan.FromSeconds(20), 30);
        var second = Drive(Seven.AddMinutes(5), TimeSpan.FromSeconds(20), 30);
        var result = SealedTransportCheck.Evaluate([.. first, .. second], [new CoverObservation(Seven.AddSeconds(-1), true), new CoverObservation(Seven.AddMinutes(5).AddSeconds(-1), true)], Rules);
        Assert.Empty(result.Violations);
    }

    [Fact]
    public void DriveAcrossMidnightIsJudgedOnTheDevicesTime()
    {
        var late = new DateTimeOffset(2026, 11, 27, 23, 59, 30, TimeSpan.FromHours(8));
        var fixes = Drive(late, TimeSpan.FromMinutes(1), 40);
        var v = Assert.Single(SealedTransportCheck.Evaluate(fixes, [new CoverObservation(late.AddSeconds(-5), true)], Rules).Violations);
        Assert.Equal(late, v.Start);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 0, 0, 29, TimeSpan.FromHours(8)), v.End);
    }

    private static List<PositionFix> Drive(DateTimeOffset start, TimeSpan duration, double kmh)
    {
        var metresPerSecond = kmh / 3.6;
        return Enumerable.Range(0, (int)duration.TotalSeconds)
            .Select(s => new PositionFix(start.AddSeconds(s), 31.23, 121.47 + (s * metresPerSecond / (111_320 * Math.Cos(31.23 * Math.PI / 180))), kmh))
            .ToList();
    }
}
