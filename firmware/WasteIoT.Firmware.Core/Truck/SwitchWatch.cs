using WasteIoT.Firmware.Core.Hardware;

namespace WasteIoT.Firmware.Core.Truck
{
    /// <summary>
    /// A debounced input whose changes are news: the cargo cover, a sweeper's brushes, a sprinkler's pump, a fog
    /// cannon, a muck truck's tipper. The first state after boot is news too — the cloud must know how the trip or
    /// the shift started.
    /// </summary>
    public class SwitchWatch
    {
        private readonly SwitchDebouncer _debouncer = new SwitchDebouncer();
        private readonly IDigitalInput _input;
        private bool _known;

        public SwitchWatch(IDigitalInput input)
        {
            _input = input;
        }

        /// <summary>The debounced state (high: open, on, raised).</summary>
        public bool State
        {
            get { return _debouncer.State; }
        }

        /// <summary>Whether the input has been read since boot.</summary>
        public bool Known
        {
            get { return _known; }
        }

        /// <summary>Samples the input.</summary>
        /// <returns>True when the state is to be sent: it changed, or it is the first since boot.</returns>
        public bool Poll(long uptimeMs)
        {
            bool changed = _debouncer.Update(_input.IsHigh, uptimeMs);
            if (!_known)
            {
                _known = true;
                return true;
            }

            return changed;
        }
    }
}
