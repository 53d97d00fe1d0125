namespace WasteIoT.Firmware.Core.Protocol
{
    /// <summary>
    /// Writes one flat JSON object into a caller-owned buffer, UTF-8, without allocating.
    /// Numbers are written in the contract's canonical form (docs/protocol.md, "Encoding"):
    /// fixed decimals per field with trailing zeros trimmed, so the cloud's serializer writes the same bytes.
    /// </summary>
    public class JsonWriter
    {
        private static readonly long[] PowersOfTen = new long[]
        {
            1L, 10L, 100L, 1000L, 10000L, 100000L, 1000000L, 10000000L, 100000000L, 1000000000L,
        };

        private readonly byte[] _buffer;
        private readonly byte[] _digits = new byte[20];
        private int _position;
        private bool _needsComma;
        private bool _overflowed;

        public JsonWriter(byte[] buffer)
        {
            _buffer = buffer;
        }

        /// <summary>Bytes written so far.</summary>
        public int Length
        {
            get { return _position; }
        }

        /// <summary>True when the buffer was too small; the content is then incomplete and must not be sent.</summary>
        public bool Overflowed
        {
            get { return _overflowed; }
        }

        public byte[] Buffer
        {
            get { return _buffer; }
        }

        public void Reset()
        {
            _position = 0;
            _needsComma = false;
            _overflowed = false;
        }

        public void BeginObject()
        {
            Put((byte)'{');
            _needsComma = false;
        }

        public void EndObject()
        {
            Put((byte)'}');
            _needsComma = true;
        }

        /// <summary>Writes a string property; a null value writes nothing (an absent optional field).</summary>
        public void WriteString(string name, string value)
        {
            if (value == null)
            {
                return;
            }

            WriteName(name);
            WriteQuoted(value);
        }

        public void WriteInteger(string name, long value)
        {
            WriteName(name);
            WriteDigits(value);
        }

        /// <summary>Writes an integer property unless it is <see cref="Absent.Int"/>.</summary>
        public void WriteOptionalInteger(string name, int value)
        {
            if (value == Absent.Int)
            {
                return;
            }

            WriteInteger(name, value);
        }

        public void WriteBool(string name, bool value)
        {
            WriteName(name);
            PutAscii(value ? "true" : "false");
        }

        /// <summary>
        /// Writes <paramref name="value"/> rounded half away from zero to <paramref name="decimals"/> places,
        /// trailing zeros trimmed. NaN means absent and writes nothing.
        /// </summary>
        public void WriteFixed(string name, double value, int decimals)
        {
            if (double.IsNaN(value))
            {
                return;
            }

            WriteName(name);
            WriteFixedValue(value, decimals);
        }

        /// <summary>Writes a UTC timestamp in the contract's form <c>yyyy-MM-ddTHH:mm:ss[.fff]Z</c>.</summary>
        public void WriteTimestamp(string name, long unixMilliseconds)
        {
            WriteName(name);
            Put((byte)'"');
            int year, month, day, hour, minute, second, millisecond;
            Iso8601.Split(unixMilliseconds, out year, out month, out day, out hour, out minute, out second, out millisecond);
            PutPadded(year, 4);
            Put((byte)'-');
            PutPadded(month, 2);
            Put((byte)'-');
            PutPadded(day, 2);
            Put((byte)'T');
            PutPadded(hour, 2);
            Put((byte)':');
            PutPadded(minute, 2);
            Put((byte)':');
            PutPadded(second, 2);
            if (millisecond != 0)
            {
                Put((byte)'.');
                PutPadded(millisecond, 3);
            }

            Put((byte)'Z');
            Put((byte)'"');
        }

        private void WriteName(string name)
        {
            if (_needsComma)
            {
                Put((byte)',');
            }

            Put((byte)'"');
            PutAscii(name);
            Put((byte)'"');
            Put((byte)':');
            _needsComma = true;
        }

        private void WriteFixedValue(double value, int decimals)
        {
            if (decimals < 0)
            {
                decimals = 0;
            }
            else if (decimals >= PowersOfTen.Length)
            {
                decimals = PowersOfTen.Length - 1;
            }

            long scale = PowersOfTen[decimals];
            double scaled = value * scale;
            long units = scaled >= 0 ? (long)(scaled + 0.5) : -(long)(-scaled + 0.5);
            if (units < 0)
            {
                Put((byte)'-');
                units = -units;
            }

            WriteDigits(units / scale);
            long fraction = units % scale;
            if (fraction == 0)
            {
                return;
            }

            int width = decimals;
            while (fraction % 10 == 0)
            {
                fraction /= 10;
                width--;
            }

            Put((byte)'.');
            PutPadded(fraction, width);
        }

        private void WriteDigits(long value)
        {
            if (value < 0)
            {
                Put((byte)'-');
                if (value == long.MinValue)
                {
                    PutAscii("9223372036854775808");
                    return;
                }

                value = -value;
            }

            int count = 0;
            do
            {
                _digits[count++] = (byte)('0' + (int)(value % 10));
                value /= 10;
            }
            while (value != 0);

            while (count > 0)
            {
                Put(_digits[--count]);
            }
        }

        private void PutPadded(long value, int width)
        {
            int count = 0;
            do
            {
                _digits[count++] = (byte)('0' + (int)(value % 10));
                value /= 10;
            }
            while (value != 0);

            while (count < width)
            {
                _digits[count++] = (byte)'0';
            }

            while (count > 0)
            {
                Put(_digits[--count]);
            }
        }

        private void WriteQuoted(string value)
        {
            Put((byte)'"');
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (c == '"' || c == '\\')
                {
                    Put((byte)'\\');
                    Put((byte)c);
                }
                else if (c < 0x20)
                {
                    PutAscii("\\u00");
                    Put(HexDigit(c >> 4));
                    Put(HexDigit(c & 0xF));
                }
                else if (c < 0x80)
                {
                    Put((byte)c);
                }
                else if (c < 0x800)
                {
                    Put((byte)(0xC0 | (c >> 6)));
                    Put((byte)(0x80 | (c & 0x3F)));
                }
                else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < value.Length && value[i + 1] >= 0xDC00 && value[i + 1] <= 0xDFFF)
                {
                    int codePoint = 0x10000 + ((c - 0xD800) << 10) + (value[i + 1] - 0xDC00);
                    i++;
                    Put((byte)(0xF0 | (codePoint >> 18)));
                    Put((byte)(0x80 | ((codePoint >> 12) & 0x3F)));
                    Put((byte)(0x80 | ((codePoint >> 6) & 0x3F)));
                    Put((byte)(0x80 | (codePoint & 0x3F)));
                }
                else if (c >= 0xD800 && c <= 0xDFFF)
                {
                    // A lone surrogate cannot be encoded as UTF-8; U+FFFD keeps the JSON valid.
                    Put(0xEF);
                    Put(0xBF);
                    Put(0xBD);
                }
                else
                {
                    Put((byte)(0xE0 | (c >> 12)));
                    Put((byte)(0x80 | ((c >> 6) & 0x3F)));
                    Put((byte)(0x80 | (c & 0x3F)));
                }
            }

            Put((byte)'"');
        }

        private static byte HexDigit(int value)
        {
            return (byte)(value < 10 ? '0' + value : 'a' + value - 10);
        }

        private void PutAscii(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                Put((byte)text[i]);
            }
        }

        private void Put(byte value)
        {
            if (_position >= _buffer.Length)
            {
                _overflowed = true;
                return;
            }

            _buffer[_position++] = value;
        }
    }
}
