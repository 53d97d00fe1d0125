namespace WasteIoT.Firmware.Core.Storage
{
    /// <summary>CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320), the one zlib and Ethernet use.</summary>
    public static class Crc32
    {
        private static readonly uint[] Table = BuildTable();

        public const uint Seed = 0xFFFFFFFF;

        public static uint Compute(byte[] data, int offset, int count)
        {
            return Finish(Update(Seed, data, offset, count));
        }

        public static uint Update(uint crc, byte[] data, int offset, int count)
        {
            for (int i = offset; i < offset + count; i++)
            {
                crc = Table[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
            }

            return crc;
        }

        public static uint Finish(uint crc)
        {
            return crc ^ 0xFFFFFFFF;
        }

        private static uint[] BuildTable()
        {
            uint[] table = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int k = 0; k < 8; k++)
                {
                    c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
                }

                table[n] = c;
            }

            return table;
        }
    }
}
