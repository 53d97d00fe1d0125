using WasteIoT.Firmware.Core.Hardware;
using WasteIoT.Firmware.Core.Protocol;
using WasteIoT.Firmware.Core.Storage;

namespace WasteIoT.Firmware.Core.Session
{
    /// <summary>
    /// The device's MQTT session: every message goes into the flash log first, then out at QoS 1 with a
    /// few in flight; a record leaves the ring only when its PUBACK arrives. Connects with a retained
    /// last will and announces itself online; reconnects with jittered exponential backoff; applies
    /// downlink configs (persisted) and hands scan answers to the node.
    /// Thread-safe: <see cref="Service"/> runs on the main loop, the listener on the transport's thread.
    /// </summary>
    public class UplinkSession : IMqttListener
    {
        private readonly object _sync = new object();
        private readonly IMqttTransport _transport;
        private readonly SegmentLog _log;
        private readonly DeviceState _state;
        private readonly IClock _clock;
        private readonly Backoff _backoff;
        private readonly MessageCodec _codec = new MessageCodec();
        private readonly JsonWriter _writer = new JsonWriter(new byte[MessageCodec.MaxPayloadBytes]);
        private readonly byte[] _record;
        private readonly byte[] _payload = new byte[MessageCodec.MaxPayloadBytes];
        private readonly int[] _inFlightPacket;
        private readonly long[] _inFlightRecord;
        private readonly ScanFeedback _feedback = new ScanFeedback();
        private readonly int[] _earlyAcks = new int[8];
        private int _earlyAckNext;
        private readonly string _device;
        private readonly string _password;
        private readonly string _firmware;
        private IDownlinkHandler _handler;
        private int _inFlight;
        private long _lastSent;
        private long _nextAttemptAt;
        private bool _subscribed;
        private long _published;
        private long _paceAt = long.MinValue;
        private long _paceCredit;
        private long _acknowledged;
        private long _checkpointAt;

        /// <summary>
        /// How often a running node makes its delivery watermark durable (deep sleep does it on close): after a power
        /// cut at most this much is sent twice, and each checkpoint costs a flash block, so not more often.
        /// </summary>
        public const long CheckpointIntervalMs = 30000;

        /// <summary>Longest a routine position waits in RAM to be written to flash with the ones after it.</summary>
        public const long GroupCommitMs = 5000;

        private long _bufferedAt = long.MinValue;

        public UplinkSession(IMqttTransport transport, SegmentLog ring, DeviceState state, IClock clock, System.Random random, string device, string password, string firmware, int window)
        {
            _transport = transport;
            _log = ring;
            _state = state;
            _clock = clock;
            _backoff = new Backoff(random);
            _device = device;
            _password = password;
            _firmware = firmware;
            _record = new byte[ring.MaxPayload];
            _inFlightPacket = new int[window];
            _inFlightRecord = new long[window];
            transport.SetListener(this);
        }

        public Backoff Backoff
        {
            get { return _backoff; }
        }

        public bool IsConnected
        {
            get { return _transport.IsConnected; }
        }

        /// <summary>Messages waiting in flash (sent or not) for their PUBACK.</summary>
        public int Pending
        {
            get { return _log.PendingCount; }
        }

        public long Published
        {
            get { return _published; }
        }

        public long Acknowledged
        {
            get { return _acknowledged; }
        }

        public void SetHandler(IDownlinkHandler handler)
        {
            _handler = handler;
        }

        /// <summary>
        /// Stamps <paramref name="message"/> with this device's identity, the next sequence number and the
        /// time, and stores it. Nothing is lost if the device resets right after this returns.
        /// </summary>
        /// <returns>False when the message could not be encoded into a slot (a programming error, counted as dropped).</returns>
        public bool Enqueue(DeviceMessage message)
        {
            lock (_sync)
            {
                message.Device = _device;
                message.Boot = _state.Boot;
                message.Seq = _state.TakeSeq();
                message.Timestamp = _clock.UtcNowMs;
                int length = MessageCodec.Encode(message, _writer);
                string kind = message.Kind;
                if (length < 0 || length + kind.Length + 1 > _record.Length)
                {
                    _state.Dropped++;
                    return false;
                }

                // Record layout: kind length, kind, JSON. The kind picks the topic when the record is sent.
                _record[0] = (byte)kind.Length;
                for (int i = 0; i < kind.Length; i++)
                {
                    _record[1 + i] = (byte)kind[i];
                }

                System.Array.Copy(_writer.Buffer, 0, _record, 1 + kind.Length, length);
                long before = _log.Dropped;

                // A routine position may wait for the next ones (a gap of seconds if power fails before they are
                // written, shown as lost by the numbering); events, readings and heartbeats are durable at once.
                bool durable = kind != PositionReading.KindName;
                if (!durable && _log.Buffered == 0)
                {
                    _bufferedAt = _clock.UptimeMs;
                }

                _log.Append(_record, 1 + kind.Length + length, durable);
                _state.Dropped += _log.Dropped - before;
                return true;
            }
        }

        /// <summary>Connects when due and sends what is pending, up to the in-flight window.</summary>
        /// <returns>True when nothing is left to send or acknowledge.</returns>
        public bool Service()
        {
            lock (_sync)
            {
                long now = _clock.UptimeMs;
                if (_log.Buffered > 0 && (now - _bufferedAt >= GroupCommitMs || now < _bufferedAt))
                {
                    _log.Flush();
                }

                if (now - _checkpointAt >= CheckpointIntervalMs || now < _checkpointAt)
                {
                    _checkpointAt = now;
                    _log.Checkpoint();
                }

                if (!_transport.IsConnected && !TryConnect())
                {
                    return false;
                }

                while (_inFlight < _inFlightPacket.Length && TakePace())
                {
                    int length;
                    long number;
                    if (!_log.TryReadNextPending(_lastSent, _record, out length, out number))
                    {
                        if (_inFlight > 0 || _lastSent == 0 || _log.PendingCount == 0)
                        {
                            break;
                        }

                        // Everything sent was answered, yet records are pending: their PUBACKs came too far out of
                        // order for the log to keep. Send them again from the oldest (receivers deduplicate).
                        _lastSent = 0;
                        continue;
                    }

                    int kindLength = _record[0];
                    string kind = AsciiString(_record, 1, kindLength);
                    int jsonLength = length - 1 - kindLength;
                    System.Array.Copy(_record, 1 + kindLength, _payload, 0, jsonLength);
                    int packetId = _transport.Publish(TopicNames.Up(_device, kind), _payload, jsonLength, false);
                    if (packetId < 0)
                    {
                        DropConnection();
                        return false;
                    }

                    _inFlightPacket[_inFlight] = packetId;
                    _inFlightRecord[_inFlight] = number;
                    _inFlight++;
                    _lastSent = number;
                    _published++;
                    TakeEarlyAck(packetId);
                }

                return _inFlight == 0 && _log.PendingCount == 0;
            }
        }

        /// <summary>
        /// A send slot under the rate the gateway set (config <c>maxPublishPerS</c>), so a backlog after an outage drains
        /// at a pace the gateway accepts instead of being paced or cut off there. Credit is kept in thousandths of a
        /// publish, up to one second's worth.
        /// </summary>
        private bool TakePace()
        {
            long rate = _state.Config.EffectiveMaxPublishPerS;
            long now = _clock.UptimeMs;
            if (_paceAt == long.MinValue || now < _paceAt)
            {
                _paceCredit = rate * 1000;
            }
            else
            {
                _paceCredit += (now - _paceAt) * rate;
                if (_paceCredit > rate * 1000)
                {
                    _paceCredit = rate * 1000;
                }
            }

            _paceAt = now;
            if (_paceCredit < 1000)
            {
                return false;
            }

            _paceCredit -= 1000;
            return true;
        }

        /// <summary>Closes the session cleanly (before deep sleep); pending records stay in flash.</summary>
        public void Close()
        {
            lock (_sync)
            {
                _transport.Disconnect();
                _inFlight = 0;
                _lastSent = 0;
                _log.Flush();
                _log.Checkpoint();
            }
        }

        public void OnPublishAcknowledged(int packetId)
        {
            lock (_sync)
            {
                if (!Complete(packetId))
                {
                    // A transport may report the PUBACK before Publish has returned its id to us.
                    _earlyAcks[_earlyAckNext] = packetId;
                    _earlyAckNext = (_earlyAckNext + 1) % _earlyAcks.Length;
                }
            }
        }

        private bool Complete(int packetId)
        {
            for (int i = 0; i < _inFlight; i++)
            {
                if (_inFlightPacket[i] == packetId)
                {
                    _log.Acknowledge(_inFlightRecord[i]);
                    _acknowledged++;
                    _inFlight--;
                    _inFlightPacket[i] = _inFlightPacket[_inFlight];
                    _inFlightRecord[i] = _inFlightRecord[_inFlight];
                    return true;
                }
            }

            return false;
        }

        private void TakeEarlyAck(int packetId)
        {
            for (int i = 0; i < _earlyAcks.Length; i++)
            {
                if (_earlyAcks[i] == packetId && packetId != 0)
                {
                    _earlyAcks[i] = 0;
                    Complete(packetId);
                    return;
                }
            }
        }

        public void OnMessage(string topic, byte[] payload)
        {
            string kind = TopicNames.DownKind(topic, _device);
            if (kind == null || payload == null)
            {
                return;
            }

            string error;
            IDownlinkHandler handler = _handler;
            lock (_sync)
            {
                if (!_codec.TryParse(payload, 0, payload.Length, out error))
                {
                    return;
                }

                if (kind == DeviceConfig.KindName)
                {
                    if (!_state.Config.TryApply(_codec.Fields, _device, out error))
                    {
                        return;
                    }

                    _state.Save();
                }
                else if (kind != ScanFeedback.KindName || !_feedback.TryRead(_codec.Fields, _device, out error))
                {
                    return;
                }
            }

            if (handler == null)
            {
                return;
            }

            if (kind == DeviceConfig.KindName)
            {
                handler.OnConfigApplied(_state.Config);
            }
            else
            {
                handler.OnScanFeedback(_feedback);
            }
        }

        public void OnConnectionLost()
        {
            lock (_sync)
            {
                // Unacknowledged records stay pending in flash and go again after the reconnect;
                // the receivers deduplicate on (device, boot, seq).
                _inFlight = 0;
                _lastSent = 0;
                _subscribed = false;
                _nextAttemptAt = _clock.UptimeMs + _backoff.Fail();
            }
        }

        private bool TryConnect()
        {
            long now = _clock.UptimeMs;
            if (now < _nextAttemptAt)
            {
                return false;
            }

            string error;
            int willLength = WriteStatus(false);
            byte[] will = new byte[willLength];
            System.Array.Copy(_writer.Buffer, 0, will, 0, willLength);
            if (!_transport.TryConnect(_device, _device, _password, TopicNames.Status(_device), will, out error))
            {
                _nextAttemptAt = now + _backoff.Fail();
                return false;
            }

            _backoff.Succeed();
            _inFlight = 0;
            _lastSent = 0;
            ClearEarlyAcks();
            int onlineLength = WriteStatus(true);
            System.Array.Copy(_writer.Buffer, 0, _payload, 0, onlineLength);
            if (_transport.Publish(TopicNames.Status(_device), _payload, onlineLength, true) < 0)
            {
                DropConnection();
                return false;
            }

            if (!_subscribed)
            {
                _subscribed = _transport.TrySubscribe(TopicNames.DownFilter(_device));
            }

            return true;
        }

        private int WriteStatus(bool online)
        {
            _writer.Reset();
            _writer.BeginObject();
            _writer.WriteString("kind", "status");
            _writer.WriteInteger("schema", DeviceMessage.SchemaVersion);
            _writer.WriteString("client", _device);
            _writer.WriteInteger("boot", _state.Boot);
            _writer.WriteBool("online", online);
            if (online)
            {
                _writer.WriteString("fw", _firmware);
            }

            _writer.EndObject();
            return _writer.Length;
        }

        private void DropConnection()
        {
            _transport.Disconnect();
            _inFlight = 0;
            _lastSent = 0;
            _subscribed = false;
            _nextAttemptAt = _clock.UptimeMs + _backoff.Fail();
        }

        private void ClearEarlyAcks()
        {
            for (int i = 0; i < _earlyAcks.Length; i++)
            {
                _earlyAcks[i] = 0;
            }
        }

        private static string AsciiString(byte[] bytes, int offset, int count)
        {
            char[] chars = new char[count];
            for (int i = 0; i < count; i++)
            {
                chars[i] = (char)bytes[offset + i];
            }

            return new string(chars);
        }
    }
}
