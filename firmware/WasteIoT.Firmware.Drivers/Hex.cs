namespace WasteIoT.Firmware.Drivers
{
    /// <summary>Upper-case hex without separators (BitConverter adds dashes and nanoFramework has no string.Replace).</summary>
    public static class Hex
    {
        private const string Digits = "0123456789ABCDEF";

        public static string Upper(byte[] bytes)
        {
            char[] chars = new char[bytes.Length * 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                chars[2 * i] = Digits[bytes[i] >> 4];
                chars[(2 * i) + 1] = Digits[bytes[i] & 0xF];
            }

            return new string(chars);
        }
    }
}
