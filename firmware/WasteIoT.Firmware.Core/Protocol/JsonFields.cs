namespace WasteIoT.Firmware.Core.Protocol
{
    /// <summary>
    /// The top-level properties of one parsed JSON object, in fixed-size arrays allocated once.
    /// Nested objects and arrays are recorded by kind only: every device-hop message is flat.
    /// </summary>
    public class JsonFields
    {
        public const int Capacity = 32;

        private readonly string[] _names = new string[Capacity];
        private readonly JsonValueKind[] _kinds = new JsonValueKind[Capacity];
        private readonly string[] _strings = new string[Capacity];
        private readonly double[] _numbers = new double[Capacity];
        private readonly long[] _integers = new long[Capacity];
        private readonly bool[] _isInteger = new bool[Capacity];
        private int _count;

        public int Count
        {
            get { return _count; }
        }

        public string NameAt(int index)
        {
            return _names[index];
        }

        public JsonValueKind KindAt(int index)
        {
            return _kinds[index];
        }

        public void Clear()
        {
            for (int i = 0; i < _count; i++)
            {
                _names[i] = null;
                _strings[i] = null;
            }

            _count = 0;
        }

        /// <summary>Adds a property; false when the object has more properties than <see cref="Capacity"/>.</summary>
        public bool Add(string name, JsonValueKind kind, string text, double number, long integer, bool isInteger)
        {
            if (_count >= Capacity)
            {
                return false;
            }

            _names[_count] = name;
            _kinds[_count] = kind;
            _strings[_count] = text;
            _numbers[_count] = number;
            _integers[_count] = integer;
            _isInteger[_count] = isInteger;
            _count++;
            return true;
        }

        public int IndexOf(string name)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_names[i] == name)
                {
                    return i;
                }
            }

            return -1;
        }

        public bool Contains(string name)
        {
            return IndexOf(name) >= 0;
        }

        public bool TryGetString(string name, out string value)
        {
            int i = IndexOf(name);
            value = i >= 0 && _kinds[i] == JsonValueKind.String ? _strings[i] : null;
            return value != null;
        }

        public bool TryGetDouble(string name, out double value)
        {
            int i = IndexOf(name);
            bool found = i >= 0 && _kinds[i] == JsonValueKind.Number;
            value = found ? _numbers[i] : double.NaN;
            return found;
        }

        /// <summary>An integer property: a JSON number with no fraction or exponent that fits 64 bits.</summary>
        public bool TryGetLong(string name, out long value)
        {
            int i = IndexOf(name);
            bool found = i >= 0 && _kinds[i] == JsonValueKind.Number && _isInteger[i];
            value = found ? _integers[i] : 0;
            return found;
        }

        public bool TryGetBool(string name, out bool value)
        {
            int i = IndexOf(name);
            bool found = i >= 0 && (_kinds[i] == JsonValueKind.True || _kinds[i] == JsonValueKind.False);
            value = found && _kinds[i] == JsonValueKind.True;
            return found;
        }
    }
}
