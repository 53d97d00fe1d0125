using WasteIoT.Firmware.Core.Hardware;

namespace WasteIoT.Firmware.Core.Storage
{
    /// <summary>
    /// Store-and-forward buffer of encoded messages as an append-only log on littlefs: records are appended to
    /// numbered segment files of at most <c>segmentBytes</c>; delivery is remembered as a watermark (every record
    /// numbered up to it is acknowledged) appended to a small cursor file at checkpoints; a segment is deleted
    /// whole once the watermark passes its last record. Nothing is ever rewritten in place. Each record:
    /// <code>
    /// 0  CRC-32   of bytes 4..11 and the payload
    /// 4  number   uint32, increasing over the log's life (contiguous: a torn record's number is reused)
    /// 8  length   uint16
    /// 10 'W' 'L'  magic
    /// 12 payload
    /// </code>
    /// A record torn by power loss is short: the segment is sealed there and the next record starts a new one; a record
    /// whose CRC fails when read (bit rot) is counted and skipped.
    /// When the log holds <c>maxSegments</c> and needs another, the oldest segment is deleted and its undelivered
    /// records are counted in <see cref="Dropped"/>. Mounting reads the cursor, one header per segment and the newest
    /// segment, not the whole log. Acknowledgements out of order wait in RAM until the watermark reaches them; after
    /// a power cut the records after the last checkpoint are sent again (receivers deduplicate on boot and seq).
    /// </summary>
    public class SegmentLog
    {
        public const int HeaderSize = 12;

        private const int CursorEntryBytes = 8;
        private const int MaxEarlyAcks = 32;

        /// <summary>A message's JSON (MessageCodec.MaxPayloadBytes) plus its kind, with room to spare.</summary>
        private const int MaxRecordPayload = 1040;

        private readonly ISegmentStore _segments;
        private readonly ISegmentStore _cursor;
        private readonly int _segmentBytes;
        private readonly int _maxSegments;
        private readonly int _cursorFileBytes;

        // Live segments, oldest first, in a circular array: file number, first record number, bytes used.
        private readonly int[] _segmentFile;
        private readonly long[] _segmentFirst;
        private readonly int[] _segmentUsed;
        private readonly int[] _listing;
        private readonly long[] _earlyAcks = new long[MaxEarlyAcks];
        private readonly byte[] _header = new byte[HeaderSize];
        private readonly byte[] _scratch;
        private readonly byte[] _buffer;
        private int _bufferUsed;
        private long _flushedNewest;
        private readonly byte[] _entry = new byte[CursorEntryBytes];
        private int _oldest;
        private int _count;
        private bool _tailSealed;
        private int _nextFile;
        private long _newest;
        private long _watermark;
        private long _persistedWatermark;
        private int _cursorFile;
        private long _dropped;
        private int _corrupt;
        private int _readSegment = -1;
        private int _readOffset;
        private long _readNumber;

        /// <param name="segments">The directory of segment files.</param>
        /// <param name="cursor">The directory of the cursor file (separate, so listing segments never meets it).</param>
        /// <param name="segmentBytes">Largest segment file (a multiple of the flash block keeps deletes whole-block).</param>
        /// <param name="maxSegments">Segments kept before the oldest is evicted: capacity = segmentBytes × maxSegments.</param>
        public SegmentLog(ISegmentStore segments, ISegmentStore cursor, int segmentBytes, int maxSegments)
        {
            if (segmentBytes < 256 || maxSegments < 2)
            {
                throw new System.ArgumentOutOfRangeException("segmentBytes");
            }

            _segments = segments;
            _cursor = cursor;
            _segmentBytes = segmentBytes;
            _maxSegments = maxSegments;
            _cursorFileBytes = 512 * CursorEntryBytes;
            _segmentFile = new int[maxSegments];
            _segmentFirst = new long[maxSegments];
            _segmentUsed = new int[maxSegments];
            _listing = new int[maxSegments + 8];
            _scratch = new byte[MaxPayload];
            // One flash block of records: a group never spans more than the block its append copies.
            _buffer = new byte[segmentBytes < 4096 ? segmentBytes : 4096];
        }

        /// <summary>Largest payload a record holds (the MQTT payload limit plus the record's topic kind).</summary>
        public int MaxPayload
        {
            get { return _segmentBytes < MaxRecordPayload + HeaderSize ? _segmentBytes - HeaderSize : MaxRecordPayload; }
        }

        public int CapacityBytes
        {
            get { return _segmentBytes * _maxSegments; }
        }

        public int PendingCount
        {
            get
            {
                long pending = _newest - _watermark;
                for (int i = 0; i < MaxEarlyAcks; i++)
                {
                    if (_earlyAcks[i] != 0)
                    {
                        pending--;
                    }
                }

                return (int)pending;
            }
        }

        /// <summary>Undelivered records evicted because the log was full, since mount.</summary>
        public long Dropped
        {
            get { return _dropped; }
        }

        /// <summary>Records found torn or corrupt (at mount or when read).</summary>
        public int Corrupt
        {
            get { return _corrupt; }
        }

        public int SegmentCount
        {
            get { return _count; }
        }

        /// <summary>Rebuilds the index from flash; call once at start.</summary>
        public void Mount()
        {
            _count = 0;
            _oldest = 0;
            _corrupt = 0;
            _readSegment = -1;
            _bufferUsed = 0;
            ClearEarlyAcks();
            _watermark = ReadCursor();
            _persistedWatermark = _watermark;

            int files = _segments.List(_listing);
            Sensing.SmallSort.Sort(_listing, files);
            _nextFile = files == 0 ? 1 : _listing[files - 1] + 1;
            for (int i = 0; i < files; i++)
            {
                int file = _listing[i];
                long first;
                if (!TryReadFirstNumber(file, out first))
                {
                    // Torn before its first record was whole: nothing in it.
                    _corrupt++;
                    _segments.Delete(file);
                    continue;
                }

                if (_count == _maxSegments)
                {
                    // More segments than configured (a smaller log after an update): keep the newest.
                    DropOldest(true);
                }

                int slot = Slot(_count);
                _segmentFile[slot] = file;
                _segmentFirst[slot] = first;
                _segmentUsed[slot] = _segments.Length(file);
                _count++;
            }

            _newest = _watermark;
            _tailSealed = true;
            if (_count > 0)
            {
                // Only the newest segment is read through: its valid length and its last record number.
                int tail = Slot(_count - 1);
                int offset = 0;
                long number = _segmentFirst[tail];
                int used = _segmentUsed[tail];
                int length;
                while (offset < used && TryReadRecordHeader(_segmentFile[tail], offset, used, number, out length))
                {
                    offset += HeaderSize + length;
                    number++;
                }

                if (offset < used)
                {
                    _corrupt++;
                }

                _segmentUsed[tail] = offset;
                _newest = number - 1;
                _tailSealed = offset < used;
                if (_segmentFirst[_oldest] - 1 > _watermark)
                {
                    _watermark = _segmentFirst[_oldest] - 1;
                }
            }

            if (_newest < _watermark)
            {
                // Records delivered from RAM before a power cut kept them off flash: number on after them, in a new
                // segment, so a segment's numbers stay contiguous.
                _newest = _watermark;
                _tailSealed = true;
            }

            _flushedNewest = _newest;
            DeleteDelivered();
        }

        /// <summary>Stores one record, durably when it returns.</summary>
        /// <returns>Its record number, or -1 when the payload is larger than a record holds.</returns>
        public long Append(byte[] payload, int length)
        {
            return Append(payload, length, true);
        }

        /// <summary>
        /// Stores one record. A record that need not be durable at once (a routine position) waits in a RAM block with
        /// those after it until <see cref="Flush"/>, a durable record or a full block writes them in one append: one
        /// littlefs sync and one erased block for the group instead of one each. It can be read and sent meanwhile.
        /// </summary>
        /// <returns>Its record number, or -1 when the payload is larger than a record holds.</returns>
        public long Append(byte[] payload, int length, bool durable)
        {
            if (length < 0 || length > MaxPayload)
            {
                return -1;
            }

            int size = HeaderSize + length;
            if (_bufferUsed + size > _buffer.Length)
            {
                Flush();
            }

            if (_count == 0 || _tailSealed || _segmentUsed[Slot(_count - 1)] + _bufferUsed + size > _segmentBytes)
            {
                Flush();
                StartSegment();
            }

            long number = _newest + 1;
            LittleEndian.WriteUInt32(_header, 4, (uint)number);
            LittleEndian.WriteUInt16(_header, 8, length);
            _header[10] = (byte)'W';
            _header[11] = (byte)'L';
            uint crc = Crc32.Finish(Crc32.Update(Crc32.Update(Crc32.Seed, _header, 4, 8), payload, 0, length));
            LittleEndian.WriteUInt32(_header, 0, crc);
            System.Array.Copy(_header, 0, _buffer, _bufferUsed, HeaderSize);
            System.Array.Copy(payload, 0, _buffer, _bufferUsed + HeaderSize, length);
            _bufferUsed += size;
            _newest = number;
            if (durable)
            {
                Flush();
            }

            return number;
        }

        /// <summary>Records waiting in RAM for <see cref="Flush"/> (lost, and their numbers reused, on a power cut).</summary>
        public int Buffered
        {
            get { return (int)(_newest - _flushedNewest); }
        }

        /// <summary>Writes the records waiting in RAM with one append.</summary>
        public void Flush()
        {
            if (_bufferUsed == 0)
            {
                return;
            }

            int tail = Slot(_count - 1);
            int used = _bufferUsed;
            _bufferUsed = 0;
            try
            {
                _segments.Append(_segmentFile[tail], _buffer, 0, used);
            }
            catch
            {
                // Whatever reached the file is torn: nothing more goes after it, and the group is gone.
                _tailSealed = true;
                _newest = _flushedNewest;
                throw;
            }

            _segmentUsed[tail] += used;
            _flushedNewest = _newest;
        }

        /// <summary>Finds the oldest undelivered record numbered above <paramref name="afterNumber"/> and copies its payload.</summary>
        /// <returns>False when there is none.</returns>
        public bool TryReadNextPending(long afterNumber, byte[] buffer, out int length, out long number)
        {
            length = 0;
            number = afterNumber > _watermark ? afterNumber + 1 : _watermark + 1;
            while (number <= _newest)
            {
                if (IsEarlyAcked(number))
                {
                    number++;
                    continue;
                }

                int file;
                int offset;
                if (!TryLocate(number, out file, out offset))
                {
                    // Unreadable (corrupt in mid-segment): count it delivered so it cannot block the log.
                    _corrupt++;
                    Acknowledge(number);
                    number++;
                    continue;
                }

                int stored = LittleEndian.ReadUInt16(_header, 8);
                if (stored > buffer.Length)
                {
                    _corrupt++;
                    Acknowledge(number);
                    number++;
                    continue;
                }

                System.Array.Copy(_scratch, 0, buffer, 0, stored);
                length = stored;
                return true;
            }

            number = -1;
            return false;
        }

        /// <summary>Marks a record delivered (its PUBACK arrived).</summary>
        /// <returns>False when it is not undelivered (already acknowledged, evicted or never stored).</returns>
        public bool Acknowledge(long number)
        {
            if (number <= _watermark || number > _newest || IsEarlyAcked(number))
            {
                return false;
            }

            if (number != _watermark + 1)
            {
                for (int i = 0; i < MaxEarlyAcks; i++)
                {
                    if (_earlyAcks[i] == 0)
                    {
                        _earlyAcks[i] = number;
                        return true;
                    }
                }

                // More out-of-order acknowledgements than kept: the record goes again after a reconnect.
                return false;
            }

            _watermark = number;
            bool advanced = true;
            while (advanced)
            {
                advanced = false;
                for (int i = 0; i < MaxEarlyAcks; i++)
                {
                    if (_earlyAcks[i] == _watermark + 1)
                    {
                        _earlyAcks[i] = 0;
                        _watermark++;
                        advanced = true;
                    }
                }
            }

            DeleteDelivered();
            return true;
        }

        /// <summary>
        /// Makes the watermark durable (one 8-byte append to the cursor file) when it moved. Called before deep sleep,
        /// every few seconds by a running node, and whenever a segment is deleted.
        /// </summary>
        public void Checkpoint()
        {
            if (_watermark == _persistedWatermark)
            {
                return;
            }

            if (_cursor.Length(_cursorFile) + CursorEntryBytes > _cursorFileBytes)
            {
                // Start the next cursor file with the current entry, then drop the full one.
                int old = _cursorFile;
                _cursorFile++;
                WriteCursorEntry();
                _cursor.Delete(old);
                return;
            }

            WriteCursorEntry();
        }

        private void WriteCursorEntry()
        {
            uint value = (uint)_watermark;
            LittleEndian.WriteUInt32(_entry, 0, value);
            LittleEndian.WriteUInt32(_entry, 4, ~value);
            _cursor.Append(_cursorFile, _entry, 0, CursorEntryBytes);
            _persistedWatermark = _watermark;
        }

        private long ReadCursor()
        {
            int files = _cursor.List(_listing);
            Sensing.SmallSort.Sort(_listing, files);
            long watermark = 0;
            _cursorFile = files == 0 ? 1 : _listing[files - 1];
            for (int i = 0; i < files; i++)
            {
                int length = _cursor.Length(_listing[i]);
                for (int offset = 0; offset + CursorEntryBytes <= length; offset += CursorEntryBytes)
                {
                    _cursor.Read(_listing[i], offset, _entry, 0, CursorEntryBytes);
                    uint value = LittleEndian.ReadUInt32(_entry, 0);
                    if (LittleEndian.ReadUInt32(_entry, 4) == ~value && value > watermark)
                    {
                        watermark = value;
                    }
                }

                if (i < files - 1)
                {
                    // A rotation cut short after the new file's first entry: the older file is done with.
                    _cursor.Delete(_listing[i]);
                }
            }

            if (_cursor.Length(_cursorFile) % CursorEntryBytes != 0)
            {
                // A torn entry at the end: continue in a fresh file so later entries stay aligned.
                int old = _cursorFile;
                _cursorFile++;
                _watermark = watermark;
                WriteCursorEntry();
                _cursor.Delete(old);
            }

            return watermark;
        }

        private void StartSegment()
        {
            if (_count == _maxSegments)
            {
                DropOldest(false);
            }

            int slot = Slot(_count);
            _segmentFile[slot] = _nextFile++;
            _segmentFirst[slot] = _newest + 1;
            _segmentUsed[slot] = 0;
            _count++;
            _tailSealed = false;
        }

        private void DropOldest(bool mounting)
        {
            long first = _segmentFirst[_oldest];
            long next = _count > 1 ? _segmentFirst[Slot(1)] : _newest + 1;
            if (!mounting)
            {
                for (long n = first > _watermark ? first : _watermark + 1; n < next; n++)
                {
                    if (!IsEarlyAcked(n))
                    {
                        _dropped++;
                    }
                }

                ForgetEarlyAcksBelow(next);
            }

            _segments.Delete(_segmentFile[_oldest]);
            if (_watermark < next - 1)
            {
                _watermark = next - 1;
            }

            RemoveOldestSlot();
        }

        private void DeleteDelivered()
        {
            // A segment goes when every record in it is delivered; the active tail stays until it is sealed or full.
            bool deleted = false;
            while (_count > 0)
            {
                long next = _count > 1 ? _segmentFirst[Slot(1)] : _newest + 1;
                bool isTail = _count == 1;
                if (next - 1 > _watermark || (isTail && (_bufferUsed > 0 || (!_tailSealed && _segmentUsed[_oldest] + HeaderSize < _segmentBytes))))
                {
                    break;
                }

                _segments.Delete(_segmentFile[_oldest]);
                RemoveOldestSlot();
                if (isTail)
                {
                    _tailSealed = true;
                }

                deleted = true;
            }

            if (deleted)
            {
                // The file that held these records is gone; the watermark must survive it.
                Checkpoint();
            }
        }

        private void RemoveOldestSlot()
        {
            if (_readSegment == _oldest)
            {
                _readSegment = -1;
            }

            _oldest = (_oldest + 1) % _maxSegments;
            _count--;
        }

        private bool TryLocate(long number, out int file, out int offset)
        {
            file = 0;
            offset = 0;
            if (number > _flushedNewest)
            {
                return TryLocateBuffered(number);
            }

            int index = -1;
            for (int i = _count - 1; i >= 0; i--)
            {
                if (_segmentFirst[Slot(i)] <= number)
                {
                    index = i;
                    break;
                }
            }

            if (index < 0)
            {
                return false;
            }

            int slot = Slot(index);
            file = _segmentFile[slot];
            int used = _segmentUsed[slot];
            long at = _segmentFirst[slot];
            if (_readSegment == slot && _readNumber <= number)
            {
                offset = _readOffset;
                at = _readNumber;
            }

            int length;
            while (offset < used && TryReadRecordHeader(file, offset, used, at, out length))
            {
                if (at == number)
                {
                    _readSegment = slot;
                    _readOffset = offset;
                    _readNumber = at;
                    return VerifyPayload(file, offset, length);
                }

                offset += HeaderSize + length;
                at++;
            }

            return false;
        }

        private bool TryLocateBuffered(long number)
        {
            int at = 0;
            for (long n = _flushedNewest + 1; n < number; n++)
            {
                at += HeaderSize + LittleEndian.ReadUInt16(_buffer, at + 8);
            }

            System.Array.Copy(_buffer, at, _header, 0, HeaderSize);
            System.Array.Copy(_buffer, at + HeaderSize, _scratch, 0, LittleEndian.ReadUInt16(_header, 8));
            return true;
        }

        private bool VerifyPayload(int file, int offset, int length)
        {
            uint stored = LittleEndian.ReadUInt32(_header, 0);
            _segments.Read(file, offset + HeaderSize, _scratch, 0, length);
            uint crc = Crc32.Finish(Crc32.Update(Crc32.Update(Crc32.Seed, _header, 4, 8), _scratch, 0, length));
            return crc == stored;
        }

        /// <summary>The number of a segment's first record, when that record is whole.</summary>
        private bool TryReadFirstNumber(int file, out long number)
        {
            number = 0;
            int used = _segments.Length(file);
            if (used < HeaderSize)
            {
                return false;
            }

            _segments.Read(file, 0, _header, 0, HeaderSize);
            number = LittleEndian.ReadUInt32(_header, 4);
            int length = LittleEndian.ReadUInt16(_header, 8);
            return _header[10] == 'W' && _header[11] == 'L' && HeaderSize + length <= used && length <= MaxPayload;
        }

        private bool TryReadRecordHeader(int file, int offset, int used, long expected, out int length)
        {
            length = 0;
            if (offset + HeaderSize > used)
            {
                return false;
            }

            _segments.Read(file, offset, _header, 0, HeaderSize);
            length = LittleEndian.ReadUInt16(_header, 8);
            if (_header[10] != 'W' || _header[11] != 'L' || LittleEndian.ReadUInt32(_header, 4) != (uint)expected
                || length > MaxPayload || offset + HeaderSize + length > used)
            {
                return false;
            }

            // Structure only (a torn append leaves a short record): the CRC is checked on each record read to send,
            // so a flipped bit costs that record, not the ones after it.
            return true;
        }

        private bool IsEarlyAcked(long number)
        {
            for (int i = 0; i < MaxEarlyAcks; i++)
            {
                if (_earlyAcks[i] == number)
                {
                    return true;
                }
            }

            return false;
        }

        private void ForgetEarlyAcksBelow(long number)
        {
            for (int i = 0; i < MaxEarlyAcks; i++)
            {
                if (_earlyAcks[i] != 0 && _earlyAcks[i] < number)
                {
                    _earlyAcks[i] = 0;
                }
            }
        }

        private void ClearEarlyAcks()
        {
            for (int i = 0; i < MaxEarlyAcks; i++)
            {
                _earlyAcks[i] = 0;
            }
        }

        private int Slot(int index)
        {
            return (_oldest + index) % _maxSegments;
        }
    }
}
