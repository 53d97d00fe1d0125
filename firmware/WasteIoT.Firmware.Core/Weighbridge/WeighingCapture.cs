using System.Collections;
using WasteIoT.Firmware.Core.Protocol;

namespace WasteIoT.Firmware.Core.Weighbridge
{
    /// <summary>
    /// Turns the indicator's readings and the card reader into weighings. A vehicle is on the platform from the weight
    /// rising over <c>minLoadKg</c> until it falls back under it; once the weight has settled it is captured, once, with
    /// the card swiped in the minute before or while on the platform. A card's first pass opens a visit (in); its next
    /// within the visit window closes it (out) with the visit's gross, tare and net — whichever way the load went, in
    /// loaded and out empty (collection trucks) or in empty and out loaded (transfer trucks). A vehicle without a card is
    /// weighed all the same (in, no tag): the cloud counts it as unidentified rather than the node guessing.
    /// </summary>
    public class WeighingCapture
    {
        private const int MaxOpenVisits = 64;
        private const long CardValidMs = 60000;
        private readonly int _minLoadKg;
        private readonly long _visitMs;
        private readonly StableWeight _stable;
        private readonly ArrayList _visits = new ArrayList();
        private readonly ArrayList _ready = new ArrayList();
        private bool _onPlatform;
        private bool _captured;
        private string _card;
        private long _cardAt = long.MinValue;

        /// <param name="divisionKg">The indicator's division (e = 20 kg on a 60 t truck scale).</param>
        /// <param name="holdMs">How long the reading must hold within a division (2 s).</param>
        /// <param name="visitMs">How long an open visit waits for its second pass (4 h).</param>
        public WeighingCapture(int minLoadKg, int divisionKg, long holdMs, long visitMs)
        {
            _minLoadKg = minLoadKg;
            _visitMs = visitMs;
            _stable = new StableWeight(divisionKg, holdMs);
        }

        /// <summary>Readings the indicator sent while a vehicle was on the platform but it never settled before leaving.</summary>
        public int NeverSettled;

        public void Reading(long ms, int kg)
        {
            _stable.Feed(ms, kg);
            if (kg < _minLoadKg)
            {
                if (_onPlatform && !_captured)
                {
                    NeverSettled++;
                }

                _onPlatform = false;
                _captured = false;
                return;
            }

            _onPlatform = true;
            if (_captured || !_stable.Stable)
            {
                return;
            }

            _captured = true;
            string tag = _card != null && ms - _cardAt <= CardValidMs ? _card : null;
            _card = null;
            _ready.Add(Capture(ms, _stable.WeightKg, tag));
        }

        /// <summary>
        /// A ticket the indicator printed (its print output wired instead of the continuous one): the completed visit as
        /// the indicator computed it, sent as the visit's second pass. The ticket does not say which pass was second, so
        /// the platform weight sent is its tare — the empty truck leaving, as a collection truck does. The card is the
        /// one swiped within <see cref="TicketCardMs"/> before it (the operator prints after the second weighing).
        /// </summary>
        public void Ticket(long ms, WeighTicket ticket)
        {
            Weighing weighing = new Weighing();
            weighing.Direction = WeighDirection.Out;
            weighing.WeightKg = ticket.TareKg;
            weighing.Stable = true;
            weighing.Tag = _card != null && ms - _cardAt <= TicketCardMs ? _card : null;
            weighing.Vehicle = ticket.Vehicle;
            weighing.Ticket = ticket.Number;
            weighing.GrossKg = ticket.GrossKg;
            weighing.TareKg = ticket.TareKg;
            weighing.NetKg = ticket.NetKg;
            _card = null;
            _ready.Add(weighing);
        }

        /// <summary>How long before its ticket a card is taken as the ticket's vehicle's.</summary>
        public const long TicketCardMs = 600000;

        /// <summary>A vehicle's card swiped at the scale.</summary>
        public void Card(long ms, string tag)
        {
            _card = tag;
            _cardAt = ms;
        }

        /// <summary>The next weighing captured, oldest first.</summary>
        public bool TryTake(out Weighing weighing)
        {
            weighing = null;
            if (_ready.Count == 0)
            {
                return false;
            }

            weighing = (Weighing)_ready[0];
            _ready.RemoveAt(0);
            return true;
        }

        private Weighing Capture(long ms, int kg, string tag)
        {
            Weighing weighing = new Weighing();
            weighing.WeightKg = kg;
            weighing.Stable = true;
            weighing.Tag = tag;
            weighing.Direction = WeighDirection.In;
            if (tag == null)
            {
                return weighing;
            }

            Expire(ms);
            for (int i = 0; i < _visits.Count; i++)
            {
                OpenVisit visit = (OpenVisit)_visits[i];
                if (visit.Tag == tag)
                {
                    _visits.RemoveAt(i);
                    weighing.Direction = WeighDirection.Out;
                    weighing.GrossKg = visit.WeightKg > kg ? visit.WeightKg : kg;
                    weighing.TareKg = visit.WeightKg > kg ? kg : visit.WeightKg;
                    weighing.NetKg = weighing.GrossKg - weighing.TareKg;
                    return weighing;
                }
            }

            if (_visits.Count == MaxOpenVisits)
            {
                _visits.RemoveAt(0);
            }

            _visits.Add(new OpenVisit(tag, kg, ms));
            return weighing;
        }

        private void Expire(long ms)
        {
            for (int i = _visits.Count - 1; i >= 0; i--)
            {
                if (ms - ((OpenVisit)_visits[i]).At > _visitMs)
                {
                    _visits.RemoveAt(i);
                }
            }
        }

        private class OpenVisit
        {
            public OpenVisit(string tag, int weightKg, long at)
            {
                Tag = tag;
                WeightKg = weightKg;
                At = at;
            }

            public string Tag;

            public int WeightKg;

            public long At;
        }
    }
}
