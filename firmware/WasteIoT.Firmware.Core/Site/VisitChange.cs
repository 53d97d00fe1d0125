namespace WasteIoT.Firmware.Core.Site
{
    /// <summary>One badge event the site node must publish, and the feedback to show.</summary>
    public class VisitChange
    {
        /// <summary>A <see cref="Protocol.BadgeAction"/> value.</summary>
        public string Action;

        public string Badge;

        /// <summary>Seconds since check-in on checkOut and timeout; <see cref="Protocol.Absent.Int"/> on checkIn.</summary>
        public int DwellS;

        /// <summary>A <see cref="Hardware.FeedbackPattern"/> value.</summary>
        public int Feedback;

        internal void Set(string action, string badge, int dwellS, int feedback)
        {
            Action = action;
            Badge = badge;
            DwellS = dwellS;
            Feedback = feedback;
        }
    }
}
