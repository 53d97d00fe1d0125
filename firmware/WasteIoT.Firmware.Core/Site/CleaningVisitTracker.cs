using WasteIoT.Firmware.Core.Hardware;
using WasteIoT.Firmware.Core.Protocol;

namespace WasteIoT.Firmware.Core.Site
{
    /// <summary>
    /// The cleaner's badge at a toilet's reader: the first scan checks in, the same badge again checks out.
    /// A second read of the same badge within <see cref="RescanGuardMs"/> of checking in is the same tap
    /// and ignored. Another badge while a visit is open means the first cleaner left without checking
    /// out: that visit closes as a timeout and the new one starts. A visit open longer than
    /// <see cref="MaxVisitMs"/> closes as a timeout. The node only reports; the cloud decides which
    /// visits were cleanings.
    /// </summary>
    public class CleaningVisitTracker
    {
        private readonly VisitChange _first = new VisitChange();
        private readonly VisitChange _second = new VisitChange();
        private string _openBadge;
        private long _openedAt;

        public long RescanGuardMs = 10000;

        public long MaxVisitMs = 2L * 3600 * 1000;

        /// <summary>Minimum dwell for a cleaning (from the config); a shorter visit gets the warning feedback.</summary>
        public long MinDwellMs = 300000;

        public VisitChange First
        {
            get { return _first; }
        }

        public VisitChange Second
        {
            get { return _second; }
        }

        /// <summary>The badge of the open visit, or null.</summary>
        public string OpenBadge
        {
            get { return _openBadge; }
        }

        /// <summary>A badge was read.</summary>
        /// <returns>How many changes (0..2) are in <see cref="First"/> and <see cref="Second"/>.</returns>
        public int OnBadge(string badge, long nowMs)
        {
            if (_openBadge == null)
            {
                Open(badge, nowMs);
                _first.Set(BadgeAction.CheckIn, badge, Absent.Int, FeedbackPattern.CheckedIn);
                return 1;
            }

            long dwell = nowMs - _openedAt;
            if (badge == _openBadge)
            {
                if (dwell < RescanGuardMs)
                {
                    return 0;
                }

                _first.Set(BadgeAction.CheckOut, badge, Seconds(dwell), dwell < MinDwellMs ? FeedbackPattern.ShortVisit : FeedbackPattern.CheckedOut);
                _openBadge = null;
                return 1;
            }

            _first.Set(BadgeAction.Timeout, _openBadge, Seconds(dwell), FeedbackPattern.Off);
            Open(badge, nowMs);
            _second.Set(BadgeAction.CheckIn, badge, Absent.Int, FeedbackPattern.CheckedIn);
            return 2;
        }

        /// <summary>Closes a visit left open too long.</summary>
        /// <returns>1 with the timeout in <see cref="First"/>, or 0.</returns>
        public int Poll(long nowMs)
        {
            if (_openBadge == null || nowMs - _openedAt < MaxVisitMs)
            {
                return 0;
            }

            _first.Set(BadgeAction.Timeout, _openBadge, Seconds(nowMs - _openedAt), FeedbackPattern.Off);
            _openBadge = null;
            return 1;
        }

        private void Open(string badge, long nowMs)
        {
            _openBadge = badge;
            _openedAt = nowMs;
        }

        private static int Seconds(long milliseconds)
        {
            return (int)(milliseconds / 1000);
        }
    }
}
