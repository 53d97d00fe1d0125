namespace WasteIoT.Firmware.Core.Truck
{
    /// <summary>
    /// A switch's state is accepted only after it held for <see cref="StableMs"/>: a tarp flapping on a
    /// bumpy road makes a reed switch chatter, and each chatter must not become a cover event.
    /// </summary>
    public class SwitchDebouncer
    {
        private bool _stable;
        private bool _candidate;
        private long _candidateSince;
        private bool _initialized;

        public long StableMs = 1000;

        public bool State
        {
            get { return _stable; }
        }

        /// <summary>Samples the raw switch.</summary>
        /// <returns>True when the debounced state changed.</returns>
        public bool Update(bool raw, long nowMs)
        {
            if (!_initialized)
            {
                _initialized = true;
                _stable = raw;
                _candidate = raw;
                _candidateSince = nowMs;
                return false;
            }

            if (raw != _candidate)
            {
                _candidate = raw;
                _candidateSince = nowMs;
                return false;
            }

            if (_candidate != _stable && nowMs - _candidateSince >= StableMs)
            {
                _stable = _candidate;
                return true;
            }

            return false;
        }
    }
}
