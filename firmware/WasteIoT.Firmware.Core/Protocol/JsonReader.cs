namespace WasteIoT.Firmware.Core.Protocol
{
    /// <summary>
    /// A strict RFC 8259 parser for one flat JSON object in a UTF-8 buffer. Garbage, truncation,
    /// bad escapes, invalid UTF-8, duplicate keys and nesting beyond <see cref="MaxDepth"/> are
    /// errors with a reason, never exceptions.
    /// </summary>
    public class JsonReader
    {
        public const int MaxDepth = 8;

        private static readonly double[] ExactPowersOfTen = new double[]
        {
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
            1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
        };

        private readonly char[] _chars;
        private byte[] _buffer;
        private int _position;
        private int _end;
        private string _error;

        /// <param name="maxStringLength">Longest string value accepted; sets the one scratch buffer's size.</param>
        public JsonReader(int maxStringLength)
        {
            _chars = new char[maxStringLength];
        }

        /// <summary>Why the last parse failed.</summary>
        public string Error
        {
            get { return _error; }
        }

        public bool TryParseObject(byte[] buffer, int offset, int count, JsonFields fields)
        {
            _buffer = buffer;
            _position = offset;
            _end = offset + count;
            _error = null;
            fields.Clear();

            SkipWhitespace();
            if (!Expect((byte)'{'))
            {
                return Fail("a message is a JSON object");
            }

            SkipWhitespace();
            if (Peek() == '}')
            {
                _position++;
                return AtEnd();
            }

            while (true)
            {
                SkipWhitespace();
                string name;
                if (Peek() != '"' || !TryReadString(out name))
                {
                    return Fail(_error != null ? _error : "expected a property name");
                }

                if (fields.Contains(name))
                {
                    return Fail("duplicate property '" + name + "'");
                }

                SkipWhitespace();
                if (!Expect((byte)':'))
                {
                    return Fail("expected ':'");
                }

                SkipWhitespace();
                if (!TryReadTopValue(name, fields))
                {
                    return false;
                }

                SkipWhitespace();
                if (Expect((byte)','))
                {
                    continue;
                }

                if (Expect((byte)'}'))
                {
                    return AtEnd();
                }

                return Fail("expected ',' or '}'");
            }
        }

        private bool AtEnd()
        {
            SkipWhitespace();
            return _position == _end || Fail("trailing data after the object");
        }

        private bool TryReadTopValue(string name, JsonFields fields)
        {
            int c = Peek();
            bool added;
            if (c == '"')
            {
                string text;
                if (!TryReadString(out text))
                {
                    return false;
                }

                added = fields.Add(name, JsonValueKind.String, text, double.NaN, 0, false);
            }
            else if (c == '-' || (c >= '0' && c <= '9'))
            {
                double number;
                long integer;
                bool isInteger;
                if (!TryReadNumber(out number, out integer, out isInteger))
                {
                    return false;
                }

                added = fields.Add(name, JsonValueKind.Number, null, number, integer, isInteger);
            }
            else if (c == '{' || c == '[')
            {
                if (!SkipContainer(1))
                {
                    return false;
                }

                added = fields.Add(name, c == '{' ? JsonValueKind.Object : JsonValueKind.Array, null, double.NaN, 0, false);
            }
            else if (TryLiteral("true"))
            {
                added = fields.Add(name, JsonValueKind.True, null, double.NaN, 0, false);
            }
            else if (TryLiteral("false"))
            {
                added = fields.Add(name, JsonValueKind.False, null, double.NaN, 0, false);
            }
            else if (TryLiteral("null"))
            {
                added = fields.Add(name, JsonValueKind.Null, null, double.NaN, 0, false);
            }
            else
            {
                return Fail("unexpected character in value of '" + name + "'");
            }

            return added || Fail("more than " + JsonFields.Capacity + " properties");
        }

        /// <summary>Validates and skips a nested object or array; the opening bracket is at the current position.</summary>
        private bool SkipContainer(int depth)
        {
            if (depth > MaxDepth)
            {
                return Fail("nested deeper than " + MaxDepth);
            }

            byte open = _buffer[_position++];
            byte close = open == '{' ? (byte)'}' : (byte)']';
            SkipWhitespace();
            if (Expect(close))
            {
                return true;
            }

            while (true)
            {
                SkipWhitespace();
                if (open == '{')
                {
                    string ignored;
                    if (Peek() != '"' || !TryReadString(out ignored))
                    {
                        return Fail(_error != null ? _error : "expected a property name");
                    }

                    SkipWhitespace();
                    if (!Expect((byte)':'))
                    {
                        return Fail("expected ':'");
                    }

                    SkipWhitespace();
                }

                if (!SkipValue(depth))
                {
                    return false;
                }

                SkipWhitespace();
                if (Expect((byte)','))
                {
                    continue;
                }

                return Expect(close) || Fail("unterminated object or array");
            }
        }

        private bool SkipValue(int depth)
        {
            int c = Peek();
            if (c == '"')
            {
                string ignored;
                return TryReadString(out ignored);
            }

            if (c == '-' || (c >= '0' && c <= '9'))
            {
                double number;
                long integer;
                bool isInteger;
                return TryReadNumber(out number, out integer, out isInteger);
            }

            if (c == '{' || c == '[')
            {
                return SkipContainer(depth + 1);
            }

            return TryLiteral("true") || TryLiteral("false") || TryLiteral("null") || Fail("unexpected character");
        }

        private bool TryReadString(out string value)
        {
            value = null;
            _position++;
            int length = 0;
            while (true)
            {
                if (_position >= _end)
                {
                    return Fail("unterminated string");
                }

                int b = _buffer[_position++];
                if (b == '"')
                {
                    break;
                }

                if (length >= _chars.Length - 1)
                {
                    return Fail("string longer than " + (_chars.Length - 1));
                }

                if (b == '\\')
                {
                    if (!TryReadEscape(ref length))
                    {
                        return false;
                    }
                }
                else if (b < 0x20)
                {
                    return Fail("control character in string");
                }
                else if (b < 0x80)
                {
                    _chars[length++] = (char)b;
                }
                else if (!TryReadUtf8(b, ref length))
                {
                    return false;
                }
            }

            value = new string(_chars, 0, length);
            return true;
        }

        private bool TryReadEscape(ref int length)
        {
            if (_position >= _end)
            {
                return Fail("unterminated escape");
            }

            int e = _buffer[_position++];
            switch (e)
            {
                case '"': _chars[length++] = '"'; return true;
                case '\\': _chars[length++] = '\\'; return true;
                case '/': _chars[length++] = '/'; return true;
                case 'b': _chars[length++] = '\b'; return true;
                case 'f': _chars[length++] = '\f'; return true;
                case 'n': _chars[length++] = '\n'; return true;
                case 'r': _chars[length++] = '\r'; return true;
                case 't': _chars[length++] = '\t'; return true;
                case 'u':
                    int code;
                    if (!TryReadHex4(out code))
                    {
                        return Fail("bad \\u escape");
                    }

                    _chars[length++] = (char)code;
                    return true;
                default:
                    return Fail("bad escape");
            }
        }

        private bool TryReadHex4(out int code)
        {
            code = 0;
            if (_position + 4 > _end)
            {
                return false;
            }

            for (int i = 0; i < 4; i++)
            {
                int h = _buffer[_position++];
                int digit = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
                if (digit < 0)
                {
                    return false;
                }

                code = (code << 4) | digit;
            }

            return true;
        }

        private bool TryReadUtf8(int lead, ref int length)
        {
            int extra;
            int codePoint;
            if ((lead & 0xE0) == 0xC0)
            {
                extra = 1;
                codePoint = lead & 0x1F;
            }
            else if ((lead & 0xF0) == 0xE0)
            {
                extra = 2;
                codePoint = lead & 0x0F;
            }
            else if ((lead & 0xF8) == 0xF0)
            {
                extra = 3;
                codePoint = lead & 0x07;
            }
            else
            {
                return Fail("invalid UTF-8");
            }

            if (_position + extra > _end)
            {
                return Fail("truncated UTF-8");
            }

            for (int i = 0; i < extra; i++)
            {
                int b = _buffer[_position++];
                if ((b & 0xC0) != 0x80)
                {
                    return Fail("invalid UTF-8");
                }

                codePoint = (codePoint << 6) | (b & 0x3F);
            }

            bool overlong = (extra == 1 && codePoint < 0x80) || (extra == 2 && codePoint < 0x800) || (extra == 3 && codePoint < 0x10000);
            if (overlong || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
            {
                return Fail("invalid UTF-8");
            }

            if (codePoint >= 0x10000)
            {
                if (length >= _chars.Length - 2)
                {
                    return Fail("string too long");
                }

                codePoint -= 0x10000;
                _chars[length++] = (char)(0xD800 + (codePoint >> 10));
                _chars[length++] = (char)(0xDC00 + (codePoint & 0x3FF));
            }
            else
            {
                _chars[length++] = (char)codePoint;
            }

            return true;
        }

        /// <summary>
        /// Parses a JSON number. Up to 18 significant digits are kept; with at most 15 digits and a
        /// power of ten up to 1e22 the result is correctly rounded (one exact operand, one IEEE operation).
        /// </summary>
        private bool TryReadNumber(out double number, out long integer, out bool isInteger)
        {
            number = double.NaN;
            integer = 0;
            isInteger = false;
            bool negative = Expect((byte)'-');
            int first = Peek();
            if (first < '0' || first > '9')
            {
                return Fail("bad number");
            }

            long mantissa = 0;
            int digits = 0;
            int exponent = 0;
            bool overflow = false;
            if (first == '0')
            {
                _position++;
            }
            else
            {
                while (Peek() >= '0' && Peek() <= '9')
                {
                    int d = _buffer[_position++] - '0';
                    if (digits < 18)
                    {
                        mantissa = (mantissa * 10) + d;
                        if (mantissa != 0)
                        {
                            digits++;
                        }
                    }
                    else
                    {
                        exponent++;
                        overflow = true;
                    }
                }
            }

            bool hasFraction = false;
            if (Peek() == '.')
            {
                _position++;
                hasFraction = true;
                if (Peek() < '0' || Peek() > '9')
                {
                    return Fail("bad number");
                }

                while (Peek() >= '0' && Peek() <= '9')
                {
                    int d = _buffer[_position++] - '0';
                    if (digits < 18)
                    {
                        mantissa = (mantissa * 10) + d;
                        exponent--;
                        if (mantissa != 0)
                        {
                            digits++;
                        }
                    }
                }
            }

            bool hasExponent = false;
            if (Peek() == 'e' || Peek() == 'E')
            {
                _position++;
                hasExponent = true;
                bool negativeExponent = false;
                if (Peek() == '+' || Peek() == '-')
                {
                    negativeExponent = _buffer[_position++] == '-';
                }

                if (Peek() < '0' || Peek() > '9')
                {
                    return Fail("bad number");
                }

                int explicitExponent = 0;
                while (Peek() >= '0' && Peek() <= '9')
                {
                    int d = _buffer[_position++] - '0';
                    if (explicitExponent < 10000)
                    {
                        explicitExponent = (explicitExponent * 10) + d;
                    }
                }

                exponent += negativeExponent ? -explicitExponent : explicitExponent;
            }

            number = Scale(mantissa, exponent);
            if (negative)
            {
                number = -number;
            }

            if (!hasFraction && !hasExponent && !overflow)
            {
                isInteger = true;
                integer = negative ? -mantissa : mantissa;
            }

            return true;
        }

        private static double Scale(long mantissa, int exponent)
        {
            double value = mantissa;
            if (mantissa == 0)
            {
                return 0;
            }

            if (exponent >= 0 && exponent <= 22)
            {
                return value * ExactPowersOfTen[exponent];
            }

            if (exponent < 0 && exponent >= -22)
            {
                return value / ExactPowersOfTen[-exponent];
            }

            // Outside the exact range: repeated scaling, close enough for values no device sends.
            while (exponent > 22)
            {
                value *= 1e22;
                exponent -= 22;
                if (value > 1.7976931348623157e308)
                {
                    return double.PositiveInfinity;
                }
            }

            while (exponent < -22)
            {
                value /= 1e22;
                exponent += 22;
                if (value == 0)
                {
                    return 0;
                }
            }

            return exponent >= 0 ? value * ExactPowersOfTen[exponent] : value / ExactPowersOfTen[-exponent];
        }

        private bool TryLiteral(string literal)
        {
            if (_position + literal.Length > _end)
            {
                return false;
            }

            for (int i = 0; i < literal.Length; i++)
            {
                if (_buffer[_position + i] != literal[i])
                {
                    return false;
                }
            }

            _position += literal.Length;
            return true;
        }

        private void SkipWhitespace()
        {
            while (_position < _end)
            {
                byte b = _buffer[_position];
                if (b != ' ' && b != '\t' && b != '\n' && b != '\r')
                {
                    return;
                }

                _position++;
            }
        }

        private int Peek()
        {
            return _position < _end ? _buffer[_position] : -1;
        }

        private bool Expect(byte expected)
        {
            if (_position < _end && _buffer[_position] == expected)
            {
                _position++;
                return true;
            }

            return false;
        }

        private bool Fail(string reason)
        {
            if (_error == null)
            {
                _error = reason + " at byte " + _position;
            }

            return false;
        }
    }
}
