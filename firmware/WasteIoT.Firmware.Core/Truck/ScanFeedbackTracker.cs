using WasteIoT.Firmware.Core.Hardware;
using WasteIoT.Firmware.Core.Protocol;

namespace WasteIoT.Firmware.Core.Truck
{
    /// <summary>
    /// Turns the gateway's answers to pickup scans into feedback for the crew, and tells them when no
    /// answer came (the scan is stored all the same and counted when it reaches the cloud).
    /// </summary>
    public class ScanFeedbackTracker
    {
        private readonly long[] _seqs;
        private readonly long[] _sentAt;
        private int _next;

        public ScanFeedbackTracker(int capacity)
        {
            _seqs = new long[capacity];
            _sentAt = new long[capacity];
            for (int i = 0; i < capacity; i++)
            {
                _seqs[i] = -1;
            }
        }

        /// <summary>How long the crew waits for the gateway before being told the scan is unconfirmed.</summary>
        public long AnswerTimeoutMs = 2000;

        public void Sent(long seq, long nowMs)
        {
            _seqs[_next] = seq;
            _sentAt[_next] = nowMs;
            _next = (_next + 1) % _seqs.Length;
        }

        /// <returns>The pattern to show for an answer, or <see cref="FeedbackPattern.Off"/> for an answer to a scan not awaited.</returns>
        public int Answered(ScanFeedback answer)
        {
            for (int i = 0; i < _seqs.Length; i++)
            {
                if (_seqs[i] == answer.Seq)
                {
                    _seqs[i] = -1;
                    return PatternOf(answer.Outcome);
                }
            }

            return FeedbackPattern.Off;
        }

        /// <returns><see cref="FeedbackPattern.Unconfirmed"/> once for each scan whose answer is overdue.</returns>
        public int Poll(long nowMs)
        {
            int pattern = FeedbackPattern.Off;
            for (int i = 0; i < _seqs.Length; i++)
            {
                if (_seqs[i] >= 0 && nowMs - _sentAt[i] >= AnswerTimeoutMs)
                {
                    _seqs[i] = -1;
                    pattern = FeedbackPattern.Unconfirmed;
                }
            }

            return pattern;
        }

        private static int PatternOf(string outcome)
        {
            if (outcome == ScanOutcome.Accepted)
            {
                return FeedbackPattern.Accepted;
            }

            if (outcome == ScanOutcome.Duplicate)
            {
                return FeedbackPattern.Duplicate;
            }

            return outcome == ScanOutcome.NotOnRoute ? FeedbackPattern.NotOnRoute : FeedbackPattern.UnknownTag;
        }
    }
}
