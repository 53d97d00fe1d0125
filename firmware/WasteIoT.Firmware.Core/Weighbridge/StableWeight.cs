namespace WasteIoT.Firmware.Core.Weighbridge
{
    /// <summary>
    /// Whether the platform has settled: for <c>holdMs</c> every reading within ±1 division of one value (OIML R 76's
    /// stability criterion as indicators apply it — a truck rocking on its springs moves by more). The settled weight is
    /// the window's mean rounded to the division, so a last-digit flicker (15,220 / 15,240 / 15,260) reads 15,240.
    /// </summary>
    public class StableWeight
    {
        private readonly int _divisionKg;
        private readonly long _holdMs;
        private int _min;
        private int _max;
        private long _sum;
        private int _count;
        private long _since = -1;

        public StableWeight(int divisionKg, long holdMs)
        {
            _divisionKg = divisionKg;
            _holdMs = holdMs;
        }

        public bool Stable;

        public int WeightKg;

        public void Feed(long ms, int kg)
        {
            int min = kg < _min ? kg : _min;
            int max = kg > _max ? kg : _max;
            if (_since < 0 || max - min > 2 * _divisionKg)
            {
                _min = kg;
                _max = kg;
                _sum = kg;
                _count = 1;
                _since = ms;
                Stable = false;
                return;
            }

            _min = min;
            _max = max;
            _sum += kg;
            _count++;
            Stable = ms - _since >= _holdMs;
            WeightKg = Round(_sum, _count);
        }

        /// <summary>The mean to the nearest division, half away from zero, without System.Math.</summary>
        private int Round(long sum, int count)
        {
            long step = (long)_divisionKg * count;
            long doubled = (2 * sum) + (sum >= 0 ? step : -step);
            return (int)(doubled / (2 * step) * _divisionKg);
        }
    }
}
