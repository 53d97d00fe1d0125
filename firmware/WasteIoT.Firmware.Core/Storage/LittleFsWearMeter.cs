namespace WasteIoT.Firmware.Core.Storage
{
    /// <summary>
    /// What littlefs programs and erases for the operations of a <see cref="MemorySegmentStore"/>, by littlefs's
    /// copy-on-write rules (littlefs DESIGN.md): a file's data blocks are never modified in place, so an append
    /// that starts in mid-block copies that block's used bytes to a freshly erased block before the new bytes
    /// (nanoFramework's FileStream syncs every write, so every append pays this); each sync, create or delete
    /// commits an entry to the directory's metadata pair, which is erased and compacted when its block fills.
    /// Figures in bytes and erased blocks, for the flash-life table in hardware/*/README.md.
    /// </summary>
    public class LittleFsWearMeter
    {
        /// <summary>ESP32 SPI flash erase sector (4 KiB); littlefs's block_size on the ESP32 targets.</summary>
        public int BlockBytes = 4096;

        /// <summary>Smallest program unit littlefs pads to (prog_size; assumed 16 B).</summary>
        public int ProgramBytes = 16;

        /// <summary>One metadata commit: name/struct/CTZ tags and its CRC (assumed 64 B after padding).</summary>
        public int CommitBytes = 64;

        /// <summary>
        /// Program/erase cycles each sector of the module's SPI NOR flash is rated for: "minimum 100,000" in the
        /// GigaDevice GD25Q32C/GD25Q64C datasheets (Features), the parts on ESP32-WROOM-32E N4/N8 modules.
        /// </summary>
        public const double EnduranceCycles = 100000;

        private long _bytesProgrammed;
        private long _blocksErased;
        private long _metadataFill;

        public long BytesProgrammed
        {
            get { return _bytesProgrammed; }
        }

        public long BlocksErased
        {
            get { return _blocksErased; }
        }

        /// <summary>An append of <paramref name="count"/> bytes to a file holding <paramref name="length"/>.</summary>
        public void Append(int length, int count)
        {
            int tail = length % BlockBytes;
            int written = tail + count;

            // The tail block is copied into a new block with the new bytes; further blocks are new as well.
            _blocksErased += (written + BlockBytes - 1) / BlockBytes;
            _bytesProgrammed += RoundUp(written);
            Commit();
        }

        /// <summary>A file rewritten from the start (a small file saved in place): new blocks for all of it.</summary>
        public void Rewrite(int length)
        {
            _blocksErased += (length + BlockBytes - 1) / BlockBytes;
            _bytesProgrammed += RoundUp(length);
            Commit();
        }

        public void Delete()
        {
            Commit();
        }

        /// <summary>
        /// Years until the average block of a partition reaches its rated cycles, littlefs levelling wear over every
        /// block it allocates (dynamic wear levelling: block_cycles).
        /// </summary>
        public double LifeYears(double erasesPerDay, int partitionBytes)
        {
            return EnduranceCycles * (partitionBytes / BlockBytes) / erasesPerDay / 365.25;
        }

        private void Commit()
        {
            _bytesProgrammed += CommitBytes;
            _metadataFill += CommitBytes;
            if (_metadataFill >= BlockBytes)
            {
                // Compaction erases the other block of the pair and rewrites the live entries (small: few files).
                _blocksErased++;
                _metadataFill = 0;
            }
        }

        private long RoundUp(int bytes)
        {
            return ((bytes + ProgramBytes - 1) / ProgramBytes) * (long)ProgramBytes;
        }
    }
}
