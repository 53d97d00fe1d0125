namespace WasteIoT.Firmware.Core.Gnss
{
    /// <summary>
    /// One NMEA 0183 sentence, checksum-verified and split into fields in place (no allocation per sentence).
    /// Any talker is accepted: GP, GN, GL, GA, BD, GB, GQ.
    /// </summary>
    public class NmeaSentence
    {
        /// <summary>NMEA 0183 allows 82 characters; some receivers exceed it with extra fields.</summary>
        public const int MaxLength = 128;

        public const int MaxFields = 40;

        private static readonly double[] PowersOfTen = new double[]
        {
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
        };

        private readonly char[] _text = new char[MaxLength];
        private readonly int[] _start = new int[MaxFields];
        private readonly int[] _end = new int[MaxFields];
        private int _length;
        private int _fieldCount;

        /// <summary>Fields after the address field (field 0 is the address, e.g. <c>GPRMC</c>).</summary>
        public int FieldCount
        {
            get { return _fieldCount; }
        }

        /// <summary>
        /// Loads <c>$TTSSS,f1,f2…*HH</c> (no CR/LF). The checksum is required and must match; a sentence
        /// without one could be any fragment of line noise.
        /// </summary>
        public bool TryLoad(char[] line, int length)
        {
            _length = 0;
            _fieldCount = 0;
            if (length < 9 || length > MaxLength || (line[0] != '$' && line[0] != '!'))
            {
                return false;
            }

            int star = length - 3;
            if (line[star] != '*')
            {
                return false;
            }

            int high = HexValue(line[star + 1]);
            int low = HexValue(line[star + 2]);
            if (high < 0 || low < 0)
            {
                return false;
            }

            int expected = (high << 4) | low;

            int sum = 0;
            for (int i = 1; i < star; i++)
            {
                char c = line[i];
                if (c < 0x20 || c > 0x7E || c == '$' || c == '*')
                {
                    return false;
                }

                sum ^= c;
            }

            if (sum != expected)
            {
                return false;
            }

            for (int i = 0; i < star; i++)
            {
                _text[i] = line[i];
            }

            _length = star;
            int fieldStart = 1;
            for (int i = 1; i <= star; i++)
            {
                if (i == star || _text[i] == ',')
                {
                    if (_fieldCount >= MaxFields)
                    {
                        return false;
                    }

                    _start[_fieldCount] = fieldStart;
                    _end[_fieldCount] = i;
                    _fieldCount++;
                    fieldStart = i + 1;
                }
            }

            // The address field is a 2-letter talker and a 3-letter type (proprietary $P… sentences differ).
            return _end[0] - _start[0] >= 5;
        }

        /// <summary>True when the address field ends with <paramref name="type"/> (e.g. "RMC"), whatever the talker.</summary>
        public bool IsType(string type)
        {
            int length = _end[0] - _start[0];
            if (_length == 0 || length != 5 || _text[1] == 'P')
            {
                return false;
            }

            for (int i = 0; i < 3; i++)
            {
                if (_text[_start[0] + 2 + i] != type[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The three type letters as one number (talker ignored), 0 for proprietary sentences.</summary>
        public int TypeCode
        {
            get
            {
                if (_length == 0 || _end[0] - _start[0] != 5 || _text[1] == 'P')
                {
                    return 0;
                }

                int s = _start[0] + 2;
                return (_text[s] << 16) | (_text[s + 1] << 8) | _text[s + 2];
            }
        }

        public bool IsEmpty(int field)
        {
            return field >= _fieldCount || _end[field] == _start[field];
        }

        /// <summary>GNS mode field: one character per constellation; true if any is a fix (not 'N').</summary>
        public bool ModeCharactersContainFix(int field)
        {
            if (IsEmpty(field))
            {
                return false;
            }

            for (int i = _start[field]; i < _end[field]; i++)
            {
                if (_text[i] != 'N')
                {
                    return true;
                }
            }

            return false;
        }

        public char CharAt(int field)
        {
            return IsEmpty(field) ? '\0' : _text[_start[field]];
        }

        /// <summary>Parses a plain decimal number (digits, one optional point, optional sign).</summary>
        public bool TryGetDouble(int field, out double value)
        {
            value = 0;
            if (IsEmpty(field))
            {
                return false;
            }

            int i = _start[field];
            int end = _end[field];
            bool negative = false;
            if (_text[i] == '-' || _text[i] == '+')
            {
                negative = _text[i] == '-';
                i++;
            }

            long mantissa = 0;
            int digits = 0;
            int scale = 0;
            bool point = false;
            bool any = false;
            for (; i < end; i++)
            {
                char c = _text[i];
                if (c == '.' && !point)
                {
                    point = true;
                    continue;
                }

                if (c < '0' || c > '9')
                {
                    return false;
                }

                any = true;
                if (digits < 17)
                {
                    mantissa = (mantissa * 10) + (c - '0');
                    if (mantissa != 0)
                    {
                        digits++;
                    }

                    if (point)
                    {
                        scale++;
                    }
                }
                else if (!point)
                {
                    return false;
                }
            }

            if (!any || scale >= PowersOfTen.Length)
            {
                return false;
            }

            // mantissa < 2^53 and an exact power of ten: one correctly rounded division.
            value = mantissa / PowersOfTen[scale];
            if (negative)
            {
                value = -value;
            }

            return true;
        }

        public bool TryGetInt(int field, out int value)
        {
            double d;
            value = 0;
            if (!TryGetDouble(field, out d) || d > int.MaxValue || d < int.MinValue)
            {
                return false;
            }

            value = (int)d;
            return value == d;
        }

        /// <summary>Reads <c>ddmm.mmmm</c> / <c>dddmm.mmmm</c> and its hemisphere into signed degrees.</summary>
        public bool TryGetCoordinate(int field, int hemisphereField, bool isLatitude, out double degrees)
        {
            degrees = 0;
            double raw;
            if (!TryGetDouble(field, out raw) || raw < 0)
            {
                return false;
            }

            int whole = (int)(raw / 100);
            double minutes = raw - (whole * 100.0);
            if (minutes >= 60)
            {
                return false;
            }

            degrees = whole + (minutes / 60.0);
            char hemisphere = CharAt(hemisphereField);
            if (isLatitude)
            {
                if (degrees > 90 || (hemisphere != 'N' && hemisphere != 'S'))
                {
                    return false;
                }

                if (hemisphere == 'S')
                {
                    degrees = -degrees;
                }
            }
            else
            {
                if (degrees > 180 || (hemisphere != 'E' && hemisphere != 'W'))
                {
                    return false;
                }

                if (hemisphere == 'W')
                {
                    degrees = -degrees;
                }
            }

            return true;
        }

        /// <summary>Reads <c>hhmmss[.sss]</c> into milliseconds since midnight UTC.</summary>
        public bool TryGetTimeOfDay(int field, out long milliseconds)
        {
            milliseconds = 0;
            if (IsEmpty(field) || _end[field] - _start[field] < 6)
            {
                return false;
            }

            int s = _start[field];
            int hh, mm, ss;
            if (!TwoDigits(s, out hh) || !TwoDigits(s + 2, out mm) || !TwoDigits(s + 4, out ss) || hh > 23 || mm > 59 || ss > 60)
            {
                return false;
            }

            int ms = 0;
            int end = _end[field];
            if (end > s + 6)
            {
                if (_text[s + 6] != '.')
                {
                    return false;
                }

                int place = 100;
                for (int i = s + 7; i < end; i++)
                {
                    char c = _text[i];
                    if (c < '0' || c > '9')
                    {
                        return false;
                    }

                    ms += (c - '0') * place;
                    place /= 10;
                }
            }

            milliseconds = (((hh * 60L) + mm) * 60L + ss) * 1000L + ms;
            return true;
        }

        /// <summary>Reads RMC's <c>ddmmyy</c>; two-digit years are 1980..2079 (GPS epoch onwards).</summary>
        public bool TryGetDate(int field, out int year, out int month, out int day)
        {
            year = 0;
            month = 0;
            day = 0;
            if (IsEmpty(field) || _end[field] - _start[field] != 6)
            {
                return false;
            }

            int s = _start[field];
            int yy;
            if (!TwoDigits(s, out day) || !TwoDigits(s + 2, out month) || !TwoDigits(s + 4, out yy))
            {
                return false;
            }

            year = yy < 80 ? 2000 + yy : 1900 + yy;
            return month >= 1 && month <= 12 && day >= 1 && day <= Protocol.Iso8601.DaysInMonth(year, month);
        }

        private bool TwoDigits(int index, out int value)
        {
            char a = _text[index];
            char b = _text[index + 1];
            value = 0;
            if (a < '0' || a > '9' || b < '0' || b > '9')
            {
                return false;
            }

            value = ((a - '0') * 10) + (b - '0');
            return true;
        }

        private static int HexValue(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'A' && c <= 'F')
            {
                return c - 'A' + 10;
            }

            return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        }
    }
}
