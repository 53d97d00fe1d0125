using WasteIoT.Firmware.Core.Hardware;
using WasteIoT.Firmware.Core.Protocol;

namespace WasteIoT.Firmware.Core.Storage
{
    /// <summary>
    /// What a device must remember across resets and deep sleep: boot counter, the next sequence number,
    /// the dropped-records counter and the last applied config. Kept in two copies (A/B) with a generation
    /// number and a CRC, so a save torn by power loss leaves the previous copy intact.
    /// </summary>
    public class DeviceState
    {
        private const int PayloadSize = 104;
        private const int HeaderSize = 12;

        private readonly IFlashRegion _flash;
        private readonly int _half;
        private readonly byte[] _buffer = new byte[HeaderSize + PayloadSize];
        private uint _generation;

        public DeviceState(IFlashRegion flash)
        {
            _flash = flash;
            _half = flash.Size / 2;
            if (_half < HeaderSize + PayloadSize)
            {
                throw new System.ArgumentException("state region too small");
            }
        }

        public long Boot;

        /// <summary>The sequence number the next message of this boot gets.</summary>
        public long NextSeq = 1;

        /// <summary>Records evicted from a full flash log since installation.</summary>
        public long Dropped;

        public DeviceConfig Config = new DeviceConfig();

        /// <summary>Wall-clock time this boot started, Unix ms (uptime counts deep sleep).</summary>
        public long BootStartedAt;

        /// <summary>Values the node application keeps across deep sleep (last publish, hysteresis state…).</summary>
        public readonly long[] App = new long[4];

        /// <summary>Loads the newest valid copy.</summary>
        /// <returns>False when neither copy is valid (a new device): the fields keep their defaults.</returns>
        public bool TryLoad()
        {
            uint generationA, generationB;
            bool a = TryReadCopy(0, out generationA);
            bool b = TryReadCopy(_half, out generationB);
            if (!a && !b)
            {
                return false;
            }

            int offset = !b || (a && generationA >= generationB) ? 0 : _half;
            uint generation;
            TryReadCopy(offset, out generation);
            Decode();
            _generation = generation;
            return true;
        }

        /// <summary>
        /// Starts a boot. A power-on or a reset is a new boot (sequence restarts at 1); a wake from deep
        /// sleep continues the boot it slept in, so its messages keep counting up.
        /// </summary>
        public void BeginBoot(bool wokeFromDeepSleep, long nowMs)
        {
            if (!wokeFromDeepSleep || Boot == 0)
            {
                Boot++;
                NextSeq = 1;
                BootStartedAt = nowMs;
                for (int i = 0; i < App.Length; i++)
                {
                    App[i] = 0;
                }
            }
        }

        /// <summary>Hands out the next sequence number (persist with <see cref="Save"/> before sleeping).</summary>
        public long TakeSeq()
        {
            return NextSeq++;
        }

        public void Save()
        {
            _generation++;
            for (int i = 0; i < _buffer.Length; i++)
            {
                _buffer[i] = 0;
            }

            LittleEndian.WriteInt64(_buffer, HeaderSize, Boot);
            LittleEndian.WriteInt64(_buffer, HeaderSize + 8, NextSeq);
            LittleEndian.WriteInt64(_buffer, HeaderSize + 16, Dropped);
            LittleEndian.WriteInt64(_buffer, HeaderSize + 24, Config.Revision);
            LittleEndian.WriteUInt32(_buffer, HeaderSize + 32, (uint)Config.MeasureIntervalS);
            LittleEndian.WriteUInt32(_buffer, HeaderSize + 36, (uint)Config.PublishIntervalS);
            LittleEndian.WriteUInt32(_buffer, HeaderSize + 40, (uint)Config.HeartbeatIntervalS);
            LittleEndian.WriteUInt32(_buffer, HeaderSize + 44, (uint)Config.ScanDebounceS);
            LittleEndian.WriteUInt32(_buffer, HeaderSize + 48, (uint)Config.MinDwellS);
            LittleEndian.WriteUInt32(_buffer, HeaderSize + 52, (uint)(Config.FillChangeThreshold * 10000 + 0.5));
            LittleEndian.WriteInt64(_buffer, HeaderSize + 56, BootStartedAt);

            // Bytes 96..99 were spare (zero in every copy written before): 0 reads back as "not told yet".
            LittleEndian.WriteUInt32(_buffer, HeaderSize + 96, (uint)Config.MaxPublishPerS);
            for (int i = 0; i < App.Length; i++)
            {
                LittleEndian.WriteInt64(_buffer, HeaderSize + 64 + (8 * i), App[i]);
            }

            _buffer[0] = (byte)'W';
            _buffer[1] = (byte)'S';
            LittleEndian.WriteUInt32(_buffer, 4, _generation);
            LittleEndian.WriteUInt32(_buffer, 8, Crc32.Compute(_buffer, HeaderSize, PayloadSize));

            // Alternate halves: the copy being overwritten is never the newest one.
            int offset = (_generation % 2) == 0 ? 0 : _half;
            _flash.Write(offset, _buffer, 0, _buffer.Length);
        }

        private bool TryReadCopy(int offset, out uint generation)
        {
            _flash.Read(offset, _buffer, 0, _buffer.Length);
            generation = LittleEndian.ReadUInt32(_buffer, 4);
            return _buffer[0] == 'W' && _buffer[1] == 'S'
                && Crc32.Compute(_buffer, HeaderSize, PayloadSize) == LittleEndian.ReadUInt32(_buffer, 8);
        }

        private void Decode()
        {
            Boot = LittleEndian.ReadInt64(_buffer, HeaderSize);
            NextSeq = LittleEndian.ReadInt64(_buffer, HeaderSize + 8);
            Dropped = LittleEndian.ReadInt64(_buffer, HeaderSize + 16);
            Config.Revision = LittleEndian.ReadInt64(_buffer, HeaderSize + 24);
            Config.MeasureIntervalS = (int)LittleEndian.ReadUInt32(_buffer, HeaderSize + 32);
            Config.PublishIntervalS = (int)LittleEndian.ReadUInt32(_buffer, HeaderSize + 36);
            Config.HeartbeatIntervalS = (int)LittleEndian.ReadUInt32(_buffer, HeaderSize + 40);
            Config.ScanDebounceS = (int)LittleEndian.ReadUInt32(_buffer, HeaderSize + 44);
            Config.MinDwellS = (int)LittleEndian.ReadUInt32(_buffer, HeaderSize + 48);
            Config.FillChangeThreshold = LittleEndian.ReadUInt32(_buffer, HeaderSize + 52) / 10000.0;
            BootStartedAt = LittleEndian.ReadInt64(_buffer, HeaderSize + 56);
            Config.MaxPublishPerS = (int)LittleEndian.ReadUInt32(_buffer, HeaderSize + 96);
            for (int i = 0; i < App.Length; i++)
            {
                App[i] = LittleEndian.ReadInt64(_buffer, HeaderSize + 64 + (8 * i));
            }
        }
    }
}
