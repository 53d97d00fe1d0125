using WasteIoT.Firmware.Core.Hardware;
using WasteIoT.Firmware.Core.Protocol;
using WasteIoT.Firmware.Core.Session;
using WasteIoT.Firmware.Core.Storage;

namespace WasteIoT.Firmware.Core.Nodes
{
    /// <summary>What every node does: heartbeats, scheduling, and reacting to a new config.</summary>
    public abstract class NodeBase : IDownlinkHandler
    {
        private readonly DeviceHeartbeat _heartbeat = new DeviceHeartbeat();
        private long _lastHeartbeatAt = long.MinValue;

        protected NodeBase(NodeContext context)
        {
            Context = context;
            context.Session.SetHandler(this);
        }

        public NodeContext Context { get; private set; }

        protected GatewaySession Session
        {
            get { return Context.Session; }
        }

        protected DeviceState State
        {
            get { return Context.State; }
        }

        protected IClock Clock
        {
            get { return Context.Clock; }
        }

        public virtual void OnConfigApplied(DeviceConfig config)
        {
        }

        public virtual void OnScanFeedback(ScanFeedback feedback)
        {
        }

        /// <summary>Enqueues a heartbeat when one is due (or now, with <paramref name="force"/>).</summary>
        protected void HeartbeatIfDue(string cover, bool force)
        {
            long now = Clock.UtcNowMs;
            if (!force && _lastHeartbeatAt != long.MinValue && now - _lastHeartbeatAt < State.Config.HeartbeatIntervalS * 1000L)
            {
                return;
            }

            _lastHeartbeatAt = now;
            _heartbeat.UptimeS = (now - State.BootStartedAt) / 1000;
            _heartbeat.Battery = BatteryVolts;
            _heartbeat.Rssi = Context.Power.Rssi == int.MinValue ? Absent.Int : Context.Power.Rssi;
            _heartbeat.Fw = Context.Firmware;
            _heartbeat.Buffered = Session.Pending;
            _heartbeat.Dropped = State.Dropped;
            _heartbeat.Cover = cover;
            Session.Enqueue(_heartbeat);
        }

        /// <summary>The battery voltage a heartbeat reports (a node that switches its divider reports its last reading).</summary>
        protected virtual double BatteryVolts
        {
            get { return Context.Power.BatteryVolts; }
        }

        /// <summary>Restores the heartbeat schedule after deep sleep.</summary>
        protected long LastHeartbeatAt
        {
            get { return _lastHeartbeatAt; }
            set { _lastHeartbeatAt = value; }
        }

        /// <summary>True when <paramref name="intervalMs"/> has passed since <paramref name="last"/>, which then moves to now.</summary>
        protected static bool Due(ref long last, long now, long intervalMs)
        {
            if (last != long.MinValue && now - last < intervalMs)
            {
                return false;
            }

            last = now;
            return true;
        }
    }
}
