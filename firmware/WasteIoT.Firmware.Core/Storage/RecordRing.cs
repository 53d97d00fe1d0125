using WasteIoT.Firmware.Core.Hardware;

namespace WasteIoT.Firmware.Core.Storage
{
    /// <summary>
    /// Store-and-forward buffer of encoded messages in flash, with a fixed number of fixed-size slots
    /// (all memory is allocated by the constructor). Each slot:
    /// <code>
    /// 0  CRC-32         of bytes 8..15 and the payload
    /// 4  'W' 'I'        magic
    /// 6  state          0xFF pending, 0x00 acknowledged (one byte cleared in place after the PUBACK)
    /// 7  0xFF           reserved
    /// 8  record number  uint32, increasing across the ring's life
    /// 12 length         uint16
    /// 14 0xFFFF         reserved
    /// 16 payload
    /// </code>
    /// The CRC comes first so that a write torn by power loss after any byte that changed it leaves a
    /// slot that fails its CRC: neither the new record nor the one it was overwriting (which could
    /// otherwise come back as pending). Such a slot is skipped at mount. Slots are written in
    /// order around the ring; when the next slot still holds a pending record, that oldest record is
    /// evicted and counted in <see cref="Dropped"/>.
    /// </summary>
    public class RecordRing
    {
        public const int HeaderSize = 16;

        private const int StateOffset = 6;
        private const byte StatePending = 0xFF;
        private const byte StateAcknowledged = 0x00;

        private readonly IFlashRegion _flash;
        private readonly int _slotSize;
        private readonly int _slotCount;
        private readonly long[] _numbers;
        private readonly bool[] _pending;
        private readonly byte[] _scratch;
        private readonly byte[] _stateByte = new byte[1];
        private int _newestSlot = -1;
        private long _nextNumber = 1;
        private int _pendingCount;
        private long _dropped;
        private int _corrupt;

        public RecordRing(IFlashRegion flash, int slotSize)
        {
            if (slotSize <= HeaderSize || slotSize > 65535 + HeaderSize)
            {
                throw new System.ArgumentOutOfRangeException("slotSize");
            }

            _flash = flash;
            _slotSize = slotSize;
            _slotCount = flash.Size / slotSize;
            if (_slotCount < 2)
            {
                throw new System.ArgumentException("the region holds fewer than two slots");
            }

            _numbers = new long[_slotCount];
            _pending = new bool[_slotCount];
            _scratch = new byte[slotSize];
        }

        public int Capacity
        {
            get { return _slotCount; }
        }

        /// <summary>Largest payload a slot holds.</summary>
        public int MaxPayload
        {
            get { return _slotSize - HeaderSize; }
        }

        public int PendingCount
        {
            get { return _pendingCount; }
        }

        /// <summary>Pending records evicted because the ring was full, since mount.</summary>
        public long Dropped
        {
            get { return _dropped; }
        }

        /// <summary>Slots found torn or corrupt at mount.</summary>
        public int Corrupt
        {
            get { return _corrupt; }
        }

        /// <summary>Rebuilds the index from flash; call once at start.</summary>
        public void Mount()
        {
            _newestSlot = -1;
            _nextNumber = 1;
            _pendingCount = 0;
            _corrupt = 0;
            long newest = 0;
            for (int slot = 0; slot < _slotCount; slot++)
            {
                _numbers[slot] = -1;
                _pending[slot] = false;
                _flash.Read(slot * _slotSize, _scratch, 0, _slotSize);
                if (_scratch[4] != 'W' || _scratch[5] != 'I')
                {
                    continue;
                }

                int length = LittleEndian.ReadUInt16(_scratch, 12);
                if (length > MaxPayload || Checksum(_scratch, length) != LittleEndian.ReadUInt32(_scratch, 0))
                {
                    _corrupt++;
                    continue;
                }

                long number = LittleEndian.ReadUInt32(_scratch, 8);
                _numbers[slot] = number;
                _pending[slot] = _scratch[StateOffset] == StatePending;
                if (_pending[slot])
                {
                    _pendingCount++;
                }

                if (number >= newest)
                {
                    newest = number;
                    _newestSlot = slot;
                }
            }

            _nextNumber = newest + 1;
        }

        /// <summary>Stores one record.</summary>
        /// <returns>Its record number, or -1 when the payload is larger than a slot.</returns>
        public long Append(byte[] payload, int length)
        {
            if (length < 0 || length > MaxPayload)
            {
                return -1;
            }

            int slot = (_newestSlot + 1) % _slotCount;
            if (_pending[slot])
            {
                _pending[slot] = false;
                _pendingCount--;
                _dropped++;
            }

            long number = _nextNumber++;
            _scratch[4] = (byte)'W';
            _scratch[5] = (byte)'I';
            _scratch[StateOffset] = StatePending;
            _scratch[7] = 0xFF;
            LittleEndian.WriteUInt32(_scratch, 8, (uint)number);
            LittleEndian.WriteUInt16(_scratch, 12, length);
            _scratch[14] = 0xFF;
            _scratch[15] = 0xFF;
            System.Array.Copy(payload, 0, _scratch, HeaderSize, length);
            LittleEndian.WriteUInt32(_scratch, 0, Checksum(_scratch, length));
            _numbers[slot] = -1;
            _flash.Write(slot * _slotSize, _scratch, 0, HeaderSize + length);
            _numbers[slot] = number;
            _pending[slot] = true;
            _pendingCount++;
            _newestSlot = slot;
            return number;
        }

        /// <summary>Finds the oldest pending record numbered above <paramref name="afterNumber"/> and copies its payload.</summary>
        /// <returns>False when there is none.</returns>
        public bool TryReadNextPending(long afterNumber, byte[] buffer, out int length, out long number)
        {
            length = 0;
            number = -1;
            int best = -1;
            for (int slot = 0; slot < _slotCount; slot++)
            {
                if (_pending[slot] && _numbers[slot] > afterNumber && (best < 0 || _numbers[slot] < _numbers[best]))
                {
                    best = slot;
                }
            }

            if (best < 0)
            {
                return false;
            }

            _flash.Read(best * _slotSize, _scratch, 0, _slotSize);
            length = LittleEndian.ReadUInt16(_scratch, 12);
            if (length > MaxPayload || length > buffer.Length || Checksum(_scratch, length) != LittleEndian.ReadUInt32(_scratch, 0))
            {
                // Flash went bad under a pending record: drop it rather than block the ring forever.
                _pending[best] = false;
                _pendingCount--;
                _corrupt++;
                return TryReadNextPending(afterNumber, buffer, out length, out number);
            }

            System.Array.Copy(_scratch, HeaderSize, buffer, 0, length);
            number = _numbers[best];
            return true;
        }

        /// <summary>Marks a record delivered (its PUBACK arrived); the slot becomes free.</summary>
        /// <returns>False when no pending record has that number (already acknowledged or evicted).</returns>
        public bool Acknowledge(long number)
        {
            for (int slot = 0; slot < _slotCount; slot++)
            {
                if (_pending[slot] && _numbers[slot] == number)
                {
                    _stateByte[0] = StateAcknowledged;
                    _flash.Write((slot * _slotSize) + StateOffset, _stateByte, 0, 1);
                    _pending[slot] = false;
                    _pendingCount--;
                    return true;
                }
            }

            return false;
        }

        private static uint Checksum(byte[] slot, int length)
        {
            uint crc = Crc32.Update(Crc32.Seed, slot, 8, 8);
            return Crc32.Finish(Crc32.Update(crc, slot, HeaderSize, length));
        }
    }
}
