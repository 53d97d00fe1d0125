namespace WasteIoT.Firmware.Core.Protocol
{
    /// <summary>
    /// UTC timestamps as Unix milliseconds, converted to and from ISO 8601 with integer civil-calendar
    /// arithmetic (H. Hinnant's days-from-civil), so the result does not depend on the device's DateTime support.
    /// </summary>
    public static class Iso8601
    {
        private const long MillisecondsPerDay = 86400000L;

        public static void Split(long unixMilliseconds, out int year, out int month, out int day, out int hour, out int minute, out int second, out int millisecond)
        {
            long days = unixMilliseconds / MillisecondsPerDay;
            long rest = unixMilliseconds % MillisecondsPerDay;
            if (rest < 0)
            {
                rest += MillisecondsPerDay;
                days--;
            }

            CivilFromDays(days, out year, out month, out day);
            hour = (int)(rest / 3600000L);
            minute = (int)(rest / 60000L % 60);
            second = (int)(rest / 1000L % 60);
            millisecond = (int)(rest % 1000L);
        }

        public static long FromParts(int year, int month, int day, int hour, int minute, int second, int millisecond)
        {
            return (DaysFromCivil(year, month, day) * MillisecondsPerDay) + (hour * 3600000L) + (minute * 60000L) + (second * 1000L) + millisecond;
        }

        /// <summary>
        /// Parses <c>yyyy-MM-ddTHH:mm:ss[.fraction](Z|±HH:MM)</c>. A time without an offset is refused:
        /// a device's local time is ambiguous. Digits past milliseconds are truncated.
        /// </summary>
        public static bool TryParse(string text, out long unixMilliseconds)
        {
            unixMilliseconds = 0;
            if (text == null || text.Length < 20)
            {
                return false;
            }

            int year, month, day, hour, minute, second;
            if (!TryDigits(text, 0, 4, out year) || text[4] != '-' || !TryDigits(text, 5, 2, out month) || text[7] != '-'
                || !TryDigits(text, 8, 2, out day) || (text[10] != 'T' && text[10] != 't') || !TryDigits(text, 11, 2, out hour)
                || text[13] != ':' || !TryDigits(text, 14, 2, out minute) || text[16] != ':' || !TryDigits(text, 17, 2, out second))
            {
                return false;
            }

            if (month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
            {
                return false;
            }

            int index = 19;
            int millisecond = 0;
            if (text[index] == '.')
            {
                index++;
                int start = index;
                while (index < text.Length && text[index] >= '0' && text[index] <= '9')
                {
                    if (index - start < 3)
                    {
                        millisecond = (millisecond * 10) + (text[index] - '0');
                    }

                    index++;
                }

                int taken = index - start;
                if (taken == 0)
                {
                    return false;
                }

                for (int i = taken; i < 3; i++)
                {
                    millisecond *= 10;
                }
            }

            long offsetMinutes;
            if (index == text.Length - 1 && (text[index] == 'Z' || text[index] == 'z'))
            {
                offsetMinutes = 0;
            }
            else if (index == text.Length - 6 && (text[index] == '+' || text[index] == '-') && text[index + 3] == ':')
            {
                int offsetHours, offsetMins;
                if (!TryDigits(text, index + 1, 2, out offsetHours) || !TryDigits(text, index + 4, 2, out offsetMins) || offsetHours > 23 || offsetMins > 59)
                {
                    return false;
                }

                offsetMinutes = (offsetHours * 60) + offsetMins;
                if (text[index] == '-')
                {
                    offsetMinutes = -offsetMinutes;
                }
            }
            else
            {
                return false;
            }

            unixMilliseconds = FromParts(year, month, day, hour, minute, second, millisecond) - (offsetMinutes * 60000L);
            return true;
        }

        public static int DaysInMonth(int year, int month)
        {
            if (month == 2)
            {
                bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
                return leap ? 29 : 28;
            }

            return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
        }

        private static bool TryDigits(string text, int start, int count, out int value)
        {
            value = 0;
            for (int i = start; i < start + count; i++)
            {
                char c = text[i];
                if (c < '0' || c > '9')
                {
                    return false;
                }

                value = (value * 10) + (c - '0');
            }

            return true;
        }

        private static long DaysFromCivil(long year, int month, int day)
        {
            year -= month <= 2 ? 1 : 0;
            long era = (year >= 0 ? year : year - 399) / 400;
            long yearOfEra = year - (era * 400);
            long dayOfYear = ((153 * (month > 2 ? month - 3 : month + 9)) + 2) / 5 + day - 1;
            long dayOfEra = (yearOfEra * 365) + (yearOfEra / 4) - (yearOfEra / 100) + dayOfYear;
            return (era * 146097) + dayOfEra - 719468;
        }

        private static void CivilFromDays(long days, out int year, out int month, out int day)
        {
            long z = days + 719468;
            long era = (z >= 0 ? z : z - 146096) / 146097;
            long dayOfEra = z - (era * 146097);
            long yearOfEra = (dayOfEra - (dayOfEra / 1460) + (dayOfEra / 36524) - (dayOfEra / 146096)) / 365;
            long dayOfYear = dayOfEra - ((365 * yearOfEra) + (yearOfEra / 4) - (yearOfEra / 100));
            long mp = ((5 * dayOfYear) + 2) / 153;
            day = (int)(dayOfYear - (((153 * mp) + 2) / 5) + 1);
            month = (int)(mp < 10 ? mp + 3 : mp - 9);
            year = (int)(yearOfEra + (era * 400) + (month <= 2 ? 1 : 0));
        }
    }
}
