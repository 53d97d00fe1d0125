using System.IO;
using WasteIoT.Firmware.Core.Hardware;

namespace WasteIoT.Firmware.Devices
{
    /// <summary>
    /// Numbered files in one directory of the ESP32's littlefs <c>config</c> partition (drive I:). Only appended to
    /// and deleted: littlefs copies a file's last block on an append that ends in mid-block, and every block after
    /// any change in the middle, so an in-place ring would rewrite most of its file on every record.
    /// </summary>
    public class LittleFsSegmentStore : ISegmentStore
    {
        private const string Extension = ".log";

        private readonly string _directory;

        public LittleFsSegmentStore(string directory)
        {
            _directory = directory;
            if (!Directory.Exists(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        public int List(int[] files)
        {
            string[] paths = Directory.GetFiles(_directory);
            int count = 0;
            for (int i = 0; i < paths.Length && count < files.Length; i++)
            {
                int number;
                if (TryParseNumber(paths[i], out number))
                {
                    files[count++] = number;
                }
            }

            return count;
        }

        public int Length(int file)
        {
            string path = PathOf(file);
            if (!File.Exists(path))
            {
                return 0;
            }

            using (FileStream stream = new FileStream(path, FileMode.Open, FileAccess.Read))
            {
                return (int)stream.Length;
            }
        }

        public void Read(int file, int offset, byte[] buffer, int index, int count)
        {
            using (FileStream stream = new FileStream(PathOf(file), FileMode.Open, FileAccess.Read))
            {
                stream.Seek(offset, SeekOrigin.Begin);
                int done = 0;
                while (done < count)
                {
                    int n = stream.Read(buffer, index + done, count - done);
                    if (n <= 0)
                    {
                        throw new IOException("short read");
                    }

                    done += n;
                }
            }
        }

        public void Append(int file, byte[] buffer, int index, int count)
        {
            // One Write per record: nanoFramework's FileStream writes through, so each call is one littlefs sync.
            using (FileStream stream = new FileStream(PathOf(file), FileMode.Append, FileAccess.Write))
            {
                stream.Write(buffer, index, count);
            }
        }

        public void Delete(int file)
        {
            string path = PathOf(file);
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }

        private string PathOf(int file)
        {
            return _directory + "\\" + file.ToString() + Extension;
        }

        private static bool TryParseNumber(string path, out int number)
        {
            number = 0;
            int slash = path.LastIndexOf('\\');
            int dot = path.LastIndexOf('.');
            if (dot <= slash + 1 || path.Substring(dot) != Extension)
            {
                return false;
            }

            for (int i = slash + 1; i < dot; i++)
            {
                char c = path[i];
                if (c < '0' || c > '9' || number > 100000000)
                {
                    return false;
                }

                number = (number * 10) + (c - '0');
            }

            return true;
        }
    }
}
