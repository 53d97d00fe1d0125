namespace WasteIoT.Firmware.Core.Gnss
{
    /// <summary>
    /// Decides which fixes become <c>pos</c> messages. Moving: one a second, and at once on a sharp turn
    /// so a replayed route follows the streets. Parked: one every 30 s at the position where the truck
    /// stopped, so GNSS jitter (often metres with hdop above 2) never draws a spider on the map or looks
    /// like driving; a parked truck that creeps further than <see cref="ParkedRadiusM"/> moves its anchor.
    /// </summary>
    public class PositionReporter
    {
        private long _lastReportAt = long.MinValue;
        private double _lastHeading = double.NaN;
        private bool _moving;
        private bool _hasAnchor;
        private double _anchorLat;
        private double _anchorLon;

        public double MovingSpeedKmh = 5;

        public long MovingIntervalMs = 1000;

        public long ParkedIntervalMs = 30000;

        public double SharpTurnDegrees = 30;

        public double ParkedRadiusM = 25;

        /// <summary>Result of <see cref="Consider"/>: latitude to report (the anchor when parked).</summary>
        public double Lat;

        public double Lon;

        /// <summary>Result: speed to report, km/h (0 when parked).</summary>
        public double SpeedKmh;

        public bool IsMoving
        {
            get { return _moving; }
        }

        /// <returns>True when this fix should be published; the values to send are in the result fields.</returns>
        public bool Consider(GnssFix fix)
        {
            double speed = double.IsNaN(fix.SpeedKnots) ? 0 : fix.SpeedKilometresPerHour;
            bool moving = speed >= MovingSpeedKmh;
            bool startedOrStopped = moving != _moving;
            _moving = moving;
            long since = _lastReportAt == long.MinValue ? long.MaxValue : fix.Time - _lastReportAt;

            if (moving)
            {
                _hasAnchor = false;
                bool turned = !double.IsNaN(fix.Track) && !double.IsNaN(_lastHeading)
                    && GeoMath.HeadingChange(_lastHeading, fix.Track) >= SharpTurnDegrees;
                if (!(startedOrStopped || turned || since >= MovingIntervalMs))
                {
                    return false;
                }

                Lat = fix.Lat;
                Lon = fix.Lon;
                SpeedKmh = speed;
                _lastHeading = fix.Track;
                _lastReportAt = fix.Time;
                return true;
            }

            bool drifted = _hasAnchor
                && GeoMath.DistanceSquared(_anchorLat, _anchorLon, fix.Lat, fix.Lon) > ParkedRadiusM * ParkedRadiusM;
            if (!_hasAnchor || drifted)
            {
                _hasAnchor = true;
                _anchorLat = fix.Lat;
                _anchorLon = fix.Lon;
            }

            if (!(startedOrStopped || drifted || since >= ParkedIntervalMs))
            {
                return false;
            }

            Lat = _anchorLat;
            Lon = _anchorLon;
            SpeedKmh = 0;
            _lastReportAt = fix.Time;
            return true;
        }
    }
}
