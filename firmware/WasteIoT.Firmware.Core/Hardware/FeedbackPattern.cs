namespace WasteIoT.Firmware.Core.Hardware
{
    /// <summary>Local feedback patterns, each one distinct by ear as well as by eye (a truck cab is loud).</summary>
    public static class FeedbackPattern
    {
        /// <summary>Tag read, waiting for the gateway: one short beep, amber.</summary>
        public const int Read = 1;

        /// <summary>Accepted: green, one short beep.</summary>
        public const int Accepted = 2;

        /// <summary>Already scanned: green blink, two short beeps.</summary>
        public const int Duplicate = 3;

        /// <summary>Not on today's route: red, one long beep.</summary>
        public const int NotOnRoute = 4;

        /// <summary>Unknown tag: red blink, three beeps.</summary>
        public const int UnknownTag = 5;

        /// <summary>No answer from the gateway: amber stays on; the scan is stored and sent later.</summary>
        public const int Unconfirmed = 6;

        /// <summary>Cleaner checked in: green, one beep.</summary>
        public const int CheckedIn = 7;

        /// <summary>Cleaner checked out after a full visit: green, two beeps.</summary>
        public const int CheckedOut = 8;

        /// <summary>Checked out before the minimum dwell: red, long beep.</summary>
        public const int ShortVisit = 9;

        /// <summary>Cargo cover open while driving: red flashing, continuous beeps.</summary>
        public const int CoverAlarm = 10;

        public const int Off = 0;
    }
}
