namespace WasteIoT.Firmware.Core.Truck
{
    /// <summary>
    /// A tag stays in the reader's field for a while and bins are tipped twice: the same tag within the
    /// window is one pickup scan. Remembers the last <c>capacity</c> tags in a fixed ring.
    /// </summary>
    public class ScanDebouncer
    {
        private readonly string[] _tags;
        private readonly long[] _seenAt;
        private int _next;

        public ScanDebouncer(int capacity)
        {
            _tags = new string[capacity];
            _seenAt = new long[capacity];
        }

        public long WindowMs = 30000;

        /// <summary>Repeats suppressed so far.</summary>
        public int Suppressed;

        /// <returns>True when this read is a new pickup scan.</returns>
        public bool Accept(string tag, long nowMs)
        {
            for (int i = 0; i < _tags.Length; i++)
            {
                if (_tags[i] == tag)
                {
                    bool repeat = nowMs - _seenAt[i] < WindowMs;
                    _seenAt[i] = nowMs;
                    if (repeat)
                    {
                        Suppressed++;
                        return false;
                    }

                    return true;
                }
            }

            _tags[_next] = tag;
            _seenAt[_next] = nowMs;
            _next = (_next + 1) % _tags.Length;
            return true;
        }
    }
}
