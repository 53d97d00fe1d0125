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
    public class GatewaySession : IMqttListener
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
        private readonly byte[] _sendRecord;
        private readonly JsonWriter _statusWriter = new JsonWriter(new byte[256]);
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

        public GatewaySession(IMqttTransport transport, SegmentLog log, DeviceState state, IClock clock, System.Random random, string device, string password, string firmware, int window)
        {
            _transport = transport;
            _log = log;
            _state = state;
            _clock = clock;
            _backoff = new Backoff(random);
            _device = device;
            _password = password;
            _firmware = firmware;
            _record = new byte[log.MaxPayload];
            _sendRecord = new byte[log.MaxPayload];
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

                bool durable = !message.MayWaitForFlash;
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
        /// <remarks>
        /// Transport calls (connect, publish, disconnect) run outside the session's lock: they can block for tens of
        /// seconds (Wi-Fi association, a 30 s MQTT connect timeout, a slow socket), and <see cref="Enqueue"/> from the
        /// sensing loop must never wait for them. One thread calls Service (the node's, or an <see cref="GatewayWorker"/>).
        /// </remarks>
        /// <returns>True when nothing is left to send or acknowledge.</returns>
        public bool Service()
        {
            bool connected;
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

                connected = _transport.IsConnected;
                if (!connected && now < _nextAttemptAt)
                {
                    return false;
                }
            }

            if (!connected && !TryConnect())
            {
                return false;
            }

            while (true)
            {
                string topic;
                int jsonLength;
                long number;
                lock (_sync)
                {
                    if (!TryTakeNextToSend(out topic, out jsonLength, out number))
                    {
                        return _inFlight == 0 && _log.PendingCount == 0;
                    }
                }

                int packetId = _transport.Publish(topic, _payload, jsonLength, false);
                lock (_sync)
                {
                    if (packetId < 0)
                    {
                        ForgetConnection();
                    }
                    else
                    {
                        _inFlightPacket[_inFlight] = packetId;
                        _inFlightRecord[_inFlight] = number;
                        _inFlight++;
                        _lastSent = number;
                        _published++;
                        TakeEarlyAck(packetId);
                        continue;
                    }
                }

                _transport.Disconnect();
                return false;
            }
        }

        /// <summary>The next record to publish, in <c>_payload</c>, when the window and the pace allow one.</summary>
        private bool TryTakeNextToSend(out string topic, out int jsonLength, out long number)
        {
            topic = null;
            jsonLength = 0;
            number = -1;
            if (_inFlight >= _inFlightPacket.Length || !TakePace())
            {
                return false;
            }

            int length;
            if (!_log.TryReadNextPending(_lastSent, _sendRecord, out length, out number))
            {
                if (_inFlight > 0 || _lastSent == 0 || _log.PendingCount == 0)
                {
                    return false;
                }

                // Everything sent was answered, yet records are pending: their PUBACKs came too far out of order
                // for the log to keep. Send them again from the oldest (receivers deduplicate).
                _lastSent = 0;
                if (!_log.TryReadNextPending(_lastSent, _sendRecord, out length, out number))
                {
                    return false;
                }
            }

            int kindLength = _sendRecord[0];
            topic = Topics.DeviceUp(_device, AsciiString(_sendRecord, 1, kindLength));
            jsonLength = length - 1 - kindLength;
            System.Array.Copy(_sendRecord, 1 + kindLength, _payload, 0, jsonLength);
            return true;
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
            _transport.Disconnect();
            lock (_sync)
            {
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
            string kind = Topics.DownKind(topic, _device);
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
            byte[] will;
            lock (_sync)
            {
                int willLength = WriteStatus(false);
                will = new byte[willLength];
                System.Array.Copy(_statusWriter.Buffer, 0, will, 0, willLength);
            }

            string error;
            bool accepted = _transport.TryConnect(_device, _device, _password, Topics.DeviceStatus(_device), will, out error);
            int onlineLength;
            lock (_sync)
            {
                if (!accepted)
                {
                    _nextAttemptAt = _clock.UptimeMs + _backoff.Fail();
                    return false;
                }

                _backoff.Succeed();
                _inFlight = 0;
                _lastSent = 0;
                ClearEarlyAcks();
                onlineLength = WriteStatus(true);
                System.Array.Copy(_statusWriter.Buffer, 0, _payload, 0, onlineLength);
            }

            if (_transport.Publish(Topics.DeviceStatus(_device), _payload, onlineLength, true) < 0)
            {
                lock (_sync)
                {
                    ForgetConnection();
                }

                _transport.Disconnect();
                return false;
            }

            if (!_subscribed)
            {
                _subscribed = _transport.TrySubscribe(Topics.DeviceDownFilter(_device));
            }

            return true;
        }

        private int WriteStatus(bool online)
        {
            _statusWriter.Reset();
            _statusWriter.BeginObject();
            _statusWriter.WriteString("kind", "status");
            _statusWriter.WriteInteger("schema", DeviceMessage.SchemaVersion);
            _statusWriter.WriteString("client", _device);
            _statusWriter.WriteInteger("boot", _state.Boot);
            _statusWriter.WriteBool("online", online);
            if (online)
            {
                _statusWriter.WriteString("fw", _firmware);
            }

            _statusWriter.EndObject();
            return _statusWriter.Length;
        }

        /// <summary>Forgets the connection's state (call under the lock; disconnect the transport outside it).</summary>
        private void ForgetConnection()
        {
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
