// Street cleaning and muck trucks: the road plan's segments coloured by the work done in a window, and muck trucks
// against their permits with the places of suspected dumping. Same dates, verdicts and tables as the other pages.
(() => {
  const { api, esc, time, pages } = App;
  const { dateArg, pct, verdict, table, dateBar, tile } = App.kit;
  const t = I18n.t;
  const clock = hhmmss => hhmmss.slice(0, 5);
  const windowKey = w => `${w.result.task}@${clock(w.result.from)}-${clock(w.result.to)}`;
  const windowText = key => { const [task, span] = key.split('@'); return `${t(`task_${task}`)} ${span}`; };
  // Proven done green, partly done orange, proven short with nothing done red, unproven grey — never red for silence.
  const colorOf = w => w.state === 'ok' ? '#2a7' : w.state === 'shortfall' ? (w.result.done > 0 ? '#e90' : '#d33') : '#888';
  const stateColor = s => ({ ok: '#2a7', shortfall: '#d33', violation: '#d33' }[s] ?? '#888');

  // Everything of a registry kind the user may read, a thousand at a time.
  const registry = async kind => {
    const items = [];
    for (let offset = 0; offset < 100000; offset += 1000) {
      const page = await api(`/api/registry/${kind}?limit=1000&offset=${offset}`);
      items.push(...page.items);
      if (offset + 1000 >= page.total) break;
    }
    return items;
  };

  pages.roads = async (page, [arg, windowArg]) => {
    const date = dateArg(arg);
    dateBar(page, date, d => location.hash = `#/roads/${d}`);
    const [roads, summary, segments] = await Promise.all([api(`/api/audit/${date}/roads`), api(`/api/audit/${date}/summary`), registry('roads')]);
    const windows = [...new Set(roads.flatMap(r => r.work.map(windowKey)))].sort();
    const chosen = windows.includes(windowArg) ? windowArg : '';
    const paths = Object.fromEntries(segments.map(s => [s.id, s.path]));
    const box = document.createElement('div');
    const rows = roads.flatMap(r => r.work.filter(w => !chosen || windowKey(w) === chosen).map(w => [r, w]));
    box.innerHTML = `<section class="tiles" data-testid="road-summary">
        ${tile(t('sweepRate'), summary.sweepRate == null ? '—' : pct(summary.sweepRate), summary.sweepRate != null && summary.sweepRate < 1)}
        ${tile(t('sweptKm'), `${summary.sweptKm.toFixed(1)} / ${summary.sweepPlannedKm.toFixed(1)}`)}
        ${tile(t('roadWorkShort'), summary.roadWorkShort, summary.roadWorkShort > 0)}
        ${summary.roadWorkUnverified ? `<div class="tile unheard"><div class="value">${summary.roadWorkUnverified}</div><div class="label">${esc(t('roadWorkUnverified'))}</div></div>` : ''}
      </section>
      <label>${esc(t('window'))} <select name="window" data-testid="road-window"><option value="">${esc(t('allWindows'))}</option>${windows.map(k => `<option value="${esc(k)}"${k === chosen ? ' selected' : ''}>${esc(windowText(k))}</option>`).join('')}</select></label>
      <div id="map" class="map" data-testid="road-map"></div>
      ${table([t('road'), t('kind'), t('length'), t('window'), t('passes'), t('covered'), t('verdict'), t('vehicles'), t('tooFast'), t('equipmentOff'), t('outsideWindow')], rows.map(([r, w]) => [
        esc(r.name), esc(t(`class_${r.class}`)), `${Math.round(r.lengthM)} m`, esc(windowText(windowKey(w))), `<span data-testid="passes" data-segment="${esc(r.segment)}">${w.result.done} / ${w.result.required}</span>`,
        pct(w.result.coveredShare), verdict(w.state, w.evidence.coverage),
        w.vehicles.map(v => `<a href="#/replay/${encodeURIComponent(v)}/${date}/${encodeURIComponent(w.evidence.from)}">${esc(v)}</a>`).join(' ') || '—',
        w.result.tooFastFixes, w.result.equipmentOffFixes, r.outsideWindows.filter(p => p.task === w.result.task).length]))}
      <p class="exports"><a href="/api/exports/roads/${date}.csv">${esc(t('exportCsv'))}</a> · <a href="/api/exports/roads/${date}.xlsx">${esc(t('exportXlsx'))}</a></p>`;
    page.append(box);
    box.querySelector('select[name=window]').onchange = e => location.hash = `#/roads/${date}${e.target.value ? `/${encodeURIComponent(e.target.value)}` : ''}`;

    const element = box.querySelector('#map');
    const map = await WiotMap.create(element, { legend: [['#2a7', t('ok')], ['#e90', t('partly')], ['#d33', t('shortfall')], ['#888', t('unverified')], ['#ccc', t('notPlanned')]] });
    const drawn = { ok: 0, shortfall: 0, other: 0 };
    const shown = [];
    for (const r of roads) {
      const path = paths[r.segment];
      if (!path || path.length < 2) continue;
      const work = chosen ? r.work.find(w => windowKey(w) === chosen) : null;
      const color = chosen ? (work ? colorOf(work) : '#ccc') : stateColor(r.state);
      const state = chosen ? work?.state : r.state;
      const line = L.polyline(path.map(p => WiotMap.point(p.lat, p.lon)), { color, weight: chosen && !work ? 3 : 6, opacity: 0.85 }).addTo(map);
      line.bindTooltip(`${r.name} · ${(chosen ? (work ? [work] : []) : r.work).map(w => `${windowText(windowKey(w))} ${w.result.done}/${w.result.required}`).join(' · ') || t('notPlanned')}`, { sticky: true });
      drawn[state === 'ok' ? 'ok' : state === 'shortfall' ? 'shortfall' : 'other']++;
      shown.push(...path.map(p => [p.lat, p.lon]));
    }

    WiotMap.fit(map, shown);
    Object.assign(element.dataset, { ok: drawn.ok, shortfall: drawn.shortfall, other: drawn.other, drawn: 'true' });
  };

  pages.muck = async (page, [arg]) => {
    const date = dateArg(arg);
    dateBar(page, date, d => location.hash = `#/muck/${d}`);
    const [muck, summary, permits] = await Promise.all([api(`/api/audit/${date}/muck`), api(`/api/audit/${date}/summary`), registry('permits')]);
    const findings = muck.flatMap(m => [
      ...m.tarpOpen.map(r => [m, 'tarp', { ...r, farthestM: 0 }]),
      ...m.result.unpermitted.map(r => [m, 'unpermitted', r]),
      ...m.result.offRoute.map(r => [m, 'offRoute', r]),
      ...m.result.offHours.map(r => [m, 'offHours', r]),
      ...m.result.dumping.map(d => [m, d.lat != null ? 'dumping' : 'unlocated', d])]);
    const at = ([, kind, f]) => kind === 'dumping' || kind === 'unlocated' ? f.ts : f.start;
    findings.sort((a, b) => Date.parse(at(a)) - Date.parse(at(b)));
    const colors = { tarp: '#8a5', unpermitted: '#a3c', offRoute: '#e90', offHours: '#36c', dumping: '#d33' };
    const place = (lat, lon) => lat == null ? '—' : `${lat.toFixed(5)}, ${lon.toFixed(5)}`;
    const box = document.createElement('div');
    box.innerHTML = `<section class="tiles" data-testid="muck-summary">
        ${tile(t('muckTrucks'), summary.muckTrucks)}
        ${tile(t('muckViolations'), summary.muckViolations, summary.muckViolations > 0)}
        ${tile(t('suspectedDumping'), summary.suspectedDumping, summary.suspectedDumping > 0)}
      </section>
      <div id="map" class="map" data-testid="muck-map"></div>
      <h2>${esc(t('muckTrucks'))}</h2>
      ${table([t('truck'), t('permits'), t('verdict'), t('drivenKm'), t('muck_tarp'), t('muck_unpermitted'), t('muck_offRoute'), t('muck_offHours'), t('suspectedDumping')], muck.map(m => [
        `<a href="#/replay/${encodeURIComponent(m.truck)}/${date}">${esc(m.truck)}</a>`, m.permits.length ? esc(m.permits.join(', ')) : `<span class="bad-text">${esc(t('noPermit'))}</span>`,
        verdict(m.state === 'ok' && m.tarpOpen.length ? 'violation' : m.state, m.evidence.coverage), m.result.drivenKm.toFixed(1), m.tarpOpen.length, m.result.unpermitted.length, m.result.offRoute.length, m.result.offHours.length, m.result.dumping.filter(d => d.lat != null).length]))}
      <h2>${esc(t('muckFindings'))}</h2>
      <div data-testid="muck-findings">${table([t('truck'), t('finding'), t('start'), t('end'), t('km'), t('place'), t('offBy'), ''], findings.map(([m, kind, f]) => {
        const dumping = kind === 'dumping' || kind === 'unlocated';
        return [esc(m.truck), `<span data-finding="${kind}">${esc(t(`muck_${kind}`))}</span>`, time(at([m, kind, f])), dumping ? '—' : time(f.end), dumping ? '—' : f.distanceKm.toFixed(2),
          dumping ? place(f.lat, f.lon) : place(f.startLat, f.startLon), dumping ? (f.nearestDisposalM ?? '—') : (f.farthestM || '—'),
          `<a href="#/replay/${encodeURIComponent(m.truck)}/${date}/${encodeURIComponent(at([m, kind, f]))}">${esc(t('replay'))}</a>`];
      }))}</div>
      <p class="exports"><a href="/api/exports/muck/${date}.csv">${esc(t('exportCsv'))}</a> · <a href="/api/exports/muck/${date}.xlsx">${esc(t('exportXlsx'))}</a></p>`;
    page.append(box);

    const element = box.querySelector('#map');
    const map = await WiotMap.create(element, { legend: [[colors.dumping, t('muck_dumping')], [colors.tarp, t('muck_tarp')], [colors.offRoute, t('muck_offRoute')], [colors.offHours, t('muck_offHours')], [colors.unpermitted, t('muck_unpermitted')], ['#2a7', t('disposalSite')]] });
    const shown = [];
    const visible = new Set(muck.map(m => m.truck));
    for (const p of permits.filter(p => visible.has(p.truck))) {
      for (const d of p.disposals) {
        L.circle(WiotMap.point(d.lat, d.lon), { radius: d.radiusM, color: '#2a7', weight: 1, fillOpacity: 0.15 }).addTo(map).bindTooltip(`${t('disposalSite')} · ${p.id}`);
        shown.push([d.lat, d.lon]);
      }
      for (const route of p.routes) L.polyline(route.map(r => WiotMap.point(r.lat, r.lon)), { color: '#2a7', weight: 2, dashArray: '6 6', opacity: 0.7 }).addTo(map);
    }
    let markers = 0;
    for (const [m, kind, f] of findings.filter(([, kind]) => kind !== 'unlocated')) {
      const [lat, lon] = kind === 'dumping' ? [f.lat, f.lon] : [f.startLat, f.startLon];
      L.circleMarker(WiotMap.point(lat, lon), { radius: kind === 'dumping' ? 9 : 6, color: colors[kind], fillColor: colors[kind], fillOpacity: 0.8 }).addTo(map)
        .bindTooltip(`${m.truck} · ${t(`muck_${kind}`)} · ${time(at([m, kind, f]))}`);
      shown.push([lat, lon]);
      markers++;
    }

    WiotMap.fit(map, shown);
    Object.assign(element.dataset, { markers, drawn: 'true' });
  };
})();
