// Weighed transfer stations: the day's ledger with its visits, and a station's month day by day (the same ledger).
(() => {
  const { api, esc, time, pages } = App;
  const { dateArg, pct, verdict, table, dateBar, tile } = App.kit;
  const t = I18n.t;
  const tonnes = v => `${v.toFixed(2)} t`;
  const flowText = f => t(`flow_${f}`);

  pages.stations = async (page, [arg]) => {
    const date = dateArg(arg);
    dateBar(page, date, d => location.hash = `#/stations/${d}`);
    const [all, collection, ponds, landfills, hauls] = await Promise.all([api(`/api/audit/${date}/stations`), api(`/api/audit/${date}/collection`), api(`/api/audit/${date}/ponds`), api(`/api/audit/${date}/landfills`), api(`/api/audit/${date}/hauls`)]);
    const stations = all.filter(s => s.ledger);
    const box = document.createElement('div');
    box.innerHTML = (stations.length === 0 ? `<p>${esc(t('noWeighedStations'))}</p>` : stations.map(s => {
      const l = s.ledger;
      return `<section class="station-ledger" data-station="${esc(s.station)}">
        <h2>${esc(s.name)} ${verdict(s.ledgerState, s.evidence.coverage)} <a href="#/station-month/${encodeURIComponent(s.station)}/${date.slice(0, 7)}">${esc(t('monthLedger'))}</a></h2>
        <section class="tiles" data-testid="ledger">
          ${tile(t('carried'), tonnes(l.carriedT))}${tile(t('tonnesIn'), tonnes(l.inT))}${tile(t('tonnesOut'), tonnes(l.outT))}
          ${tile(t('residual'), tonnes(l.residualT), s.ledgerState === 'shortfall')}${tile(t('utilisation'), `${pct(l.utilisation)} / ${l.ratedT} t`)}
        </section>
        ${table([t('time'), t('truck'), t('card'), t('flow'), t('gross'), t('tare'), t('net'), t('ticket')], [...l.visits, ...l.unidentified].sort((a, b) => Date.parse(a.ts) - Date.parse(b.ts)).map(v => [
          esc(time(v.ts)), v.truck ? esc(v.truck) : `<span class="bad-text">${esc(t('unidentified'))}</span>`, esc(v.tag ?? '—'), esc(flowText(v.truck ? v.flow : 'Unknown')),
          (v.grossKg / 1000).toFixed(2), (v.tareKg / 1000).toFixed(2), `<b>${(v.netKg / 1000).toFixed(2)}</b>`, esc(v.ticket ?? '')]))}
        ${l.openPasses ? `<p class="notice">${esc(t('openPasses'))}: ${l.openPasses}</p>` : ''}
      </section>`;
    }).join('')) + (ponds.length ? `<h2>${esc(t('leachate'))}</h2><div data-testid="ponds">${table([t('pond'), t('verdict'), t('volume'), t('alarm'), t('netInflow'), t('treated'), t('grossInflow'), t('daysLeft'), t('effluent')], ponds.map(p => {
      const r = p.result;
      const num = (v, digits = 0) => v == null ? '—' : v.toFixed(digits);
      const effluent = r.effluentCod == null && r.effluentNh3n == null ? '—' : `COD ${num(r.effluentCod, 1)} · NH₃-N ${num(r.effluentNh3n, 1)} mg/L`;
      return [`<a href="#/pond-month/${encodeURIComponent(p.pond)}/${date.slice(0, 7)}">${esc(p.name)}</a>`, verdict(p.state, p.evidence.coverage), `${num(r.volumeM3)} m³`, `${num(p.alarmVolumeM3)} m³`, `${num(r.inflowM3PerDay, 1)} m³/d`, r.treatedM3 == null ? '—' : `${num(r.treatedM3, 1)} m³`,
        r.grossInflowM3PerDay == null ? '—' : `${num(r.grossInflowM3PerDay, 1)} m³/d`, num(r.daysToAlarm, 1), r.effluentOverLimit ? `<span class="bad-text">${esc(effluent)}</span>` : esc(effluent)];
    }))}</div>` : '') + (collection.length ? `<h2>${esc(t('byTruck'))} <a href="#/collection-month/${date.slice(0, 7)}">${esc(t('collectionMonth'))}</a></h2><div data-testid="collection">${table([t('truck'), t('route'), t('delivered'), t('trips'), t('overloads'), t('unweighed')], collection.map(c => [
      esc(c.truck), esc(c.route ?? '—'), tonnes(c.deliveredT), c.trips,
      c.overloads.length ? `<span class="bad-text">${c.overloads.map(o => `${esc(time(o.ts))} ${(o.netKg / 1000).toFixed(2)} t`).join(', ')}</span>` : '0',
      c.unweighed.length ? `<span class="bad-text">${c.unweighed.map(u => `${esc(time(u.from))}–${esc(time(u.to))}`).join(', ')}</span>` : '0']))}</div>` : '') + (landfills.length ? `<h2>${esc(t('landfills'))}</h2><div data-testid="landfills">${table([t('landfill'), t('disposed'), t('trips'), t('utilisation'), t('unidentified')], landfills.map(l => [
      esc(l.name), tonnes(l.disposedT), l.visits.length, `${pct(l.utilisation)} / ${l.ratedT} t`, l.unidentified.length]))}</div>` : '')
    + (hauls.length ? `<h2>${esc(t('hauls'))}</h2><div data-testid="hauls">${table([t('truck'), t('haulFrom'), t('haulOut'), t('net'), t('landfill'), t('disposedAt'), t('net'), t('verdict')], hauls.map(h => [
      esc(h.truck), esc(h.station), esc(time(h.ts)), (h.netKg / 1000).toFixed(2), esc(h.landfill ?? '—'), h.disposedAt ? esc(time(h.disposedAt)) : '—', h.disposedKg == null ? '—' : (h.disposedKg / 1000).toFixed(2),
      verdict(h.state)]))}</div>` : '')
    + `<p class="exports"><a href="/api/exports/tonnage/${date.slice(0, 7)}.csv">${esc(t('exportCsv'))}</a> · <a href="/api/exports/tonnage/${date.slice(0, 7)}.xlsx">${esc(t('exportXlsx'))}</a></p>`;
    page.append(box);
  };

  // A pond's month: the volume against its alarm, what was treated each day and what arrived (the leachate balance).
  pages['pond-month'] = async (page, [id = '', arg]) => {
    const month = /^\d{4}-\d{2}$/.test(arg ?? '') ? arg : dateArg().slice(0, 7);
    const m = await api(`/api/tonnage/ponds/${encodeURIComponent(id)}/${month}`);
    const w = 18, h = 160;
    const top = Math.max(m.alarmVolumeM3 * 1.1, ...m.days.map(d => d.volumeM3 ?? 0), 1);
    const flowTop = Math.max(1, ...m.days.map(d => Math.max(d.treatedM3 ?? 0, d.grossInflowM3PerDay ?? 0)));
    const y = v => h - (v / top) * (h - 10);
    const yf = v => h - (v / flowTop) * (h - 10) * 0.6;
    const volume = m.days.map((d, i) => d.volumeM3 == null ? null : `${i * w + 10},${y(d.volumeM3)}`).filter(p => p).join(' ');
    const bars = m.days.map((d, i) => d.treatedM3 == null ? '' : `<rect x="${i * w + 4}" y="${yf(d.treatedM3)}" width="8" height="${h - yf(d.treatedM3)}" fill="#2a7"><title>${d.date} ${esc(t('treated'))} ${d.treatedM3} m³</title></rect>`).join('')
      + m.days.map((d, i) => d.grossInflowM3PerDay == null ? '' : `<circle cx="${i * w + 14}" cy="${yf(Math.max(0, d.grossInflowM3PerDay))}" r="3" fill="#e90"><title>${d.date} ${esc(t('grossInflow'))} ${d.grossInflowM3PerDay} m³/d</title></circle>`).join('');
    page.innerHTML = `<h2>${esc(m.name)} · ${esc(month)}</h2>
      <section class="tiles" data-testid="pond-month">${tile(t('treatedMonth'), `${m.treatedM3.toFixed(1)} m³`)}${tile(t('alarmDays'), m.alarmDays, m.alarmDays > 0)}</section>
      <svg class="chart" data-testid="pond-chart" viewBox="0 0 ${Math.max(1, m.days.length) * w + 8} ${h + 2}" width="100%" height="${h + 2}" role="img" aria-label="${esc(t('leachate'))}">
        <line x1="0" x2="${m.days.length * w + 8}" y1="${y(m.alarmVolumeM3)}" y2="${y(m.alarmVolumeM3)}" stroke="#d33" stroke-dasharray="4 3"><title>${esc(t('alarm'))} ${m.alarmVolumeM3} m³</title></line>
        ${bars}<polyline points="${volume}" fill="none" stroke="#36c" stroke-width="2"><title>${esc(t('volume'))}</title></polyline></svg>
      ${table([t('date'), t('volume'), t('netInflow'), t('treated'), t('grossInflow')], m.days.map(d => [d.date, d.volumeM3 == null ? '—' : `${Math.round(d.volumeM3)} m³`,
        d.netInflowM3PerDay == null ? '—' : `${d.netInflowM3PerDay.toFixed(1)} m³/d`, d.treatedM3 == null ? '—' : `${d.treatedM3.toFixed(1)} m³`, d.grossInflowM3PerDay == null ? '—' : `${d.grossInflowM3PerDay.toFixed(1)} m³/d`]))}`;
  };

  // Tonnes collected over the month's closed days, by truck and by route (the rows each closed day's audit kept).
  pages['collection-month'] = async (page, [arg]) => {
    const month = /^\d{4}-\d{2}$/.test(arg ?? '') ? arg : dateArg().slice(0, 7);
    const m = await api(`/api/tonnage/collection/${month}`);
    page.innerHTML = `<h2>${esc(t('collectionMonth'))} · ${esc(month)}</h2>
      <section class="tiles" data-testid="collection-month">${tile(t('delivered'), tonnes(m.deliveredT))}${tile(t('daysKept'), m.daysKept)}</section>
      <div data-testid="trucks-month">${table([t('truck'), t('servedRoutes'), t('days'), t('trips'), t('delivered'), t('overloads'), t('unweighed')], m.trucks.map(c => [
        esc(c.truck), esc(c.routes.join(', ') || '—'), c.days, c.trips, tonnes(c.deliveredT),
        c.overloads ? `<span class="bad-text">${c.overloads}</span>` : '0', c.unweighed ? `<span class="bad-text">${c.unweighed}</span>` : '0']))}</div>
      <h2>${esc(t('byRoute'))}</h2>
      <div data-testid="routes-month">${table([t('route'), t('truck'), t('days'), t('trips'), t('delivered')], m.routes.map(r => [esc(r.route), esc(r.trucks.join(', ')), r.days, r.trips, tonnes(r.deliveredT)]))}</div>
      <p class="exports"><a href="/api/exports/collection/${month}.csv">${esc(t('exportCsv'))}</a> · <a href="/api/exports/collection/${month}.xlsx">${esc(t('exportXlsx'))}</a></p>`;
  };

  pages['station-month'] = async (page, [id = '', arg]) => {
    const month = /^\d{4}-\d{2}$/.test(arg ?? '') ? arg : dateArg().slice(0, 7);
    const m = await api(`/api/tonnage/stations/${encodeURIComponent(id)}/${month}`);
    const top = Math.max(m.ratedT, ...m.days.map(d => Math.max(d.inT, d.outT, d.residualT)), 1);
    // Bars per day: in (blue), out (green), the residual as a dot; the rated throughput as a dashed line.
    const w = 18, h = 160;
    const bars = m.days.map((d, i) => {
      const x = i * w + 4, y = v => h - (v / top) * (h - 10);
      return `<rect x="${x}" y="${y(d.inT)}" width="6" height="${h - y(d.inT)}" fill="#36c"><title>${d.date} ${esc(t('tonnesIn'))} ${d.inT} t</title></rect>` +
        `<rect x="${x + 7}" y="${y(d.outT)}" width="6" height="${h - y(d.outT)}" fill="#2a7"><title>${d.date} ${esc(t('tonnesOut'))} ${d.outT} t</title></rect>` +
        `<circle cx="${x + 6}" cy="${y(d.residualT)}" r="3" fill="${d.cleared ? '#555' : '#d33'}"><title>${d.date} ${esc(t('residual'))} ${d.residualT} t</title></circle>`;
    }).join('');
    const rated = h - (m.ratedT / top) * (h - 10);
    page.innerHTML = `<h2>${esc(m.name)} · ${esc(month)}</h2>
      <section class="tiles" data-testid="month-ledger">${tile(t('tonnesIn'), tonnes(m.inT))}${tile(t('tonnesOut'), tonnes(m.outT))}${tile(t('daysNotCleared'), m.daysNotCleared, m.daysNotCleared > 0)}</section>
      <svg class="chart" data-testid="ledger-chart" viewBox="0 0 ${Math.max(1, m.days.length) * w + 8} ${h + 2}" width="100%" height="${h + 2}" role="img" aria-label="${esc(t('ledgerChart'))}">
        <line x1="0" x2="${m.days.length * w + 8}" y1="${rated}" y2="${rated}" stroke="#e90" stroke-dasharray="4 3"><title>${esc(t('rated'))} ${m.ratedT} t</title></line>${bars}</svg>
      ${table([t('date'), t('carried'), t('tonnesIn'), t('tonnesOut'), t('residual'), t('verdict'), t('tripsIn'), t('tripsOut'), t('unidentified')], m.days.map(d => [
        `<a href="#/stations/${d.date}">${d.date}</a>`, d.carriedT.toFixed(2), d.inT.toFixed(2), d.outT.toFixed(2), d.residualT.toFixed(2),
        d.cleared ? esc(t('ok')) : `<span class="bad-text">${esc(d.complete ? t('notCleared') : t('unverified'))}</span>`, d.tripsIn, d.tripsOut, d.unidentified]))}
      <p class="exports"><a href="/api/exports/tonnage/${month}.csv">${esc(t('exportCsv'))}</a> · <a href="/api/exports/tonnage/${month}.xlsx">${esc(t('exportXlsx'))}</a></p>`;
  };
})();
