namespace WasteIoT.Firmware.Core.Weighbridge
{
    /// <summary>An indicator's displayed number to kilograms, without System.Math (not in nanoFramework's mscorlib).</summary>
    public static class IndicatorUnits
    {
        /// <summary>
        /// <paramref name="digits"/> with <paramref name="decimals"/> decimal places in units of <paramref name="kgPerUnit"/>
        /// kg (1 for kg, 1000 for t), rounded half away from zero to the kilogram.
        /// </summary>
        public static int ToKg(long digits, int decimals, int kgPerUnit)
        {
            long scale = 1;
            for (int i = 0; i < decimals; i++)
            {
                scale *= 10;
            }

            long scaled = digits * kgPerUnit;
            long whole = scaled / scale;
            long rest = scaled % scale;
            if (rest * 2 >= scale)
            {
                whole++;
            }
            else if (rest * 2 <= -scale)
            {
                whole--;
            }

            return (int)whole;
        }
    }
}
