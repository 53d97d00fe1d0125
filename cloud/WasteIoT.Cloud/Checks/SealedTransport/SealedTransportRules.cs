namespace WasteIoT.Cloud.Checks.SealedTransport;

/// <summary>The thresholds of 密闭运输, configurable per county.</summary>
public sealed record SealedTransportRules
{
    /// <summary>Above this speed the truck is driving, km/h.</summary>
    public double MovingSpeedKmh { get; init; } = 5;

    /// <summary>Cover open while driving for longer than this is a violation.</summary>
    public TimeSpan MinOpenDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Driving with no cover information (event or heartbeat) for longer than this is a "cover sensor silent" finding.</summary>
    public TimeSpan SilentAfter { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Two fixes further apart than this do not make one continuous drive (a dead zone, a reboot).</summary>
    public TimeSpan MaxFixGap { get; init; } = TimeSpan.FromMinutes(2);
}
