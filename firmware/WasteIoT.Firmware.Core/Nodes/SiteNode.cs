using WasteIoT.Firmware.Core.Hardware;
using WasteIoT.Firmware.Core.Protocol;
using WasteIoT.Firmware.Core.Sensing;
using WasteIoT.Firmware.Core.Site;
using WasteIoT.Firmware.Core.Truck;
using WasteIoT.Firmware.Core.Weighbridge;

namespace WasteIoT.Firmware.Core.Nodes
{
    /// <summary>
    /// A mains-powered node in a public toilet or a transfer station: odour (NH3, H2S), dust, temperature
    /// and humidity averaged over the publish interval; cleaner badge check-ins; the disinfection button;
    /// optionally the level of a tank or leachate pond. <see cref="Tick"/> runs every 100–200 ms.
    /// </summary>
    public class SiteNode : NodeBase, IMainsNode
    {
        public const long GasSampleIntervalMs = 2000;

        /// <summary>SDS011 working period, minutes: one 30 s measurement per air reading (laser life in the site README).</summary>
        public const int DustWorkPeriodMinutes = 5;

        private readonly SiteNodeHardware _hardware;
        private readonly CleaningVisitTracker _visits = new CleaningVisitTracker();
        private readonly SwitchDebouncer _button = new SwitchDebouncer();
        private readonly RollingAverage _nh3 = new RollingAverage(150);
        private readonly RollingAverage _h2s = new RollingAverage(150);
        private readonly RollingAverage _pm25 = new RollingAverage(30);
        private readonly RollingAverage _pm10 = new RollingAverage(30);
        private readonly SiteAirReading _air = new SiteAirReading();
        private readonly CleanerBadgeEvent _badge = new CleanerBadgeEvent();
        private readonly DisinfectionRecord _disinfect = new DisinfectionRecord();
        private readonly LevelReading _level = new LevelReading();
        private readonly LeachateTreatment _treatment = new LeachateTreatment();
        private double _treatedAtLastPublish;
        private readonly byte[] _uart = new byte[64];
        private bool _dustConfigured;
        private long _lastGasSample = long.MinValue;
        private long _lastAirPublish;
        private long _lastLevel = long.MinValue;

        public SiteNode(NodeContext context, SiteNodeHardware hardware)
            : base(context)
        {
            _hardware = hardware;
            _button.StableMs = 50;

            // Air every 5 minutes, pond level every 10, heartbeat hourly until the cloud says otherwise. A node with no
            // air to send (a scale house) beats every 5 minutes instead: the cloud vouches for a site's hours at that
            // cadence, and hourly beats alone would read as silence between the trucks.
            bool airless = hardware.Nh3 == null && hardware.H2s == null && hardware.Dust == null && hardware.Climate == null;
            context.State.Config.UseDefaults(600, 300, airless ? 300 : 3600);
            _lastAirPublish = context.Clock.UptimeMs;
            ApplyConfig(context.State.Config);
        }

        public CleaningVisitTracker Visits
        {
            get { return _visits; }
        }

        public override void OnConfigApplied(DeviceConfig config)
        {
            ApplyConfig(config);
        }

        public void Tick()
        {
            long uptime = Clock.UptimeMs;
            ReadDust();
            ReadScale(uptime);
            if (_hardware.FlowMeter != null && _hardware.Treated != null)
            {
                _hardware.Treated.Sample(_hardware.FlowMeter.IsHigh, uptime);
            }

            if (Due(ref _lastGasSample, uptime, GasSampleIntervalMs))
            {
                SampleGases();
            }

            ReadBadge(uptime);
            if (_visits.Poll(uptime) > 0)
            {
                PublishVisit(_visits.First);
            }

            if (_hardware.DisinfectButton != null && _button.Update(_hardware.DisinfectButton.IsHigh, uptime) && _button.State)
            {
                _disinfect.Badge = _visits.OpenBadge;
                Session.Enqueue(_disinfect);
            }

            if (uptime - _lastAirPublish >= State.Config.PublishIntervalS * 1000L)
            {
                _lastAirPublish = uptime;
                PublishAir(uptime);
                PublishTreated();
            }

            if (_hardware.Level != null && Due(ref _lastLevel, uptime, State.Config.MeasureIntervalS * 1000L))
            {
                PublishLevel();
            }

            HeartbeatIfDue(null, false);
            if (!Context.SessionOnOwnThread)
            {
                Session.Service();
            }

            Context.Power.FeedWatchdog();
        }

        private void ApplyConfig(DeviceConfig config)
        {
            _visits.MinDwellMs = config.MinDwellS * 1000L;
        }

        private void ReadDust()
        {
            if (_hardware.Dust == null || _hardware.DustParser == null)
            {
                return;
            }

            if (!_dustConfigured && _hardware.DustParser is Sds011Parser)
            {
                // Duty-cycle the laser; sent at every start because a sensor swapped in the field comes continuous.
                byte[] command = new byte[Sds011WorkPeriod.FrameLength];
                _hardware.Dust.Write(command, 0, Sds011WorkPeriod.Command(DustWorkPeriodMinutes, command));
            }

            _dustConfigured = true;

            int count;
            while ((count = _hardware.Dust.Read(_uart, 0, _uart.Length)) > 0)
            {
                for (int i = 0; i < count; i++)
                {
                    if (_hardware.DustParser.Feed(_uart[i]))
                    {
                        Sds011Parser sds = _hardware.DustParser as Sds011Parser;
                        Pms5003Parser pms = _hardware.DustParser as Pms5003Parser;
                        _pm25.Add(sds != null ? sds.Pm25 : pms.Pm25);
                        _pm10.Add(sds != null ? sds.Pm10 : pms.Pm10);
                    }
                }
            }
        }

        private void SampleGases()
        {
            double volts;
            if (_hardware.Nh3 != null && _hardware.Nh3.TryReadVolts(out volts))
            {
                _nh3.Add(_hardware.Nh3Calibration.ToMilligramsPerCubicMetre(volts));
            }

            if (_hardware.H2s != null && _hardware.H2s.TryReadVolts(out volts))
            {
                _h2s.Add(_hardware.H2sCalibration.ToMilligramsPerCubicMetre(volts));
            }
        }

        private void ReadBadge(long uptime)
        {
            string uid;
            if (_hardware.BadgeReader == null || !_hardware.BadgeReader.TryReadTag(out uid))
            {
                return;
            }

            if (_hardware.ScaleCapture != null)
            {
                // In a scale house the cards are the vehicles' (刷卡称重), not cleaners' badges.
                _hardware.ScaleCapture.Card(uptime, uid);
                if (_hardware.Indicator != null)
                {
                    _hardware.Indicator.Show(FeedbackPattern.Accepted);
                }

                return;
            }

            int changes = _visits.OnBadge(uid, uptime);
            if (changes >= 1)
            {
                PublishVisit(_visits.First);
            }

            if (changes == 2)
            {
                PublishVisit(_visits.Second);
            }
        }

        private void ReadScale(long uptime)
        {
            if (_hardware.Scale == null || _hardware.ScaleCapture == null || (_hardware.ScaleFrames == null && _hardware.ScaleTickets == null))
            {
                return;
            }

            int count;
            while ((count = _hardware.Scale.Read(_uart, 0, _uart.Length)) > 0)
            {
                for (int i = 0; i < count; i++)
                {
                    if (_hardware.ScaleTickets != null)
                    {
                        if (_hardware.ScaleTickets.Feed(_uart[i]))
                        {
                            _hardware.ScaleCapture.Ticket(uptime, _hardware.ScaleTickets.Ticket);
                        }
                    }
                    else if (_hardware.ScaleFrames.Feed(_uart[i]))
                    {
                        _hardware.ScaleCapture.Reading(uptime, _hardware.ScaleFrames.WeightKg);
                    }
                }
            }

            Weighing weighing;
            while (_hardware.ScaleCapture.TryTake(out weighing))
            {
                Session.Enqueue(weighing);
            }
        }

        private void PublishVisit(VisitChange change)
        {
            _badge.Badge = change.Badge;
            _badge.Action = change.Action;
            _badge.DwellS = change.DwellS;
            Session.Enqueue(_badge);
            if (change.Feedback != FeedbackPattern.Off && _hardware.Indicator != null)
            {
                _hardware.Indicator.Show(change.Feedback);
            }
        }

        /// <summary>The treatment unit's counted volume, with the flow since the last publish, at the air readings' interval.</summary>
        private void PublishTreated()
        {
            if (_hardware.FlowMeter == null || _hardware.Treated == null)
            {
                return;
            }

            double total = _hardware.Treated.TotalM3;
            _treatment.TotalM3 = total;
            _treatment.FlowM3h = (total - _treatedAtLastPublish) * 3600.0 / State.Config.PublishIntervalS;
            _treatedAtLastPublish = total;
            Session.Enqueue(_treatment);
        }

        private void PublishAir(long uptime)
        {
            double celsius = double.NaN;
            double humidity = double.NaN;
            if (_hardware.Climate == null || !_hardware.Climate.TryRead(out celsius, out humidity))
            {
                celsius = double.NaN;
                humidity = double.NaN;
            }

            long warmUp = 0;
            if (_hardware.Nh3Calibration != null)
            {
                warmUp = _hardware.Nh3Calibration.WarmUpMs;
            }

            if (_hardware.H2sCalibration != null && _hardware.H2sCalibration.WarmUpMs > warmUp)
            {
                warmUp = _hardware.H2sCalibration.WarmUpMs;
            }

            _air.Nh3 = _nh3.Value;
            _air.Sh2 = _h2s.Value;
            _air.Nh3Resolution = Resolution(_hardware.Nh3Calibration, _air.Nh3);
            _air.Sh2Resolution = Resolution(_hardware.H2sCalibration, _air.Sh2);
            _air.Pm25 = _pm25.Value;
            _air.Pm10 = _pm10.Value;
            _air.Temperature = celsius;
            _air.RelativeHumidity = double.IsNaN(humidity) ? double.NaN : humidity / 100.0;
            _air.WarmingUp = uptime < warmUp;
            _pm25.Clear();
            _pm10.Clear();
            if (!double.IsNaN(_air.Nh3) || !double.IsNaN(_air.Sh2) || !double.IsNaN(_air.Pm25) || !double.IsNaN(_air.Temperature))
            {
                Session.Enqueue(_air);
            }
        }

        /// <summary>The cell's resolution with its reading, so the cloud never judges a limit finer than the cell sees.</summary>
        private static double Resolution(GasCellCalibration cell, double reading)
        {
            return cell == null || double.IsNaN(reading) || cell.ResolutionPpm <= 0 ? double.NaN : cell.ResolutionMilligramsPerCubicMetre;
        }

        private void PublishLevel()
        {
            int echoes = 0;
            long sum = 0;
            for (int i = 0; i < 5; i++)
            {
                int distance;
                if (_hardware.Level.TryMeasure(out distance) && distance > 0 && distance <= _hardware.LevelGaugeZeroMm)
                {
                    sum += distance;
                    echoes++;
                }

                Clock.Delay(BinNode.PingGapMs);
            }

            _level.Battery = Context.Power.BatteryVolts;
            if (echoes < 3)
            {
                _level.Echo = EchoStatus.Lost;
                _level.Level = double.NaN;
            }
            else
            {
                _level.Echo = EchoStatus.Ok;
                _level.Level = (_hardware.LevelGaugeZeroMm - (sum / (double)echoes)) / 1000.0;
            }

            Session.Enqueue(_level);
        }
    }
}
