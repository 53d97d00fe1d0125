using System;
using Iot.Device.Mfrc522;
using Iot.Device.Rfid;
using WasteIoT.Firmware.Core.Hardware;

namespace WasteIoT.Firmware.Drivers
{
    /// <summary>MFRC522 (13.56 MHz, ISO 14443A): cleaners' badges and MIFARE household tags. Polls briefly so the main loop keeps its pace.</summary>
    public class Mfrc522TagReader : ITagReader
    {
        private static readonly TimeSpan PollTimeout = TimeSpan.FromMilliseconds(30);

        private readonly MfRc522 _reader;

        public Mfrc522TagReader(MfRc522 reader)
        {
            _reader = reader;
        }

        public bool TryReadTag(out string uid)
        {
            Data106kbpsTypeA card;
            if (_reader.ListenToCardIso14443TypeA(out card, PollTimeout) && card.NfcId != null && card.NfcId.Length > 0)
            {
                uid = Hex.Upper(card.NfcId);
                _reader.Halt();
                return true;
            }

            uid = null;
            return false;
        }
    }
}
