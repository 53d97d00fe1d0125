namespace WasteIoT.Firmware.Core.Gnss
{
    /// <summary>One navigation epoch merged from the sentences that share its time (RMC, GGA, GNS, GLL, VTG, GSA).</summary>
    public class GnssFix
    {
        /// <summary>Knots to m/s: 1852 m / 3600 s.</summary>
        public const double KnotsToMetresPerSecond = 1852.0 / 3600.0;

        /// <summary>Knots to km/h.</summary>
        public const double KnotsToKilometresPerHour = 1.852;

        /// <summary>Unix milliseconds UTC.</summary>
        public long Time;

        public double Lat;

        public double Lon;

        /// <summary>Speed over ground in knots as the receiver reports it; NaN when no sentence gave it.</summary>
        public double SpeedKnots = double.NaN;

        /// <summary>Course over ground, degrees true; NaN when unknown.</summary>
        public double Track = double.NaN;

        public double Hdop = double.NaN;

        public double AltitudeMsl = double.NaN;

        public int Satellites = -1;

        /// <summary>GGA fix quality (1 GPS, 2 DGPS, 4 RTK fixed, 5 RTK float, 6 dead reckoning).</summary>
        public int Quality;

        /// <summary>1 no fix, 2 2D, 3 3D (from GSA); 0 when no GSA was seen.</summary>
        public int Mode;

        public double SpeedMetresPerSecond
        {
            get { return SpeedKnots * KnotsToMetresPerSecond; }
        }

        public double SpeedKilometresPerHour
        {
            get { return SpeedKnots * KnotsToKilometresPerHour; }
        }

        public void CopyTo(GnssFix target)
        {
            target.Time = Time;
            target.Lat = Lat;
            target.Lon = Lon;
            target.SpeedKnots = SpeedKnots;
            target.Track = Track;
            target.Hdop = Hdop;
            target.AltitudeMsl = AltitudeMsl;
            target.Satellites = Satellites;
            target.Quality = Quality;
            target.Mode = Mode;
        }

        public void Clear()
        {
            Time = 0;
            Lat = 0;
            Lon = 0;
            SpeedKnots = double.NaN;
            Track = double.NaN;
            Hdop = double.NaN;
            AltitudeMsl = double.NaN;
            Satellites = -1;
            Quality = 0;
            Mode = 0;
        }
    }
}
