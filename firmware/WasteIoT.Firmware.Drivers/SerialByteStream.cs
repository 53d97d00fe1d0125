using System.IO.Ports;
using WasteIoT.Firmware.Core.Hardware;

namespace WasteIoT.Firmware.Drivers
{
    /// <summary>A UART read without blocking: the GNSS receiver (9600 8N1 NMEA), SDS011 (9600) or PMS5003 (9600).</summary>
    public class SerialByteStream : IByteStream
    {
        private readonly SerialPort _port;

        public SerialByteStream(SerialPort port)
        {
            _port = port;
            if (!port.IsOpen)
            {
                port.Open();
            }
        }

        public int Read(byte[] buffer, int offset, int count)
        {
            int available = _port.BytesToRead;
            if (available <= 0)
            {
                return 0;
            }

            return _port.Read(buffer, offset, available < count ? available : count);
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            _port.Write(buffer, offset, count);
        }
    }
}
