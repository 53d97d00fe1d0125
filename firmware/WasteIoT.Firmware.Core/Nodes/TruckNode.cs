using WasteIoT.Firmware.Core.Gnss;
using WasteIoT.Firmware.Core.Hardware;
using WasteIoT.Firmware.Core.Protocol;
using WasteIoT.Firmware.Core.Truck;

namespace WasteIoT.Firmware.Core.Nodes
{
    /// <summary>
    /// A truck node (vehicle-powered): positions through the movement filter, pickup scans with the latest
    /// fix and immediate feedback to the crew, cargo cover changes, and the cover state in every heartbeat.
    /// <see cref="Tick"/> runs every 50–100 ms so scans feel instant.
    /// </summary>
    public class TruckNode : NodeBase, IMainsNode
    {
        /// <summary>A fix older than this is not attached to a scan.</summary>
        public const long MaxFixAgeMs = 30000;

        private readonly TruckNodeHardware _hardware;
        private readonly NmeaLineAssembler _lines = new NmeaLineAssembler();
        private readonly NmeaDecoder _decoder = new NmeaDecoder();
        private readonly GnssFix _fix = new GnssFix();
        private readonly GnssFix _latest = new GnssFix();
        private readonly PositionReporter _reporter = new PositionReporter();
        private readonly ScanDebouncer _scans = new ScanDebouncer(32);
        private readonly ScanFeedbackTracker _answers = new ScanFeedbackTracker(16);
        private readonly SwitchWatch _cover;
        private readonly SwitchWatch[] _equipment;
        private readonly EquipmentEvent _equipmentEvent = new EquipmentEvent();
        private readonly TruckPosition _position = new TruckPosition();
        private readonly PickupScan _scan = new PickupScan();
        private readonly CargoCoverEvent _coverEvent = new CargoCoverEvent();
        private readonly byte[] _uart = new byte[256];
        private long _latestAtUptime = long.MinValue;

        public TruckNode(NodeContext context, TruckNodeHardware hardware)
            : base(context)
        {
            _hardware = hardware;
            _cover = hardware.Cover == null ? null : new SwitchWatch(hardware.Cover);
            int equipment = hardware.Equipment == null ? 0 : hardware.Equipment.Length;
            _equipment = new SwitchWatch[equipment];
            for (int i = 0; i < equipment; i++)
            {
                _equipment[i] = new SwitchWatch(hardware.Equipment[i].Input);
            }

            // The heartbeat carries the cover state: every 5 minutes on a truck.
            context.State.Config.UseDefaults(900, 3600, 300);
            ApplyConfig(context.State.Config);
        }

        public bool CoverOpen
        {
            get { return _cover != null && _cover.State; }
        }

        public PositionReporter Reporter
        {
            get { return _reporter; }
        }

        public override void OnConfigApplied(DeviceConfig config)
        {
            ApplyConfig(config);
        }

        public override void OnScanFeedback(ScanFeedback feedback)
        {
            int pattern = _answers.Answered(feedback);
            if (pattern != FeedbackPattern.Off && _hardware.Indicator != null)
            {
                _hardware.Indicator.Show(pattern);
            }
        }

        public void Tick()
        {
            long uptime = Clock.UptimeMs;
            ReadGnss(uptime);
            ReadTag(uptime);
            ReadCover(uptime);
            ReadEquipment(uptime);
            HeartbeatIfDue(_cover != null && _cover.Known ? (_cover.State ? CoverState.Open : CoverState.Closed) : null, false);
            int overdue = _answers.Poll(uptime);
            if (overdue != FeedbackPattern.Off && _hardware.Indicator != null)
            {
                _hardware.Indicator.Show(overdue);
            }

            if (!Context.SessionOnOwnThread)
            {
                Session.Service();
            }

            Context.Power.FeedWatchdog();
        }

        private void ApplyConfig(DeviceConfig config)
        {
            _scans.WindowMs = config.ScanDebounceS * 1000L;
        }

        private void ReadGnss(long uptime)
        {
            int count;
            while ((count = _hardware.Gnss.Read(_uart, 0, _uart.Length)) > 0)
            {
                for (int i = 0; i < count; i++)
                {
                    if (!_lines.Feed(_uart[i]) || !_decoder.Process(_lines.Line, _lines.Length))
                    {
                        continue;
                    }

                    while (_decoder.TryTakeFix(_fix))
                    {
                        _fix.CopyTo(_latest);
                        _latestAtUptime = uptime;
                        if (_reporter.Consider(_fix))
                        {
                            PublishPosition();
                        }
                    }
                }
            }
        }

        private void PublishPosition()
        {
            _position.Lat = _reporter.Lat;
            _position.Lon = _reporter.Lon;
            _position.Speed = _reporter.SpeedKmh;
            _position.Heading = _reporter.IsMoving ? _fix.Track : double.NaN;
            _position.Hdop = _fix.Hdop;
            _position.Sats = _fix.Satellites >= 0 ? _fix.Satellites : Absent.Int;
            _position.Fix = _fix.Quality > 0 ? _fix.Quality : 1;
            Session.Enqueue(_position);
        }

        private void ReadTag(long uptime)
        {
            string uid;
            if (_hardware.TagReader == null || !_hardware.TagReader.TryReadTag(out uid) || !_scans.Accept(uid, uptime))
            {
                return;
            }

            _scan.Tag = uid;
            long age = _latestAtUptime == long.MinValue ? long.MaxValue : uptime - _latestAtUptime;
            if (age <= MaxFixAgeMs)
            {
                _scan.Lat = _latest.Lat;
                _scan.Lon = _latest.Lon;
                _scan.Hdop = _latest.Hdop;
                _scan.FixAgeS = (int)(age / 1000);
            }
            else
            {
                _scan.Lat = double.NaN;
                _scan.Lon = double.NaN;
                _scan.Hdop = double.NaN;
                _scan.FixAgeS = Absent.Int;
            }

            if (_hardware.Indicator != null)
            {
                _hardware.Indicator.Show(FeedbackPattern.Read);
            }

            if (Session.Enqueue(_scan))
            {
                _answers.Sent(_scan.Seq, uptime);
            }
        }

        private void ReadCover(long uptime)
        {
            if (_cover != null && _cover.Poll(uptime))
            {
                _coverEvent.State = _cover.State ? CoverState.Open : CoverState.Closed;
                Session.Enqueue(_coverEvent);
            }
        }

        private void ReadEquipment(long uptime)
        {
            for (int i = 0; i < _equipment.Length; i++)
            {
                if (_equipment[i].Poll(uptime))
                {
                    _equipmentEvent.Equipment = _hardware.Equipment[i].Equipment;
                    _equipmentEvent.On = _equipment[i].State;
                    Session.Enqueue(_equipmentEvent);
                }
            }
        }
    }
}
