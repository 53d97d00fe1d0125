using System.Threading;

namespace WasteIoT.Firmware.Core.Session
{
    /// <summary>
    /// Runs a mains node's <see cref="GatewaySession"/> on a thread of its own, so that connecting (Wi-Fi association,
    /// the MQTT connect timeout) and publishing never hold up the sensing loop: scans, badges and NMEA keep being read
    /// and stored while the gateway is unreachable. The loop never ends on an error; the watchdog covers hangs.
    /// </summary>
    public class GatewayWorker
    {
        /// <summary>Pause between passes while there is something to send, ms.</summary>
        public const int BusyPauseMs = 20;

        /// <summary>Pause between passes with nothing to send, ms.</summary>
        public const int IdlePauseMs = 200;

        private readonly GatewaySession _session;
        private Thread _thread;
        private bool _stopping;
        private int _passes;
        private int _failures;

        public GatewayWorker(GatewaySession session)
        {
            _session = session;
        }

        /// <summary>Passes over the session so far (for watchdog and tests).</summary>
        public int Passes
        {
            get { return _passes; }
        }

        /// <summary>Passes that ended in an exception (counted, never fatal).</summary>
        public int Failures
        {
            get { return _failures; }
        }

        public void Start()
        {
            _stopping = false;
            _thread = new Thread(Run);
            _thread.Start();
        }

        /// <summary>Asks the thread to stop after its current pass (which may be a blocked connect).</summary>
        public void Stop()
        {
            _stopping = true;
        }

        private void Run()
        {
            while (!_stopping)
            {
                bool idle = false;
                try
                {
                    idle = _session.Service();
                }
                catch (System.Exception)
                {
                    // A transport throwing must not end the uplink: try again on the next pass.
                    Interlocked.Increment(ref _failures);
                }

                Interlocked.Increment(ref _passes);
                Thread.Sleep(idle ? IdlePauseMs : BusyPauseMs);
            }
        }
    }
}
