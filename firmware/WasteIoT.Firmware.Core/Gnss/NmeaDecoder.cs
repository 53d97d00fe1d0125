using WasteIoT.Firmware.Core.Protocol;

namespace WasteIoT.Firmware.Core.Gnss
{
    /// <summary>
    /// Turns sentences into fixes. Sentences with the same UTC time of day form one epoch; time-less
    /// sentences (VTG, GSA, GSV) join the epoch in progress. An epoch becomes a fix if a sentence in it
    /// carried a valid position and the date is known — from a valid RMC or a ZDA only, since receivers
    /// send placeholder dates (1980) before their first fix; a time of day that goes backwards by more
    /// than 12 h is the next day.
    /// An epoch is complete at its cycle's last navigation sentence (RMC, GGA, GNS, GLL, VTG, ZDA).
    /// Receivers do not say which one that is, so the decoder learns it, as gpsd does: the type of navigation
    /// sentence that preceded the last change of time. Until it has learned it, and whenever the receiver
    /// changes its order, an epoch completes when the next begins.
    /// </summary>
    public class NmeaDecoder
    {
        private const long MillisecondsPerDay = 86400000L;

        private readonly NmeaSentence _sentence = new NmeaSentence();
        private readonly GnssFix _epoch = new GnssFix();
        // A line can complete two epochs: the one its new time ends and, when it is the learned
        // cycle end, its own. Callers drain with TryTakeFix after every line.
        private readonly GnssFix[] _ready = new GnssFix[] { new GnssFix(), new GnssFix() };
        private int _readyHead;
        private int _readyCount;
        private long _epochTimeOfDay = -1;
        private bool _epochHasPosition;
        private long _dayNumber = long.MinValue;
        private long _lastTimeOfDay = -1;
        private int _sentences;
        private int _rejected;
        private int _lastType;
        private int _cycleEndType;
        private bool _epochReported;

        /// <summary>Takes the oldest completed fix.</summary>
        /// <returns>False when no fix is waiting.</returns>
        public bool TryTakeFix(GnssFix target)
        {
            if (_readyCount == 0)
            {
                return false;
            }

            _ready[_readyHead].CopyTo(target);
            _readyHead = (_readyHead + 1) % _ready.Length;
            _readyCount--;
            return true;
        }

        /// <summary>Sentences that passed the checksum.</summary>
        public int Sentences
        {
            get { return _sentences; }
        }

        /// <summary>Lines refused: bad checksum, bad framing, or a field that does not parse.</summary>
        public int Rejected
        {
            get { return _rejected; }
        }

        /// <summary>Processes one line (without CR/LF).</summary>
        /// <returns>True when a fix is waiting for <see cref="TryTakeFix"/>.</returns>
        public bool Process(char[] line, int length)
        {
            if (!_sentence.TryLoad(line, length))
            {
                _rejected++;
                return false;
            }

            _sentences++;
            NmeaSentence s = _sentence;
            bool navigation;
            bool ready = Dispatch(s, out navigation);
            int type = s.TypeCode;
            if (navigation)
            {
                // Only sentences that carry time, position or velocity can end a cycle: satellite
                // sentences (GSA, GSV) and proprietary ones come and go with receiver settings.
                _lastType = type;
            }

            if (type != 0 && type == _cycleEndType && _epochTimeOfDay >= 0 && !_epochReported)
            {
                Complete();
                _epochReported = true;
            }

            return _readyCount > 0;
        }

        private bool Dispatch(NmeaSentence s, out bool navigation)
        {
            navigation = true;
            if (s.IsType("RMC"))
            {
                return Rmc(s);
            }

            if (s.IsType("GGA"))
            {
                return Gga(s);
            }

            if (s.IsType("GNS"))
            {
                return Gns(s);
            }

            if (s.IsType("GLL"))
            {
                return Gll(s);
            }

            if (s.IsType("ZDA"))
            {
                return Zda(s);
            }

            if (s.IsType("VTG"))
            {
                Vtg(s);
                return false;
            }

            navigation = false;
            if (s.IsType("GSA"))
            {
                Gsa(s);
            }

            return false;
        }

        /// <summary>Completes the epoch in progress (end of input).</summary>
        public bool Flush()
        {
            if (!_epochReported)
            {
                Complete();
            }

            _epochTimeOfDay = -1;
            return _readyCount > 0;
        }

        private bool Rmc(NmeaSentence s)
        {
            long tod;
            if (!s.TryGetTimeOfDay(1, out tod))
            {
                _rejected++;
                return false;
            }

            bool ready = Enter(tod);

            // NMEA 2.3 adds a mode indicator (field 12): N means the receiver has no valid fix.
            bool valid = s.CharAt(2) == 'A' && s.CharAt(12) != 'N';
            int year, month, day;
            if (valid && s.TryGetDate(9, out year, out month, out day))
            {
                _dayNumber = Iso8601.FromParts(year, month, day, 0, 0, 0, 0) / MillisecondsPerDay;
                _lastTimeOfDay = tod;
            }

            double lat, lon;
            if (valid && s.TryGetCoordinate(3, 4, true, out lat) && s.TryGetCoordinate(5, 6, false, out lon))
            {
                SetPosition(lat, lon);
                double value;
                if (s.TryGetDouble(7, out value))
                {
                    _epoch.SpeedKnots = value;
                }

                if (s.TryGetDouble(8, out value))
                {
                    _epoch.Track = value;
                }

                if (_epoch.Quality == 0)
                {
                    _epoch.Quality = s.CharAt(12) == 'D' ? 2 : 1;
                }
            }

            return ready;
        }

        private bool Gga(NmeaSentence s)
        {
            long tod;
            if (!s.TryGetTimeOfDay(1, out tod))
            {
                _rejected++;
                return false;
            }

            bool ready = Enter(tod);
            int quality;
            double lat, lon;
            if (s.TryGetInt(6, out quality) && quality > 0 && s.TryGetCoordinate(2, 3, true, out lat) && s.TryGetCoordinate(4, 5, false, out lon))
            {
                SetPosition(lat, lon);
                _epoch.Quality = quality;
                ReadSatsHdopAltitude(s);
            }

            return ready;
        }

        private bool Gns(NmeaSentence s)
        {
            long tod;
            if (!s.TryGetTimeOfDay(1, out tod))
            {
                _rejected++;
                return false;
            }

            bool ready = Enter(tod);

            // One mode character per constellation; the fix is valid if any of them is not 'N'.
            bool valid = s.ModeCharactersContainFix(6);
            double lat, lon;
            if (valid && s.TryGetCoordinate(2, 3, true, out lat) && s.TryGetCoordinate(4, 5, false, out lon))
            {
                SetPosition(lat, lon);
                if (_epoch.Quality == 0)
                {
                    _epoch.Quality = 1;
                }

                ReadSatsHdopAltitude(s);
            }

            return ready;
        }

        private bool Gll(NmeaSentence s)
        {
            long tod;
            if (!s.TryGetTimeOfDay(5, out tod))
            {
                return false;
            }

            bool ready = Enter(tod);
            double lat, lon;
            if (s.CharAt(6) == 'A' && s.CharAt(7) != 'N' && s.TryGetCoordinate(1, 2, true, out lat) && s.TryGetCoordinate(3, 4, false, out lon))
            {
                SetPosition(lat, lon);
                if (_epoch.Quality == 0)
                {
                    _epoch.Quality = 1;
                }
            }

            return ready;
        }

        private bool Zda(NmeaSentence s)
        {
            long tod;
            int day, month, year;
            if (!s.TryGetTimeOfDay(1, out tod) || !s.TryGetInt(2, out day) || !s.TryGetInt(3, out month) || !s.TryGetInt(4, out year)
                || month < 1 || month > 12 || day < 1 || year < 1980 || day > Iso8601.DaysInMonth(year, month))
            {
                return false;
            }

            bool ready = Enter(tod);
            _dayNumber = Iso8601.FromParts(year, month, day, 0, 0, 0, 0) / MillisecondsPerDay;
            _lastTimeOfDay = tod;
            return ready;
        }

        private void Vtg(NmeaSentence s)
        {
            if (_epochTimeOfDay < 0 || s.CharAt(9) == 'N')
            {
                return;
            }

            double value;
            if (s.TryGetDouble(1, out value))
            {
                _epoch.Track = value;
            }

            if (s.TryGetDouble(5, out value))
            {
                _epoch.SpeedKnots = value;
            }
            else if (s.TryGetDouble(7, out value))
            {
                _epoch.SpeedKnots = value / GnssFix.KnotsToKilometresPerHour;
            }
        }

        private void Gsa(NmeaSentence s)
        {
            int mode;
            if (_epochTimeOfDay < 0 || !s.TryGetInt(2, out mode))
            {
                return;
            }

            // Receivers send one GSA per constellation; the best mode wins.
            if (mode > _epoch.Mode)
            {
                _epoch.Mode = mode;
            }

            double hdop;
            if (double.IsNaN(_epoch.Hdop) && s.TryGetDouble(16, out hdop))
            {
                _epoch.Hdop = hdop;
            }
        }

        private void ReadSatsHdopAltitude(NmeaSentence s)
        {
            int sats;
            double value;
            if (s.TryGetInt(7, out sats))
            {
                _epoch.Satellites = sats;
            }

            if (s.TryGetDouble(8, out value))
            {
                _epoch.Hdop = value;
            }

            if (s.TryGetDouble(9, out value))
            {
                _epoch.AltitudeMsl = value;
            }
        }

        private void SetPosition(double lat, double lon)
        {
            _epoch.Lat = lat;
            _epoch.Lon = lon;
            _epochHasPosition = true;
        }

        /// <summary>Joins or opens the epoch of <paramref name="timeOfDay"/>; completes the previous one if it differs.</summary>
        private bool Enter(long timeOfDay)
        {
            if (_epochTimeOfDay == timeOfDay)
            {
                return false;
            }

            bool ready = false;
            if (_epochTimeOfDay >= 0)
            {
                // The sentence before this change of time ended the last cycle.
                _cycleEndType = _lastType;
                ready = !_epochReported && Complete();
            }

            _epoch.Clear();
            _epochHasPosition = false;
            _epochReported = false;
            _epochTimeOfDay = timeOfDay;
            return ready;
        }

        private bool Complete()
        {
            if (_epochTimeOfDay < 0 || !_epochHasPosition || _dayNumber == long.MinValue)
            {
                return false;
            }

            if (_lastTimeOfDay >= 0 && _epochTimeOfDay < _lastTimeOfDay - (MillisecondsPerDay / 2))
            {
                _dayNumber++;
            }

            _lastTimeOfDay = _epochTimeOfDay;
            if (_readyCount == _ready.Length)
            {
                // The caller did not drain; the oldest fix gives way.
                _readyHead = (_readyHead + 1) % _ready.Length;
                _readyCount--;
            }

            GnssFix slot = _ready[(_readyHead + _readyCount) % _ready.Length];
            _epoch.CopyTo(slot);
            slot.Time = (_dayNumber * MillisecondsPerDay) + _epochTimeOfDay;
            _readyCount++;
            _epochHasPosition = false;
            return true;
        }
    }
}
