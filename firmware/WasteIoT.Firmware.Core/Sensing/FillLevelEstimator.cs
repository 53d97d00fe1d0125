using WasteIoT.Firmware.Core.Protocol;

namespace WasteIoT.Firmware.Core.Sensing
{
    /// <summary>
    /// Turns a burst of pings into one fill level: compensates the speed of sound for temperature,
    /// drops lost echoes and out-of-range distances, takes the median and rejects outliers by their
    /// median absolute deviation (a late echo of the previous ping reads short, a reflection off a slanted
    /// bag reads long), then applies the bin's calibration and hysteresis. A measurement with too few
    /// agreeing samples is reported as an echo status, never as a level.
    /// </summary>
    public class FillLevelEstimator
    {
        /// <summary>Speed of sound in dry air at 0 °C, m/s; it rises by about 0.606 m/s per °C.</summary>
        public const double SpeedOfSoundAtZero = 331.3;

        public const double SpeedOfSoundPerDegree = 0.606;

        private readonly FillLevelCalibration _calibration;
        private readonly double[] _samples;
        private readonly double[] _work;
        private int _count;
        private int _attempts;
        private double _reported = double.NaN;

        public FillLevelEstimator(FillLevelCalibration calibration, int maxSamples)
        {
            _calibration = calibration;
            _samples = new double[maxSamples];
            _work = new double[maxSamples];
        }

        /// <summary>Result: <see cref="EchoStatus"/> of the last evaluation.</summary>
        public string Echo = EchoStatus.Lost;

        /// <summary>Result: the reported level (after hysteresis), 0..1; NaN unless <see cref="Echo"/> is ok.</summary>
        public double Level = double.NaN;

        /// <summary>Result: compensated distance, mm; <see cref="Absent.Int"/> unless <see cref="Echo"/> is ok.</summary>
        public int DistanceMm = Absent.Int;

        /// <summary>Result: the level fell like a bin being emptied.</summary>
        public bool Emptied;

        /// <summary>Result: samples that agreed with the median.</summary>
        public int Agreeing;

        /// <summary>The level last reported (hysteresis state); restored after deep sleep.</summary>
        public double ReportedLevel
        {
            get { return _reported; }
            set { _reported = value; }
        }

        public void Begin()
        {
            _count = 0;
            _attempts = 0;
        }

        /// <summary>Adds one ping: <paramref name="echoed"/> false means no echo came back.</summary>
        public void AddSample(bool echoed, int distanceMm)
        {
            _attempts++;
            if (echoed && distanceMm > 0 && _count < _samples.Length)
            {
                _samples[_count++] = distanceMm;
            }
        }

        /// <param name="celsius">Air temperature in the bin, NaN when unknown (no compensation then).</param>
        /// <param name="acoustic">True for an ultrasonic sensor.</param>
        /// <param name="assumedSpeed">The speed of sound the driver used, m/s.</param>
        public void Evaluate(double celsius, bool acoustic, double assumedSpeed)
        {
            Emptied = false;
            Level = double.NaN;
            DistanceMm = Absent.Int;
            Agreeing = 0;
            if (_attempts == 0 || _count == 0)
            {
                Echo = EchoStatus.Lost;
                return;
            }

            double factor = 1;
            if (acoustic && !double.IsNaN(celsius) && assumedSpeed > 0)
            {
                factor = (SpeedOfSoundAtZero + (SpeedOfSoundPerDegree * celsius)) / assumedSpeed;
            }

            int limit = _calibration.BinDepthMm + _calibration.BeyondFloorToleranceMm;
            int inRange = 0;
            for (int i = 0; i < _count; i++)
            {
                double d = _samples[i] * factor;
                if (d <= limit)
                {
                    _work[inRange++] = d;
                }
            }

            if (inRange == 0)
            {
                Echo = EchoStatus.OutOfRange;
                return;
            }

            SmallSort.Sort(_work, inRange);
            double median = SmallSort.MedianOfSorted(_work, inRange);
            double tolerance = Tolerance(median, inRange);

            double sum = 0;
            for (int i = 0; i < inRange; i++)
            {
                if (SmallSort.Abs(_work[i] - median) <= tolerance)
                {
                    sum += _work[i];
                    Agreeing++;
                }
            }

            // Agreement is judged against every ping tried: a lost echo is a vote against the measurement.
            if (Agreeing < _calibration.MinAgreement * _attempts)
            {
                Echo = inRange < _calibration.MinAgreement * _attempts && inRange < _count ? EchoStatus.OutOfRange : EchoStatus.Unstable;
                return;
            }

            double distance = sum / Agreeing;
            Echo = EchoStatus.Ok;
            DistanceMm = (int)(distance + 0.5);
            double usable = _calibration.BinDepthMm - _calibration.DeadZoneMm;
            double level = (_calibration.BinDepthMm - distance) / usable;
            if (level < 0)
            {
                level = 0;
            }
            else if (level > 1)
            {
                level = 1;
            }

            ApplyHysteresis(level);
        }

        private double Tolerance(double median, int count)
        {
            // 1.4826 × MAD estimates the standard deviation of normal noise; 3 σ keeps honest scatter.
            for (int i = 0; i < count; i++)
            {
                _samples[i] = SmallSort.Abs(_work[i] - median);
            }

            SmallSort.Sort(_samples, count);
            double mad = SmallSort.MedianOfSorted(_samples, count);
            double tolerance = 3 * 1.4826 * mad;
            if (tolerance > _calibration.MaxToleranceMm)
            {
                return _calibration.MaxToleranceMm;
            }

            return tolerance < _calibration.MinToleranceMm ? _calibration.MinToleranceMm : tolerance;
        }

        private void ApplyHysteresis(double level)
        {
            double previous = _reported;
            if (double.IsNaN(previous) || SmallSort.Abs(level - previous) >= _calibration.Hysteresis || level == 0 || level == 1)
            {
                _reported = level;
            }

            Level = _reported;
            Emptied = !double.IsNaN(previous) && previous >= _calibration.EmptyingMinLevel && previous - _reported >= _calibration.EmptyingDrop;
        }
    }
}
