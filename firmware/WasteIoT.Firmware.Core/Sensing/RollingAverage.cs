namespace WasteIoT.Firmware.Core.Sensing
{
    /// <summary>Mean of the last N values in a fixed window; NaN values are skipped.</summary>
    public class RollingAverage
    {
        private readonly double[] _window;
        private int _next;
        private int _count;
        private double _sum;

        public RollingAverage(int size)
        {
            _window = new double[size];
        }

        public int Count
        {
            get { return _count; }
        }

        public double Value
        {
            get { return _count == 0 ? double.NaN : _sum / _count; }
        }

        public void Add(double value)
        {
            if (double.IsNaN(value))
            {
                return;
            }

            if (_count == _window.Length)
            {
                _sum -= _window[_next];
            }
            else
            {
                _count++;
            }

            _window[_next] = value;
            _sum += value;
            _next = (_next + 1) % _window.Length;
        }

        public void Clear()
        {
            _next = 0;
            _count = 0;
            _sum = 0;
        }
    }
}
