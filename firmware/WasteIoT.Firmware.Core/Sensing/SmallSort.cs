namespace WasteIoT.Firmware.Core.Sensing
{
    /// <summary>In-place helpers for the few values a measurement or a directory listing holds (no allocation, no LINQ).</summary>
    public static class SmallSort
    {
        public static void Sort(int[] values, int count)
        {
            for (int i = 1; i < count; i++)
            {
                int v = values[i];
                int j = i - 1;
                while (j >= 0 && values[j] > v)
                {
                    values[j + 1] = values[j];
                    j--;
                }

                values[j + 1] = v;
            }
        }

        public static void Sort(double[] values, int count)
        {
            for (int i = 1; i < count; i++)
            {
                double v = values[i];
                int j = i - 1;
                while (j >= 0 && values[j] > v)
                {
                    values[j + 1] = values[j];
                    j--;
                }

                values[j + 1] = v;
            }
        }

        /// <summary>Median of the first <paramref name="count"/> values, which must be sorted.</summary>
        public static double MedianOfSorted(double[] sorted, int count)
        {
            if (count == 0)
            {
                return double.NaN;
            }

            int mid = count / 2;
            return (count % 2) == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        }

        public static double Abs(double value)
        {
            return value < 0 ? -value : value;
        }
    }
}
