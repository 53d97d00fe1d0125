using System.Collections.Concurrent;
using WasteIoT.Contracts.Messages;
using WasteIoT.Contracts.Uplink;
using WasteIoT.Gateway.Identity;

namespace WasteIoT.Gateway.EdgeRules;

/// <summary>
/// Cover open while the truck moves faster than <see cref="EdgeRuleOptions.CoverSpeedKmh"/> for longer than
/// <see cref="EdgeRuleOptions.CoverOpenFor"/>: sound the cab alarm and raise one event per episode. Timing uses the
/// devices' own timestamps, so a burst of stored messages replayed after a dead zone is judged as it happened.
/// </summary>
public sealed class CoverAlarmRule(GatewayIdentity gateway, EdgeRuleOptions options, IAlarmOutput output)
{
    public const string AlarmName = "coverOpenWhileMoving";

    private readonly ConcurrentDictionary<string, TruckState> _trucks = new(StringComparer.Ordinal);

    /// <summary>Feeds one stored message.</summary>
    /// <returns>An alarm when the rule fires, otherwise null.</returns>
    public GatewayAlarm? Observe(DeviceMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var state = _trucks.GetOrAdd(message.Device, _ => new TruckState());
        lock (state)
        {
            // A device's messages are committed in order, but observed after their commits on any thread: an older
            // one (same boot, lower number) arriving late must not undo a newer state.
            if (message.Boot == state.LastBoot && message.Seq < state.LastSeq)
            {
                return null;
            }

            (state.LastBoot, state.LastSeq) = (message.Boot, message.Seq);
            switch (message)
            {
                case CargoCoverEvent cover:
                    state.CoverOpen = cover.State == CoverState.Open;
                    break;
                case DeviceHeartbeat { Cover: { } cover }:
                    state.CoverOpen = cover == CoverState.Open;
                    break;
                case TruckPosition position:
                    state.Speed = position.Speed;
                    state.Lat = position.Lat;
                    state.Lon = position.Lon;
                    break;
                default:
                    return null;
            }

            var violating = state.CoverOpen && state.Speed > options.CoverSpeedKmh;
            if (!violating)
            {
                if (state.Since is not null)
                {
                    state.Since = null;
                    state.Fired = false;
                    output.Set(_trucks.Values.Any(t => t.Fired));
                }

                return null;
            }

            state.Since ??= message.Ts;
            if (state.Fired || message.Ts - state.Since.Value <= options.CoverOpenFor)
            {
                return null;
            }

            state.Fired = true;
            output.Set(true);
            return new GatewayAlarm
            {
                Gateway = gateway.Id,
                Device = message.Device,
                Alarm = AlarmName,
                Since = state.Since.Value,
                Ts = message.Ts,
                Speed = state.Speed,
                Lat = state.Lat,
                Lon = state.Lon,
            };
        }
    }

    private sealed class TruckState
    {
        public bool CoverOpen { get; set; }

        public double Speed { get; set; }

        public double? Lat { get; set; }

        public double? Lon { get; set; }

        public DateTimeOffset? Since { get; set; }

        public bool Fired { get; set; }

        public long LastBoot { get; set; } = -1;

        public long LastSeq { get; set; }
    }
}
