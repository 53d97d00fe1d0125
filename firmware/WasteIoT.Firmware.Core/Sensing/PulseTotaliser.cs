namespace WasteIoT.Firmware.Core.Sensing
{
    /// <summary>
    /// Counts a flow meter's pulse output (one pulse per <c>litresPerPulse</c>) from a digital input sampled every node
    /// tick: a rising edge held for <see cref="MinHighMs"/> is one pulse. A DTRO of 300 m³/day at 10 L a pulse gives one
    /// pulse every 2.9 s, and reed or open-collector outputs hold each pulse 50 ms or more, so a 100–200 ms tick sees
    /// every one of them held over two samples at least when the meter's pulse width is set to 250 ms or more.
    /// </summary>
    public class PulseTotaliser
    {
        public const long MinHighMs = 20;

        private readonly double _litresPerPulse;
        private bool _high;
        private bool _counted;
        private long _since;

        public PulseTotaliser(double litresPerPulse)
        {
            _litresPerPulse = litresPerPulse;
        }

        public long Pulses;

        public double TotalM3
        {
            get { return Pulses * _litresPerPulse / 1000.0; }
        }

        public void Sample(bool high, long ms)
        {
            if (high && !_high)
            {
                _since = ms;
                _counted = false;
            }

            _high = high;
            if (high && !_counted && ms - _since >= MinHighMs)
            {
                Pulses++;
                _counted = true;
            }
        }
    }
}
