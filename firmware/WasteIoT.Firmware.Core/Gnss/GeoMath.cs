namespace WasteIoT.Firmware.Core.Gnss
{
    /// <summary>
    /// The little trigonometry the truck node needs, without System.Math (not in nanoFramework's mscorlib).
    /// Distances use the equirectangular approximation: within 0.1 % below a few kilometres.
    /// </summary>
    public static class GeoMath
    {
        public const double Pi = 3.14159265358979323846;

        /// <summary>WGS-84 mean Earth radius, m.</summary>
        public const double EarthRadius = 6371008.8;

        /// <summary>Cosine by range reduction to [0, π/2] and a Taylor series (error below 1e-9).</summary>
        public static double Cos(double radians)
        {
            double x = radians;
            if (x < 0)
            {
                x = -x;
            }

            double twoPi = 2 * Pi;
            if (x >= twoPi)
            {
                x -= (long)(x / twoPi) * twoPi;
            }

            if (x > Pi)
            {
                x = twoPi - x;
            }

            double sign = 1;
            if (x > Pi / 2)
            {
                x = Pi - x;
                sign = -1;
            }

            double x2 = x * x;
            double term = 1;
            double sum = 1;
            for (int n = 1; n <= 9; n++)
            {
                term *= -x2 / ((2 * n - 1) * (2 * n));
                sum += term;
            }

            return sign * sum;
        }

        /// <summary>Squared distance in m² between two WGS-84 points close to each other.</summary>
        public static double DistanceSquared(double lat1, double lon1, double lat2, double lon2)
        {
            double toRadians = Pi / 180;
            double dLat = (lat2 - lat1) * toRadians;
            double dLon = (lon2 - lon1) * toRadians * Cos((lat1 + lat2) / 2 * toRadians);
            return ((dLat * dLat) + (dLon * dLon)) * EarthRadius * EarthRadius;
        }

        /// <summary>Smallest difference between two headings, 0..180 degrees.</summary>
        public static double HeadingChange(double from, double to)
        {
            double d = to - from;
            while (d > 180)
            {
                d -= 360;
            }

            while (d < -180)
            {
                d += 360;
            }

            return d < 0 ? -d : d;
        }
    }
}
