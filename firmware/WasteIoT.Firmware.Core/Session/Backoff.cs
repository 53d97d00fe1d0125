namespace WasteIoT.Firmware.Core.Session
{
    /// <summary>
    /// Exponential backoff with jitter for reconnecting: the delay doubles per failure up to a cap and is
    /// drawn from its upper half, so a fleet that lost its gateway at the same moment does not come back
    /// in lockstep.
    /// </summary>
    public class Backoff
    {
        private readonly System.Random _random;
        private int _failures;

        public Backoff(System.Random random)
        {
            _random = random;
        }

        public long BaseMs = 1000;

        public long MaxMs = 300000;

        public int Failures
        {
            get { return _failures; }
        }

        /// <summary>Records a failure.</summary>
        /// <returns>How long to wait before the next attempt, ms.</returns>
        public long Fail()
        {
            long delay = BaseMs;
            for (int i = 0; i < _failures && delay < MaxMs; i++)
            {
                delay *= 2;
            }

            if (delay > MaxMs)
            {
                delay = MaxMs;
            }

            _failures++;
            long half = delay / 2;
            return half + (long)(_random.NextDouble() * (delay - half));
        }

        public void Succeed()
        {
            _failures = 0;
        }
    }
}
