using WasteIoT.Firmware.Core.Protocol;
using WasteIoT.Firmware.Core.Sensing;

namespace WasteIoT.Firmware.Core.Nodes
{
    /// <summary>
    /// A battery bin node: wakes, measures, and only turns the radio on when the level moved meaningfully,
    /// the bin was emptied, its status changed, or the publish interval is up; then sleeps. Everything it
    /// must remember across deep sleep lives in <see cref="Storage.DeviceState"/>.
    /// </summary>
    public class BinNode : NodeBase
    {
        /// <summary>Pings per measurement; the HC-SR04 datasheet asks for 60 ms between pings so the last echo dies out.</summary>
        public const int Pings = 7;

        public const int PingGapMs = 60;

        /// <summary>
        /// Sensor rail on to first ping: the SHT31 is ready 1 ms after power-up (datasheet t_PU, max 1.5 ms); the
        /// JSN-SR04T's own controller is given 100 ms to boot (assumed; not in its datasheet).
        /// </summary>
        public const int SensorRailSettleMs = 100;

        /// <summary>Longest the radio stays on per wake before giving up until the next publish.</summary>
        public long MaxAwakeMs = 15000;

        // DeviceState.App slots.
        private const int SlotHysteresis = 0;
        private const int SlotLastPublishAt = 1;
        private const int SlotLastHeartbeatAt = 2;
        private const int SlotLastPublished = 3;
        private const long NothingPublished = -1;
        private const long PublishedNoLevel = -2;

        private readonly BinNodeHardware _hardware;
        private readonly FillLevelEstimator _estimator;
        private readonly BinFillReading _reading = new BinFillReading();

        public BinNode(NodeContext context, BinNodeHardware hardware, FillLevelCalibration calibration)
            : base(context)
        {
            _hardware = hardware;
            _estimator = new FillLevelEstimator(calibration, Pings);
        }

        /// <summary>The last reading measured (published or not).</summary>
        public BinFillReading LastReading
        {
            get { return _reading; }
        }

        /// <summary>Read while the divider was switched in; reading the ADC later would see it floating.</summary>
        protected override double BatteryVolts
        {
            get { return _reading.Battery; }
        }

        /// <summary>Whether the last wake turned the radio on.</summary>
        public bool LastWakePublished;

        /// <summary>One wake: measure, maybe publish, persist.</summary>
        /// <returns>How long to deep-sleep, ms.</returns>
        public long RunWake()
        {
            long now = Clock.UtcNowMs;
            long[] app = State.App;
            if (State.NextSeq == 1 && app[SlotLastPublished] == 0)
            {
                app[SlotLastPublished] = NothingPublished;
                app[SlotHysteresis] = -1;
            }

            Measure(app);
            bool meaningful = IsMeaningful(app);
            long publishAt = app[SlotLastPublishAt];
            bool due = publishAt == 0 || now - publishAt >= State.Config.PublishIntervalS * 1000L;
            LastWakePublished = false;
            if (meaningful || due)
            {
                _reading.Timestamp = now;
                Session.Enqueue(_reading);
                app[SlotLastPublishAt] = now;
                app[SlotLastPublished] = _reading.Echo == EchoStatus.Ok ? ToUnits(_reading.FillingLevel) : PublishedNoLevel;
                LastHeartbeatAt = app[SlotLastHeartbeatAt] == 0 ? long.MinValue : app[SlotLastHeartbeatAt];
                HeartbeatIfDue(null, false);
                app[SlotLastHeartbeatAt] = LastHeartbeatAt;
                Drain();
                LastWakePublished = true;
            }

            State.Save();
            Context.Power.FeedWatchdog();
            return State.Config.MeasureIntervalS * 1000L;
        }

        private void Measure(long[] app)
        {
            // Sensors and divider draw only while measuring: their switches are off again whatever happens here.
            Switch(_hardware.SensorRail, true);
            Switch(_hardware.BatteryDivider, true);
            try
            {
                Clock.Delay(SensorRailSettleMs);
                MeasurePowered(app);
            }
            finally
            {
                Switch(_hardware.BatteryDivider, false);
                Switch(_hardware.SensorRail, false);
            }
        }

        private static void Switch(Hardware.ISwitch load, bool on)
        {
            if (load != null)
            {
                load.Set(on);
            }
        }

        private void MeasurePowered(long[] app)
        {
            double celsius = double.NaN;
            double humidity;
            if (_hardware.Climate != null && !_hardware.Climate.TryRead(out celsius, out humidity))
            {
                celsius = double.NaN;
            }

            _reading.Temperature = celsius;
            _reading.Battery = Context.Power.BatteryVolts;
            _reading.Status = BinStatus.Ok;
            if (_hardware.Tilt != null && _hardware.Tilt.IsHigh)
            {
                _reading.Status = BinStatus.Dropped;
            }
            else if (_hardware.Lid != null && _hardware.Lid.IsHigh)
            {
                _reading.Status = BinStatus.LidOpen;
            }

            _estimator.ReportedLevel = app[SlotHysteresis] < 0 ? double.NaN : app[SlotHysteresis] / 10000.0;
            _estimator.Begin();
            if (_reading.Status == BinStatus.Ok)
            {
                for (int i = 0; i < Pings; i++)
                {
                    int distance;
                    bool echoed = _hardware.Range.TryMeasure(out distance);
                    _estimator.AddSample(echoed, distance);
                    Clock.Delay(PingGapMs);
                }
            }

            // With the lid open or the bin on its side the sensor looks at the sky or the street: no level.
            _estimator.Evaluate(celsius, _hardware.Range.IsAcoustic, _hardware.Range.AssumedSpeedOfSound);
            if (_reading.Status != BinStatus.Ok)
            {
                _reading.Echo = EchoStatus.Unstable;
                _reading.FillingLevel = double.NaN;
                _reading.DistanceMm = Absent.Int;
                return;
            }

            _reading.Echo = _estimator.Echo;
            _reading.FillingLevel = _estimator.Level;
            _reading.DistanceMm = _estimator.DistanceMm;
            if (_estimator.Echo != EchoStatus.Ok)
            {
                _reading.Status = BinStatus.Unknown;
            }

            app[SlotHysteresis] = double.IsNaN(_estimator.ReportedLevel) ? -1 : ToUnits(_estimator.ReportedLevel);
        }

        private bool IsMeaningful(long[] app)
        {
            long last = app[SlotLastPublished];
            if (last == NothingPublished || _estimator.Emptied || _reading.Status != BinStatus.Ok)
            {
                return true;
            }

            bool hasLevel = _reading.Echo == EchoStatus.Ok;
            if (hasLevel != (last >= 0))
            {
                return true;
            }

            if (!hasLevel)
            {
                return false;
            }

            long change = ToUnits(_reading.FillingLevel) - last;
            if (change < 0)
            {
                change = -change;
            }

            return change >= ToUnits(State.Config.FillChangeThreshold);
        }

        private void Drain()
        {
            long start = Clock.UptimeMs;
            while (!Session.Service() && Clock.UptimeMs - start < MaxAwakeMs)
            {
                Context.Power.FeedWatchdog();
                Clock.Delay(20);
            }

            Session.Close();
        }

        private static long ToUnits(double fraction)
        {
            return (long)((fraction * 10000) + 0.5);
        }
    }
}
