namespace WasteIoT.Firmware.Core.Weighbridge
{
    /// <summary>
    /// The indicator's print output (the ticket it prints on the print key, to a printer or this port) with the print
    /// language set to English: one field a line, <c>KEY: value [unit]</c> or <c>KEY value</c> — NO/TICKET,
    /// TRUCK/VEHICLE/PLATE, GROSS/G.W, TARE/T.W, NET/N.W, weights in kg or t. A ticket is complete when gross, tare and
    /// net have been read and add up; a ticket whose figures do not is counted and dropped. Bytes outside ASCII (labels
    /// printed in GB2312) are skipped: nanoFramework has no GB2312 decoder, and the numbers are what matter.
    /// </summary>
    public class TicketParser
    {
        private const int MaxLine = 64;
        private readonly char[] _line = new char[MaxLine];
        private int _length;
        private string _number;
        private string _vehicle;
        private int _gross = int.MinValue;
        private int _tare = int.MinValue;
        private int _net = int.MinValue;

        public int Tickets;

        public int BadTickets;

        /// <summary>The last complete ticket.</summary>
        public WeighTicket Ticket;

        /// <returns>True when a ticket completed with this byte; it is in <see cref="Ticket"/>.</returns>
        public bool Feed(byte value)
        {
            if (value == '\n')
            {
                bool complete = Line();
                _length = 0;
                return complete;
            }

            if (value >= 0x20 && value < 0x7F && _length < MaxLine)
            {
                _line[_length++] = (char)value;
            }

            return false;
        }

        private bool Line()
        {
            string line = new string(_line, 0, _length).Trim();
            if (line.Length == 0)
            {
                return false;
            }

            string upper = line.ToUpper();
            string value = ValueOf(line);
            if (Starts(upper, "NO") || Starts(upper, "TICKET"))
            {
                // A ticket number begins a new ticket: what was read before it belonged to another (or a torn) one.
                Clear();
                _number = Token(value);
            }
            else if (Starts(upper, "TRUCK") || Starts(upper, "VEHICLE") || Starts(upper, "PLATE"))
            {
                _vehicle = value.Length > 0 && value.Length <= 16 ? value : null;
            }
            else if (Starts(upper, "GROSS") || Starts(upper, "G.W") || Starts(upper, "GW"))
            {
                _gross = Kilograms(value);
            }
            else if (Starts(upper, "TARE") || Starts(upper, "T.W") || Starts(upper, "TW"))
            {
                _tare = Kilograms(value);
            }
            else if (Starts(upper, "NET") || Starts(upper, "N.W") || Starts(upper, "NW"))
            {
                _net = Kilograms(value);
            }

            if (_gross == int.MinValue || _tare == int.MinValue || _net == int.MinValue)
            {
                return false;
            }

            bool adds = _gross >= 0 && _tare >= 0 && _net >= 0 && _gross == _tare + _net;
            if (adds)
            {
                WeighTicket ticket = new WeighTicket();
                ticket.Number = _number;
                ticket.Vehicle = _vehicle;
                ticket.GrossKg = _gross;
                ticket.TareKg = _tare;
                ticket.NetKg = _net;
                Ticket = ticket;
                Tickets++;
            }
            else
            {
                BadTickets++;
            }

            Clear();
            return adds;
        }

        private void Clear()
        {
            _number = null;
            _vehicle = null;
            _gross = int.MinValue;
            _tare = int.MinValue;
            _net = int.MinValue;
        }

        private static bool Starts(string line, string key)
        {
            if (line.Length < key.Length || line.Substring(0, key.Length) != key)
            {
                return false;
            }

            // The key is a whole word: "NETWORK" is not NET, "NOTE" is not NO.
            if (line.Length == key.Length)
            {
                return true;
            }

            char next = line[key.Length];
            return next == ':' || next == ' ' || next == '.' || next == '=' || next == '\t';
        }

        /// <summary>What follows the key and its separator.</summary>
        private static string ValueOf(string line)
        {
            int i = 0;
            while (i < line.Length && line[i] != ':' && line[i] != '=' && line[i] != ' ' && line[i] != '\t')
            {
                i++;
            }

            while (i < line.Length && (line[i] == ':' || line[i] == '=' || line[i] == ' ' || line[i] == '\t' || line[i] == '.'))
            {
                i++;
            }

            return i < line.Length ? line.Substring(i).Trim() : string.Empty;
        }

        private static string Token(string value)
        {
            if (value.Length == 0 || value.Length > 32)
            {
                return null;
            }

            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == ':' || c == '-';
                if (!ok)
                {
                    return null;
                }
            }

            return value;
        }

        /// <summary>"15240 kg", "15.24 t", "15.240T"; a value without a unit is kg. int.MinValue when unreadable.</summary>
        private static int Kilograms(string value)
        {
            long digits = 0;
            int decimals = 0;
            bool point = false;
            int seen = 0;
            int i = 0;
            for (; i < value.Length; i++)
            {
                char c = value[i];
                if (c >= '0' && c <= '9')
                {
                    digits = (digits * 10) + (c - '0');
                    seen++;
                    decimals += point ? 1 : 0;
                    if (seen > 9)
                    {
                        return int.MinValue;
                    }
                }
                else if (c == '.' && !point)
                {
                    point = true;
                }
                else
                {
                    break;
                }
            }

            if (seen == 0)
            {
                return int.MinValue;
            }

            string unit = value.Substring(i).Trim().ToUpper();
            int kgPerUnit = unit == "T" ? 1000 : unit.Length == 0 || unit == "KG" ? 1 : 0;
            return kgPerUnit == 0 ? int.MinValue : IndicatorUnits.ToKg(digits, decimals, kgPerUnit);
        }
    }
}
