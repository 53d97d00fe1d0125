using System.ComponentModel.DataAnnotations;

namespace WasteIoT.Gateway.EdgeRules;

/// <summary>The truck gateway's local sealed-transport rule.</summary>
public sealed class EdgeRuleOptions
{
    /// <summary>Above this speed the truck is moving, km/h.</summary>
    [Range(0, 100)]
    public double CoverSpeedKmh { get; set; } = 5;

    /// <summary>How long the cover may be open while moving before the alarm sounds.</summary>
    public TimeSpan CoverOpenFor { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>GPIO (BCM numbering) driving the cab buzzer/LED; -1 for none (any machine that is not a Pi).</summary>
    [Range(-1, 40)]
    public int AlarmPin { get; set; } = -1;
}
