// The pages. Each renders into the main element from the cloud's API; all text goes through I18n.
(() => {
  const { api, esc, today, latestDay, dayOf, time, dateTime, midnight, pages } = App;
  // Route arguments come from the address bar, which anyone can write: a date is a date, else the latest day with data.
  const dateArg = d => /^\d{4}-\d{2}-\d{2}$/.test(d ?? '') ? d : latestDay();
  const monthArg = m => /^\d{4}-\d{2}$/.test(m ?? '') ? m : latestDay().slice(0, 7);
  const t = I18n.t;
  const pct = v => `${(v * 100).toFixed(1)}%`;
  // A verdict as a badge: proven failures red, met green, unverified and no data grey — never red for silence.
  const verdict = (state, heard) => `<span class="verdict v-${esc(state)}" data-state="${esc(state)}">${esc(t(state))}${heard != null && (state === 'unverified' || state === 'noData') ? ` · ${esc(t('heard'))} ${pct(heard)}` : ''}</span>`;
  const table = (headers, rows) => `<table><thead><tr>${headers.map(h => `<th>${esc(h)}</th>`).join('')}</tr></thead>` +
    `<tbody>${rows.length ? rows.map(r => `<tr>${r.map(c => `<td>${c}</td>`).join('')}</tr>`).join('') : `<tr><td colspan="${headers.length}">${esc(t('nothing'))}</td></tr>`}</tbody></table>`;
  // Dates are shown and typed as the county writes them (2026-11-26, the weekday in the page's language), never in the
  // browser's locale: a Chinese page on an English browser must not read 11/26/2026. The native calendar opens from the
  // button; what it picks is written back as text. Months likewise (2026-11).
  const dayPattern = /^\d{4}-\d{2}-\d{2}$/;
  const realDay = v => dayPattern.test(v) && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v;
  const realMonth = v => /^\d{4}-(0[1-9]|1[0-2])$/.test(v);
  const addDays = (day, n) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 864e5).toISOString().slice(0, 10);
  const addMonths = (month, n) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 + n, 1)).toISOString().slice(0, 7);
  const weekday = day => realDay(day) ? new Intl.DateTimeFormat(I18n.lang === 'zh' ? 'zh-CN' : 'en-GB', { weekday: 'short', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`)) : '';
  // Drawn, not an emoji: a county's PCs and kiosks often have no emoji font.
  const calendarIcon = '<svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true"><rect x="1.5" y="3" width="13" height="11.5" rx="1.5" fill="none" stroke="currentColor"/><path d="M1.5 6.5h13M5 1v3.5M11 1v3.5" stroke="currentColor"/></svg>';
  const dateField = (name, value, label, kind = 'date') => `<label class="date-field" data-kind="${kind}">${esc(label)}
      <input type="text" name="${name}" value="${esc(value)}" inputmode="numeric" autocomplete="off" size="${kind === 'date' ? 10 : 7}" placeholder="${kind === 'date' ? 'YYYY-MM-DD' : 'YYYY-MM'}">
      ${kind === 'date' ? '<span class="weekday"></span>' : ''}<button type="button" class="pick" title="${esc(t('pickDate'))}" aria-label="${esc(t('pickDate'))}">${calendarIcon}</button>
      <input type="${kind}" class="picker" tabindex="-1" aria-hidden="true"></label>`;
  // Checks what is typed (an empty field is valid: "any date"), shows the weekday, and hands the picker's choice back.
  const wireDates = root => root.querySelectorAll('.date-field').forEach(field => {
    const text = field.querySelector('input[type=text]');
    const picker = field.querySelector('input.picker');
    const valid = v => v === '' || (field.dataset.kind === 'date' ? realDay(v) : realMonth(v));
    const show = () => {
      text.setCustomValidity(valid(text.value.trim()) ? '' : t('badDate'));
      text.classList.toggle('invalid', !text.validity.valid);
      const day = field.querySelector('.weekday');
      if (day) day.textContent = weekday(text.value.trim());
    };
    text.addEventListener('input', show);
    text.addEventListener('change', show, { capture: true });
    field.querySelector('button.pick').onclick = () => {
      picker.value = text.value.trim();
      try { picker.showPicker(); } catch { picker.focus(); }
    };
    picker.onchange = () => { text.value = picker.value; show(); text.dispatchEvent(new Event('change', { bubbles: true })); };
    show();
  });
  // A day bar: the day before, the day, the day after; a day typed in full and valid moves the page.
  const dateBar = (page, date, onChange) => {
    const bar = document.createElement('div');
    bar.className = 'bar';
    bar.innerHTML = `<button type="button" data-step="-1" title="${esc(t('previousDay'))}" aria-label="${esc(t('previousDay'))}">‹</button>${dateField('day', date, t('date'))}<button type="button" data-step="1" title="${esc(t('nextDay'))}" aria-label="${esc(t('nextDay'))}">›</button>`;
    wireDates(bar);
    const input = bar.querySelector('input[name=day]');
    input.onchange = () => { const v = input.value.trim(); if (v && realDay(v) && v !== date) onChange(v); };
    bar.querySelectorAll('[data-step]').forEach(b => b.onclick = () => onChange(addDays(date, Number(b.dataset.step))));
    page.append(bar);
  };
  const tile = (label, value, bad) => `<div class="tile${bad ? ' bad' : ''}"><div class="value">${esc(value)}</div><div class="label">${esc(label)}</div></div>`;
  // For the pages in other files (streets.js): the same dates, verdicts, tables and tiles.
  App.kit = { dateArg, pct, verdict, table, dateBar, tile };

  pages.overview = async (page, [arg]) => {
    const date = dateArg(arg);
    dateBar(page, date, d => location.hash = `#/overview/${d}`);
    const day = await api(`/api/audit/${date}/overview`);
    const s = day.summary;
    const body = document.createElement('div');
    // A day no device reported on is "no data yet": its zeros are not failures, so nothing is red.
    const bad = flag => day.hasData && flag;
    body.innerHTML = `${day.hasData ? '' : `<p class="notice" data-testid="no-data">${esc(t('noDataYet'))}</p>`}<section class="tiles" data-testid="summary">
        ${tile(t('coverage'), day.hasData ? pct(s.coverage) + (s.householdsUnverified ? ` (+${s.householdsUnverified} ${t('unverified')})` : '') : '—', bad(s.householdsMissed > 0))}
        ${tile(t('violations'), s.openCoverViolations, bad(s.openCoverViolations > 0))}
        ${tile(t('cleared'), `${s.binsCleared} / ${s.binsCleared + s.binsNotCleared}`, bad(s.binsNotCleared > 0))}
        ${tile(t('toiletsUnder'), s.toiletsUnderRequired, bad(s.toiletsUnderRequired > 0))}
        ${tile(t('odour'), s.odourEpisodes ?? 0, bad((s.odourEpisodes ?? 0) > 0))}
        ${tile(t('pond'), s.highestPondVolumeM3 == null ? t('noData') : `${Math.round(s.highestPondVolumeM3)} m³`, bad(s.pondAlarms > 0))}
        ${s.silentNodes ? `<div class="tile unheard"><div class="value">${s.silentNodes}</div><div class="label">${esc(t('silentNodes'))}</div></div>` : ''}
      </section>
      <h2>${esc(t('violations'))}</h2>
      ${table([t('truck'), t('start'), t('end'), t('km'), t('peak'), ''], day.violations.map(({ truck, violation: v }) =>
        [esc(truck), time(v.start), time(v.end), v.distanceKm.toFixed(2), `${Math.round(v.peakSpeedKmh)} km/h`, `<a href="#/replay/${encodeURIComponent(truck)}/${date}/${encodeURIComponent(v.start)}">${esc(t('replay'))}</a>`]))}
      <h2>${esc(t('routes'))}</h2>
      ${table([t('route'), t('truck'), t('verdict'), t('served'), t('scheduled'), t('missed'), t('unverifiedHouseholds')], day.routes.filter(r => r.missed > 0 || r.unverified > 0 || r.state === 'noData').map(r =>
        [`<a href="#/route/${encodeURIComponent(r.route)}/${date}">${esc(r.name)}</a>`, esc(r.truck), verdict(r.state, r.heard), r.served, r.scheduled, esc(r.firstMissed.join(', ') + (r.missed > r.firstMissed.length ? ` … (${r.missed})` : '')), r.unverified]))}
      <h2>${esc(t('unheard'))}</h2>
      ${table([t('kind'), t('title'), t('verdict')], day.unverified.map(u => [esc(t(u.kind)), esc(u.name), verdict(u.state, u.heard)]))}
      <p class="exports"><a href="/api/exports/violations/${date}.csv">${esc(t('exportCsv'))}</a> · <a href="/api/exports/violations/${date}.xlsx">${esc(t('exportXlsx'))}</a></p>`;
    page.append(body);
  };

  pages.live = async (page, args, leave) => {
    page.innerHTML = `<div id="map" class="map" data-testid="live-map"></div><ul id="trucks" class="list"></ul>`;
    const element = page.querySelector('#map');
    const map = await WiotMap.create(element, { legend: [['#d33', t('coverOpen')], ['#2a7', t('coverClosed')], ['#888', t('coverUnknown')]] });
    const markers = {};
    const seen = {};
    const list = page.querySelector('#trucks');
    // The map frames the fleet as it appears until the user moves it or follows one truck.
    let framing = true;
    let following = null;
    for (const gesture of ['mousedown', 'wheel', 'touchstart']) element.addEventListener(gesture, () => { framing = false; }, { passive: true });
    list.addEventListener('click', e => {
      const item = e.target.closest('li[data-truck]');
      if (!item || e.target.closest('a')) return;
      following = following === item.dataset.truck ? null : item.dataset.truck;
      framing = false;
      list.querySelectorAll('li').forEach(li => li.classList.toggle('following', li.dataset.truck === following));
      element.dataset.following = following ?? '';
      if (following) map.setView(WiotMap.point(seen[following][0], seen[following][1]), Math.max(map.getZoom(), 16));
    });
    const source = new EventSource('/api/live/trucks');
    source.addEventListener('position', e => {
      const p = JSON.parse(e.data);
      const at = WiotMap.point(p.lat, p.lon);
      seen[p.truck] = [p.lat, p.lon];
      const color = p.cover === 'open' ? '#d33' : p.cover === 'closed' ? '#2a7' : '#888';
      const label = `${p.truck} · ${Math.round(p.speed)} km/h · ${t('cover')}: ${t(p.cover)}`;
      if (!markers[p.truck]) {
        markers[p.truck] = L.circleMarker(at, { radius: 8, color, fillOpacity: 0.8 }).addTo(map).bindTooltip(label);
        markers[p.truck].getElement()?.setAttribute('data-truck', p.truck);
      } else {
        markers[p.truck].setLatLng(at).setStyle({ color }).setTooltipContent(label);
      }

      if (following === p.truck) map.panTo(at);
      else if (framing) WiotMap.fit(map, Object.values(seen));

      let item = list.querySelector(`[data-truck="${CSS.escape(p.truck)}"]`);
      if (!item) { item = document.createElement('li'); item.dataset.truck = p.truck; list.append(item); }
      item.dataset.lat = p.lat; item.dataset.lon = p.lon;
      item.innerHTML = `<b>${esc(p.truck)}</b> ${esc(time(p.ts))} · ${Math.round(p.speed)} km/h · ${esc(t('cover'))}: <span class="cover-${p.cover}">${esc(t(p.cover))}</span> · <a href="#/replay/${encodeURIComponent(p.truck)}/${dayOf(p.ts)}">${esc(t('replay'))}</a>`;
    });
    leave(() => source.close());
  };

  // The day's track by cover state with start and end marked, the violations and scans on a timeline, a slider and
  // playback moving a marker along it, and the time of any point under the pointer.
  // A replay link may name an instant (a violation's start): the player opens on the first fix from then.
  pages.replay = async (page, [truck = '', arg, at], leave) => {
    const date = dateArg(arg);
    dateBar(page, date, d => location.hash = `#/replay/${encodeURIComponent(truck)}/${d}`);
    const track = await api(`/api/trucks/${encodeURIComponent(truck)}/track/${encodeURIComponent(date)}`);
    const points = track.points;
    const box = document.createElement('div');
    const dayStart = midnight(date).getTime();
    const frac = iso => Math.min(100, Math.max(0, (new Date(iso).getTime() - dayStart) / 864e5 * 100));
    box.innerHTML = `<h2>${esc(t('replay'))}: ${esc(truck)}</h2><div id="map" class="map" data-testid="replay-map" data-points="${points.length}" data-violations="${track.violations.length}"></div>
      ${points.length ? `<div class="player" data-testid="replay-player">
        <button type="button" data-act="play">${esc(t('play'))}</button>
        <select name="speed">${[10, 60, 600].map(x => `<option value="${x}"${x === 60 ? ' selected' : ''}>${x}×</option>`).join('')}</select>
        <input type="range" name="at" min="0" max="${points.length - 1}" value="0" aria-label="${esc(t('time'))}">
        <span data-testid="replay-time"></span>
        <div class="timeline replay-timeline">${track.violations.map(v => `<span class="visit other" style="left:${frac(v.start)}%;width:${Math.max(0.4, frac(v.end) - frac(v.start))}%" title="${esc(t('violations'))} ${time(v.start)}–${time(v.end)}"></span>`).join('')}${track.scans.map(sc => `<span class="tick" style="left:${frac(sc.ts)}%" title="${esc(t('scanDot'))} ${time(sc.ts)}"></span>`).join('')}</div>
      </div>` : ''}
      ${table([t('start'), t('end'), t('km'), t('peak')], track.violations.map(v => [`<a href="#/replay/${encodeURIComponent(truck)}/${date}/${encodeURIComponent(v.start)}" data-jump="${esc(v.start)}">${time(v.start)}</a>`, time(v.end), v.distanceKm.toFixed(2), `${Math.round(v.peakSpeedKmh)} km/h`]))}`;
    page.append(box);
    // A sweeper, sprinkler or fog cannon is read by its equipment (working or not), every other vehicle by its cover.
    const work = ['Sweeper', 'Sprinkler', 'FogCannon'].includes(track.vehicle);
    const colors = { open: '#d33', closed: '#2a7', unknown: '#888', working: '#2a7', idle: '#888' };
    const stateOf = p => work ? (p.working ? 'working' : 'idle') : p.cover;
    const stateText = p => work ? t(p.working ? 'working' : 'idle') : `${t('cover')}: ${t(p.cover)}`;
    const element = box.querySelector('#map');
    element.dataset.vehicle = track.vehicle ?? '';
    const map = await WiotMap.create(element, { legend: [...(work ? [[colors.working, t('working')], [colors.idle, t('idle')]] : [[colors.open, t('coverOpen')], [colors.closed, t('coverClosed')], [colors.unknown, t('coverUnknown')]]), ['#36c', t('scanDot')], ['#000', `${t('start')} / ${t('end')}`]] });
    let run = [];
    let state = null;
    const drawn = { open: 0, closed: 0, unknown: 0, working: 0, idle: 0 };
    // Under the pointer, the time of the nearest fix.
    const nearest = latlng => points.reduce((best, p, i) => { const at = WiotMap.point(p.lat, p.lon); const d = (at[0] - latlng.lat) ** 2 + (at[1] - latlng.lng) ** 2; return d < best.d ? { d, i } : best; }, { d: Infinity, i: 0 }).i;
    const flush = () => {
      if (run.length > 1) {
        const line = L.polyline(run, { color: colors[state], weight: 4 }).addTo(map);
        line.on('mousemove', e => line.bindTooltip(`${time(points[nearest(e.latlng)].ts)} · ${stateText(points[nearest(e.latlng)])}`, { sticky: true }).openTooltip(e.latlng));
        drawn[state]++;
      }
    };
    for (const p of points) {
      const at = WiotMap.point(p.lat, p.lon);
      if (stateOf(p) !== state) { run.push(at); flush(); run = [at]; state = stateOf(p); } else run.push(at);
    }
    flush();
    for (const v of track.violations) L.marker(WiotMap.point(v.startLat, v.startLon), { title: `${time(v.start)}–${time(v.end)}` }).addTo(map);
    for (const sc of track.scans.filter(sc => sc.lat != null)) L.circleMarker(WiotMap.point(sc.lat, sc.lon), { radius: 3, color: '#36c' }).addTo(map).bindTooltip(`${time(sc.ts)} ${sc.tag}`);
    if (points.length) {
      const first = points[0], last = points[points.length - 1];
      L.circleMarker(WiotMap.point(first.lat, first.lon), { radius: 7, color: '#000', fillColor: '#fff', fillOpacity: 1 }).addTo(map).bindTooltip(`${t('start')} ${time(first.ts)}`);
      L.circleMarker(WiotMap.point(last.lat, last.lon), { radius: 7, color: '#000', fillColor: '#000', fillOpacity: 1 }).addTo(map).bindTooltip(`${t('end')} ${time(last.ts)}`);
    }

    WiotMap.fit(map, points.map(p => [p.lat, p.lon]));
    Object.assign(element.dataset, { openSegments: drawn.open, closedSegments: drawn.closed, workingSegments: drawn.working, drawn: 'true' });
    if (!points.length) return;

    // The player: a marker at the slider's fix; playback steps through the fixes at the chosen speed.
    const player = box.querySelector('.player');
    const slider = player.querySelector('input[name=at]');
    const label = player.querySelector('[data-testid=replay-time]');
    const cursor = L.circleMarker(WiotMap.point(points[0].lat, points[0].lon), { radius: 9, color: '#05c', weight: 3, fillOpacity: 0.2 }).addTo(map);
    const show = () => {
      const p = points[Number(slider.value)];
      cursor.setLatLng(WiotMap.point(p.lat, p.lon)).setStyle({ color: !work && p.cover === 'open' ? '#d33' : '#05c' });
      label.textContent = `${time(p.ts)} · ${Math.round(p.speed)} km/h · ${stateText(p)}`;
      element.dataset.at = slider.value;
    };
    slider.addEventListener('input', show);
    let timer = null;
    const stop = () => { clearInterval(timer); timer = null; player.querySelector('[data-act=play]').textContent = t('play'); };
    player.querySelector('[data-act=play]').addEventListener('click', e => {
      if (timer) { stop(); return; }
      e.target.textContent = t('pause');
      // Fixes are 10 s apart in the replay: at n×, one step every 10,000/n ms (at least 50 ms).
      const step = () => {
        if (Number(slider.value) >= points.length - 1) { stop(); return; }
        slider.value = String(Number(slider.value) + 1);
        show();
      };
      timer = setInterval(step, Math.max(50, 10000 / Number(player.querySelector('select').value)));
    });
    leave(stop);
    // Opened at an instant (a violation, a case): the first fix from then, else the last one before it.
    const jump = iso => {
      const ms = Date.parse(iso);
      if (Number.isNaN(ms)) return;
      const i = points.findIndex(p => Date.parse(p.ts) >= ms);
      slider.value = String(i < 0 ? points.length - 1 : i);
    };
    if (at) jump(at);
    box.querySelectorAll('a[data-jump]').forEach(a => a.addEventListener('click', e => { e.preventDefault(); stop(); jump(a.dataset.jump); show(); }));
    show();
  };

  pages.routes = async (page, [arg]) => {
    const date = dateArg(arg);
    dateBar(page, date, d => location.hash = `#/routes/${d}`);
    const day = await api(`/api/audit/${date}/overview`);
    const div = document.createElement('div');
    div.innerHTML = table([t('route'), t('truck'), t('verdict'), t('served'), t('scheduled'), t('missed'), t('unverifiedHouseholds'), t('coverage'), t('heard'), t('far')], day.routes.map(r =>
      [`<a href="#/route/${encodeURIComponent(r.route)}/${date}">${esc(r.name)}</a>`, esc(r.truck), verdict(r.state, r.heard), r.served, r.scheduled, r.missed, r.unverified, r.served + r.missed ? pct(r.served / (r.served + r.missed)) : '—', pct(r.heard), r.farScans])) +
      `<p class="exports"><a href="/api/exports/coverage/${date}.csv">${esc(t('exportCsv'))}</a> · <a href="/api/exports/coverage/${date}.xlsx">${esc(t('exportXlsx'))}</a></p>`;
    page.append(div);
  };

  // One route's day for the bureau and its contractor: the households missed while the truck's node was heard (red),
  // those not verifiable because it was not (grey), on a map; with the scans too far from their door, listed.
  pages.route = async (page, [id = '', arg]) => {
    const date = dateArg(arg);
    dateBar(page, date, d => location.hash = `#/route/${encodeURIComponent(id)}/${d}`);
    const route = await api(`/api/audit/${date}/routes/${encodeURIComponent(id)}`);
    const c = route.coverage;
    const colors = { missed: '#d33', unverified: '#888' };
    const box = document.createElement('div');
    const list = (title, rows, kind) => `<h3>${esc(title)} (${rows.length})</h3>${rows.length ? `<ol class="households" data-testid="route-${kind}">${rows.map(h => `<li data-household="${esc(h.household)}">${esc(h.household)} · ${esc(h.tag)}${h.distanceM != null ? ` · ${Math.round(h.distanceM)} m · ${esc(time(h.ts))}` : ''}</li>`).join('')}</ol>` : ''}`;
    box.innerHTML = `<h2>${esc(route.name)} · ${esc(route.truck)} ${verdict(route.state ?? 'noData', route.evidence?.coverage)}</h2>` +
      (!route.due || !c ? `<p>${esc(t('notDue'))}</p>` : `<p>${esc(t('served'))} ${c.served}/${c.scheduled} · <a href="#/replay/${encodeURIComponent(route.truck)}/${date}">${esc(t('replay'))}</a></p>
        <div id="map" class="map" data-testid="route-map" data-missed="${c.missed.length}" data-unverified="${c.unverified.length}"></div>
        ${list(t('missed'), c.missed, 'missed')}${list(t('unverifiedHouseholds'), c.unverified, 'unverified')}${list(t('far'), c.farScans, 'far')}`);
    page.append(box);
    if (!c) return;
    const element = box.querySelector('#map');
    const map = await WiotMap.create(element, { legend: [[colors.missed, t('missed')], [colors.unverified, t('unverifiedHouseholds')]] });
    const places = [...c.missed.map(h => [h, 'missed']), ...c.unverified.map(h => [h, 'unverified'])];
    for (const [h, kind] of places) {
      L.circleMarker(WiotMap.point(h.lat, h.lon), { radius: 7, color: colors[kind], fillColor: colors[kind], fillOpacity: 0.8 }).addTo(map).bindTooltip(`${h.household} · ${t(kind === 'missed' ? 'missed' : 'unverifiedHouseholds')}`);
    }
    WiotMap.fit(map, places.map(([h]) => [h.lat, h.lon]));
  };

  // The crew's route on a phone: the latest day with data (today once the truck reports), every door in service order
  // with its address and building, what is left first, a map of the doors; refreshed every minute.
  pages.crew = async (page, args, leave) => {
    const colors = { served: '#2a7', left: '#e90', missed: '#d33' };
    let map = null;
    let layer = null;
    const render = async () => {
      const date = latestDay();
      const routes = await api(`/api/crew/${date}`);
      const head = `<p class="crew-head" data-testid="crew-date">${esc(t('date'))} ${date} · ${esc(t('updated'))} ${esc(time(new Date().toISOString()))}</p>`;
      const stop = s => `<li data-${s.state === 'served' ? 'served' : 'household'}="${esc(s.household)}" data-state="${esc(s.state)}" value="${s.order}">
          <b>${esc(s.address || s.household)}</b>${s.building ? ` · ${esc(s.building)}` : ''}${s.farM != null ? ` · <span class="far">${esc(t('far'))} ${Math.round(s.farM)} m</span>` : ''}${s.state === 'missed' ? ` · <span class="missed">${esc(t('missed'))}</span>` : ''}</li>`;
      const sections = routes.map(r => {
        const left = r.stops.filter(s => s.state !== 'served');
        const served = r.stops.filter(s => s.state === 'served');
        return `<section data-testid="crew-route"><h2>${esc(r.name)} · ${r.served}/${r.scheduled}</h2>
          <h3>${esc(t('left'))} (${left.length})</h3><ol class="households">${left.map(stop).join('')}</ol>
          <details><summary>${esc(t('served'))} (${served.length})</summary><ol class="households served">${served.map(stop).join('')}</ol></details></section>`;
      }).join('');
      const list = page.querySelector('.crew-list') ?? Object.assign(document.createElement('div'), { className: 'crew-list' });
      list.innerHTML = head + (sections || `<p>${esc(t('nothing'))}</p>`);
      if (!list.isConnected) page.append(list);
      const points = routes.flatMap(r => r.stops).filter(s => s.lat != null && s.lon != null);
      if (points.length && !map) {
        const element = Object.assign(document.createElement('div'), { id: 'map', className: 'map crew-map' });
        element.dataset.testid = 'crew-map';
        page.prepend(element);
        map = await WiotMap.create(element, { legend: [[colors.left, t('left')], [colors.missed, t('missed')], [colors.served, t('served')]] });
      }

      if (map) {
        // The container took its height from the stylesheet after the map was made: measure it again.
        map.invalidateSize();
        layer?.remove();
        layer = L.layerGroup(points.map(s => L.circleMarker(WiotMap.point(s.lat, s.lon), { radius: 6, color: colors[s.state], fillOpacity: 0.85 }).bindTooltip(`${s.order}. ${s.address || s.household}`))).addTo(map);
        // Frame the doors still to do; all of them once the route is done.
        WiotMap.fit(map, points.filter(s => s.state !== 'served').map(s => [s.lat, s.lon])) || WiotMap.fit(map, points.map(s => [s.lat, s.lon]));
        map.getContainer().dataset.stops = String(points.length);
      }
    };
    await render();
    const timer = setInterval(() => render().catch(() => {}), 60000);
    leave(() => clearInterval(timer));
  };

  pages.bins = async (page, [arg]) => {
    const date = dateArg(arg);
    dateBar(page, date, d => location.hash = `#/bins/${d}`);
    const bins = await api(`/api/audit/${date}/bins`);
    const box = document.createElement('div');
    page.append(box);
    box.innerHTML = `<div id="map" class="map" data-testid="bin-map"></div><h2>${esc(t('pickup'))}</h2>` +
      table([t('bins'), t('level'), t('status')], bins.filter(b => b.latestLevel != null).sort((a, b) => b.latestLevel - a.latestLevel).slice(0, 200)
        .map(b => [esc(b.bin), pct(b.latestLevel), verdict(b.state, b.evidence.coverage)]));
    const map = await WiotMap.create(box.querySelector('#map'), { legend: [['#d33', '≥ 80%'], ['#e90', '50–80%'], ['#2a7', '< 50%'], ['#888', t('noData')]] });
    for (const b of bins) {
      const level = b.latestLevel ?? -1;
      const color = level < 0 ? '#888' : level >= 0.8 ? '#d33' : level >= 0.5 ? '#e90' : '#2a7';
      // Tooltips are made on first hover: thousands made up front cost more than the whole map.
      const marker = L.circleMarker(WiotMap.point(b.lat, b.lon), { radius: 6, color, fillOpacity: 0.8 }).addTo(map);
      marker.once('mouseover', () => marker.bindTooltip(`${b.bin} ${level < 0 ? t('noData') : pct(level)}`).openTooltip());
    }

    WiotMap.fit(map, bins.map(b => [b.lat, b.lon]));
    Object.assign(box.querySelector('#map').dataset, { bins: bins.length, drawn: 'true' });
  };

  pages.toilets = async (page, [arg]) => {
    const date = dateArg(arg);
    dateBar(page, date, d => location.hash = `#/toilets/${d}`);
    const toilets = await api(`/api/audit/${date}/toilets`);
    const div = document.createElement('div');
    div.innerHTML = table([t('toilet'), t('cleanings'), t('verdict'), t('longestGap'), t('assigned'), t('exceedances'), t('odour'), t('heard')], toilets.map(x =>
      [esc(x.name), `${x.result.cleanings.length}/${x.result.required}`, verdict(x.cleaning, x.evidence.coverage), esc(x.result.longestGap.slice(0, 5)),
        x.result.byAssignedCleaners, `${x.result.episodes.length}<span class="sub" title="${esc(t('readingsOver'))}"> (${x.result.exceedances.length})</span>`, verdict(x.odourState, x.evidence.coverage), pct(x.evidence.coverage)])) +
      toilets.map(x => `<h3>${esc(x.name)}</h3><div class="timeline">${x.result.cleanings.map(c => {
        const from = new Date(c.start), to = new Date(c.end), dayStart = midnight(date);
        const left = (from - dayStart) / 864e5 * 100, width = Math.max(0.4, (to - from) / 864e5 * 100);
        return `<span class="visit${c.byAssignedCleaner ? '' : ' other'}" style="left:${left}%;width:${width}%" title="${esc((c.cleaners ?? [c.badge]).join(' + '))} ${time(c.start)}–${time(c.end)}"></span>`;
      }).join('')}</div>${episodes(x.result.episodes)}<details data-toilet="${esc(x.toilet)}"><summary>${esc(t('odourCurves'))}</summary></details><p class="who-cleaned">${x.result.cleanings.map(c => `${time(c.start)} ${esc((c.cleaners ?? [c.badge]).join(' + '))}`).join(' · ')}</p>`).join('') +
      `<p class="exports"><a href="/api/exports/toilets/${date}.csv">${esc(t('exportCsv'))}</a> · <a href="/api/exports/toilets/${date}.xlsx">${esc(t('exportXlsx'))}</a></p>`;
    page.append(div);

    // The odour curve of a toilet is fetched when it is opened: fifty days of readings would slow the first render.
    div.querySelectorAll('details[data-toilet]').forEach(d => d.addEventListener('toggle', async () => {
      if (!d.open || d.dataset.loaded) return;
      d.dataset.loaded = 'true';
      const toilet = await api(`/api/audit/${date}/toilets/${encodeURIComponent(d.dataset.toilet)}`);
      d.insertAdjacentHTML('beforeend', odourCurve(toilet, date));
    }));
  };

  // Each gas over the day against the limit the cloud judged it by: hours across, mg/m³ up with its scale, the limit
  // dashed, and the cleanings shaded with who cleaned (on hover).
  const odourCurve = (toilet, date) => {
    const dayStart = midnight(date).getTime();
    const W = 1000, H = 150, L = 56, R = 28, T = 10, B = 24;
    const x = iso => L + ((new Date(iso).getTime() - dayStart) / 864e5) * (W - L - R);
    const chart = (gas, key, limit) => {
      const points = toilet.odour.filter(a => a[key] != null);
      if (!points.length) return '';
      const top = Math.max(2 * limit, ...points.map(a => a[key])) * 1.05;
      const y = v => T + (1 - v / top) * (H - T - B);
      const hours = [0, 6, 12, 18, 24].map(h => { const px = L + h / 24 * (W - L - R); return `<line x1="${px}" x2="${px}" y1="${T}" y2="${H - B}" class="grid"/><text x="${px}" y="${H - 6}" text-anchor="middle">${String(h).padStart(2, '0')}:00</text>`; }).join('');
      const ticks = [0, limit, top / 1.05].map(v => `<text x="${L - 6}" y="${y(v) + 4}" text-anchor="end">${v.toFixed(v < 0.1 ? 3 : 2)}</text>`).join('');
      const cleanings = toilet.result.cleanings.map(c => `<rect x="${x(c.start)}" y="${T}" width="${Math.max(2, x(c.end) - x(c.start))}" height="${H - T - B}" class="cleaning"><title>${esc((c.cleaners ?? [c.badge]).join(' + '))} ${time(c.start)}–${time(c.end)}</title></rect>`).join('');
      const line = points.map(a => `${x(a.ts).toFixed(1)},${y(a[key]).toFixed(1)}`).join(' ');
      return `<figure class="odour-chart"><figcaption>${esc(t(gas))} (mg/m³) · ${esc(t('limit'))} ${limit}</figcaption>
        <svg class="odour" viewBox="0 0 ${W} ${H}" data-gas="${gas}" data-points="${points.length}" data-limit="${limit}">${cleanings}${hours}${ticks}
          <line x1="${L}" x2="${W - R}" y1="${y(limit)}" y2="${y(limit)}" class="limit"/><polyline points="${line}"/></svg></figure>`;
    };
    return chart('nh3', 'nh3', toilet.nh3Limit) + chart('h2s', 'h2s', toilet.h2sLimit);
  };

  // Data health: every thing with how much of its window its nodes were heard, worst first, grouped by contractor.
  pages.health = async (page, [arg]) => {
    const date = dateArg(arg);
    dateBar(page, date, d => location.hash = `#/health/${d}`);
    const [health, names, gateways] = await Promise.all([api(`/api/audit/${date}/health`), contractorNames(), api('/api/gateways/presence')]);
    // A TimeSpan as the API writes it, [d.]hh:mm:ss, in whole minutes.
    const minutes = span => { const m = /^(?:(\d+)\.)?(\d+):(\d+)/.exec(span) ?? []; return Number(m[1] ?? 0) * 1440 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0); };
    const groups = {};
    for (const thing of health.things) (groups[thing.contractor] ??= []).push(thing);
    const box = document.createElement('div');
    box.innerHTML = `<section class="tiles" data-testid="health-summary">
        ${tile(t('received'), health.received, false)}
        ${tile(t('missingMessages'), health.missing, health.missing > 0)}
        ${tile(t('gaps'), health.gaps, health.gaps > 0)}
        ${tile(t('silentNodes'), health.silentDevices.length, health.silentDevices.length > 0)}
        ${tile(t('gatewaysBehind'), gateways.filter(behind).length, gateways.some(behind))}
      </section>` + gatewayTable(gateways, names) +
      Object.entries(groups).map(([contractor, things]) => `<h2>${esc(names[contractor] ?? (contractor || t('bureauMaintainer')))}</h2>` +
        table([t('kind'), t('title'), t('heard'), t('silence'), t('outages'), t('lost'), t('dropped'), t('verdict')], things.map(x =>
          [esc(t(x.kind)), esc(x.name), pct(x.coverage), `${minutes(x.silent)} ${esc(t('minutes'))}`, x.outages, x.lostOutages, x.dropped,
            `<span class="verdict v-${x.verified ? 'ok' : 'unverified'}" data-thing="${esc(x.id)}">${esc(t(x.verified ? 'verified' : 'unverified'))}</span>`]))).join('');
    page.append(box);
  };

  // Gateways now (not per day): connected, silent or offline since when, and what their store holds for the cloud.
  const behind = g => g.behind;
  const gatewayTable = (gateways, names) => {
    if (!gateways.length) return '';
    const state = g => !g.reported ? t('neverReported')
      : !g.connected ? `${t('offlineSince')} ${dateTime(g.reported)}`
      : g.silent ? `${t('silentSince')} ${dateTime(g.reported)}` : t('connected');
    const waiting = g => g.backlogRows == null ? '–' : g.backlogRows === 0 ? t('upToDate') : `${g.backlogRows} · ${Math.ceil(g.oldestAgeS / 60)} ${t('minutes')}`;
    return `<h2>${esc(t('gateways'))}</h2><div data-testid="gateways">` +
      table([t('gateway'), t('contractor'), t('devices'), t('state'), t('backlog'), t('store')], gateways.map(g => [
        `<span data-gateway="${esc(g.gateway)}" class="verdict v-${behind(g) ? 'unverified' : 'ok'}">${esc(g.gateway)}</span>`,
        esc(g.contractors.map(c => names[c] ?? c).join('、') || '–'), g.devices, esc(state(g)), esc(waiting(g)),
        g.storeBytes == null ? '–' : `${(g.storeBytes / 1048576).toFixed(1)} MB${g.thinned ? ` · ${esc(t('thinned'))} ${g.thinned}` : ''}`])) + '</div>';
  };

  // Contractor names by id (the registry's), for lists that carry ids.
  const contractorNames = async () => {
    const page = await api('/api/registry/contractors?limit=1000').catch(() => ({ items: [] }));
    return Object.fromEntries(page.items.map(c => [c.id, c.name]));
  };
  const caseKinds = ['sealedTransport', 'coverage', 'clearance', 'toiletCleaning', 'toiletOdour', 'stationOdour', 'stationDisinfection', 'pondAlarm', 'nodeSilent'];
  const caseStatuses = ['Filed', 'Dispatched', 'Resolved', 'Closed'];
  const statusText = s => t(s === 'Closed' ? 'closedCase' : s.toLowerCase());

  // A sealed-transport case's finding is the violation's start as UTC HH:mm:ss; of the two UTC dates it could fall on,
  // the instant is the one inside the case's county day.
  const violationStart = (day, finding) => {
    if (!/^\d{2}:\d{2}:\d{2}$/.test(finding)) return '';
    const from = midnight(day).getTime();
    const until = midnight(addDays(day, 1)).getTime();
    const ms = [0, -1, 1].map(d => Date.parse(`${addDays(day, d)}T${finding}Z`)).find(v => v >= from && v < until);
    return ms == null ? '' : new Date(ms).toISOString();
  };

  // Cases as cards: the finding, its evidence link, due time and overdue state, history; the steps this user may take
  // (the API says which) as forms, never prompts. Filters by status, kind, contractor and filing date.
  pages.cases = async (page, args, leave, query = {}) => {
    const bureau = App.session.account.role === 'Bureau';
    const names = await contractorNames();
    const params = new URLSearchParams({ limit: '200' });
    // Dates are county days: from its midnight, to the midnight after the last day.
    for (const [k, v] of Object.entries(query)) {
      if (v) params.set(k, k === 'from' ? midnight(v).toISOString() : k === 'to' ? new Date(midnight(v).getTime() + 864e5).toISOString() : v);
    }
    const list = await api(`/api/cases?${params}`);
    const option = (value, label, selected) => `<option value="${esc(value)}"${selected ? ' selected' : ''}>${esc(label)}</option>`;
    page.innerHTML = `<form class="bar filters" data-testid="case-filters">
        <label>${esc(t('status'))} <select name="status">${option('', t('all'), !query.status)}${caseStatuses.map(s => option(s, statusText(s), query.status === s)).join('')}</select></label>
        <label>${esc(t('kind'))} <select name="kind">${option('', t('all'), !query.kind)}${caseKinds.map(k => option(k, t('case_' + k), query.kind === k)).join('')}</select></label>
        ${bureau ? `<label>${esc(t('contractor'))} <select name="contractor">${option('', t('all'), !query.contractor)}${Object.entries(names).map(([id, name]) => option(id, name, query.contractor === id)).join('')}</select></label>` : ''}
        ${dateField('from', query.from ?? '', t('from'))}
        ${dateField('to', query.to ?? '', t('to'))}
        <span data-testid="case-count">${esc(t('total'))} ${list.total}</span>
      </form>
      <div class="cases">${list.items.length ? list.items.map(c => {
        const overdue = c.isOverdue;
        return `<article class="case${overdue ? ' overdue' : ''}" data-case="${c.id}" data-status="${esc(c.status)}">
          <h3>${esc(c.title)} <span class="status s-${esc(c.status.toLowerCase())}">${esc(statusText(c.status))}</span>${overdue ? ` <span class="overdue-badge">${esc(t('overdue'))}</span>` : ''}</h3>
          <p class="meta">${esc(t('case_' + c.kind))} · ${esc(names[c.contractor] ?? (c.contractor || t('bureauMaintainer')))} · ${esc(t('filed'))} ${esc(dateTime(c.filed))} · ${esc(t('due'))} ${esc(dateTime(c.due))}${c.assignee ? ` · ${esc(t('assignee'))} ${esc(c.assignee)}` : ''}</p>
          <p class="detail">${esc(c.detail)}</p>
          ${c.kind === 'sealedTransport' ? `<p><a href="#/replay/${encodeURIComponent(c.subject)}/${esc(c.day)}/${encodeURIComponent(violationStart(c.day, c.finding))}">${esc(t('replay'))}</a></p>` : ''}
          ${c.kind === 'coverage' ? `<p><a href="#/route/${encodeURIComponent(c.subject)}/${esc(c.day)}">${esc(t('missedOnMap'))}</a></p>` : ''}
          ${c.kind === 'toiletOdour' ? `<p><a href="#/toilets/${esc(c.day)}">${esc(t('toilets'))}</a></p>` : ''}
          <details class="history" data-history="${c.id}"><summary>${esc(t('history'))}</summary></details>
          <div class="actions">${c.actions.map(a => `<button type="button" data-act="${esc(a)}" data-id="${c.id}">${esc(t(a === 'return' ? 'sendBack' : a))}</button>`).join(' ')}</div>
          <form class="step" hidden data-step="${c.id}">
            <label class="assignee" hidden>${esc(t('assignee'))} <input name="assignee"></label>
            <label>${esc(t('note'))} <textarea name="note" rows="2"></textarea></label>
            <button type="submit">${esc(t('confirm'))}</button> <button type="button" data-cancel>${esc(t('cancel'))}</button>
            <p class="error" hidden></p>
          </form>
        </article>`;
      }).join('') : `<p>${esc(t('nothing'))}</p>`}</div>`;

    wireDates(page.querySelector('form.filters'));
    page.querySelector('form.filters').onchange = e => {
      // A date half typed or not a day waits (it is marked); a whole one, or an emptied one, filters.
      if (!e.currentTarget.checkValidity()) return;
      const data = Object.fromEntries(new FormData(e.currentTarget));
      pages.cases(page, args, leave, data);
    };
    page.querySelectorAll('details.history').forEach(d => d.addEventListener('toggle', async () => {
      if (!d.open || d.dataset.loaded) return;
      d.dataset.loaded = 'true';
      const full = await api(`/api/cases/${d.dataset.history}`);
      d.insertAdjacentHTML('beforeend', `<ol>${full.notes.map(n => `<li>${esc(dateTime(n.at))} · ${esc(n.author)} · ${esc(statusText(n.status))}${n.note ? ` · ${esc(n.note)}` : ''}</li>`).join('')}</ol>`);
    }));
    page.querySelectorAll('button[data-act]').forEach(b => b.addEventListener('click', () => {
      const form = page.querySelector(`form[data-step="${b.dataset.id}"]`);
      form.dataset.act = b.dataset.act;
      form.hidden = false;
      form.querySelector('.assignee').hidden = b.dataset.act !== 'dispatch';
      form.querySelector('textarea').required = b.dataset.act === 'resolve' || b.dataset.act === 'return';
      form.querySelector(b.dataset.act === 'dispatch' ? 'input' : 'textarea').focus();
    }));
    page.querySelectorAll('form.step').forEach(form => {
      form.querySelector('[data-cancel]').onclick = () => { form.hidden = true; };
      form.onsubmit = async e => {
        e.preventDefault();
        const data = Object.fromEntries(new FormData(form));
        const error = form.querySelector('.error');
        try {
          await api(`/api/cases/${form.dataset.step}/${form.dataset.act}`, { method: 'POST', body: { assignee: data.assignee || null, note: data.note } });
          await pages.cases(page, args, leave, query);
        } catch (err) {
          error.hidden = false;
          error.textContent = err.message;
        }
      };
    });
  };

  // Odour episodes: the gas, its span, how long, its peak against the limit.
  const episodes = list => list.length === 0 ? '' : `<ul class="episodes" data-testid="episodes">${list.map(e =>
    `<li>${esc(t(e.gas === 'sh2' ? 'h2s' : 'nh3'))} ${time(e.start)}–${time(e.end)} (${Math.round((new Date(e.end) - new Date(e.start)) / 60000)} ${esc(t('minutes'))}), ${esc(t('peakValue'))} ${e.peak.toFixed(3)} mg/m³ ${esc(t('limit'))} ${e.limit}</li>`).join('')}</ul>`;

  pages.scorecard = async (page, [arg]) => {
    const month = monthArg(arg);
    const [card, names] = await Promise.all([api(`/api/scorecard/${month}`), contractorNames()]);
    page.innerHTML = `<div class="bar"><button type="button" data-step="-1" title="${esc(t('previousMonth'))}" aria-label="${esc(t('previousMonth'))}">‹</button>${dateField('month', month, t('month'), 'month')}<button type="button" data-step="1" title="${esc(t('nextMonth'))}" aria-label="${esc(t('nextMonth'))}">›</button> <a href="#/report/${month}">${esc(t('print'))}</a>
      · <a href="/api/exports/scorecard/${month}.csv">${esc(t('exportCsv'))}</a> · <a href="/api/exports/scorecard/${month}.xlsx">${esc(t('exportXlsx'))}</a></div>
      <p data-testid="days-kept">${esc(t('daysKept'))}: ${card.daysKept}</p>` +
      table([t('contractor'), t('coverage'), t('unverifiedHouseholds'), t('violations'), t('cleared'), t('unverified'), t('toiletsUnder'), t('unverified'), t('odour'), t('sweepRate'), t('roadWorkShort'), t('muckViolations'), t('filedCount'), t('completion'), t('closure'), t('onTime')], card.contractors.map(c =>
        [esc(names[c.contractor] ?? (c.contractor || t('bureauMaintainer'))), pct(c.coverage), c.householdsUnverified, c.openCoverViolations, pct(c.clearanceRate), c.binDaysUnverified, c.toiletDaysUnderRequired, c.toiletDaysUnverified, c.odourEpisodes ?? 0,
          c.sweepRate == null ? '—' : pct(c.sweepRate), c.roadWorkShort ?? 0, c.muckViolations ?? 0, c.cases.filed, pct(c.cases.completionRate), pct(c.cases.closureRate), pct(c.cases.onTimeRate)]));
    wireDates(page);
    const input = page.querySelector('input[name=month]');
    input.onchange = () => { const v = input.value.trim(); if (realMonth(v) && v !== month) location.hash = `#/scorecard/${v}`; };
    page.querySelectorAll('.bar [data-step]').forEach(b => b.onclick = () => location.hash = `#/scorecard/${addMonths(month, Number(b.dataset.step))}`);
  };

  // The monthly report a bureau can sign: who issues it, the period, the days audited and how well they were heard,
  // each contractor's figures with the rule behind each, the month's cases, and a signature block.
  pages.report = async (page, [arg]) => {
    const month = monthArg(arg);
    const [report, card, names] = await Promise.all([api(`/api/cases/monthly/${month}`), api(`/api/scorecard/${month}`), contractorNames()]);
    const first = `${month}-01`;
    const next = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 1)).toISOString().slice(0, 10);
    const last = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);
    const cases = await api(`/api/cases?limit=500&from=${encodeURIComponent(midnight(first).toISOString())}&to=${encodeURIComponent(midnight(next).toISOString())}`);
    const session = App.session;
    const name = id => esc(names[id] ?? (id || t('bureauMaintainer')));
    page.innerHTML = `<article class="report" data-testid="monthly-report">
      <header><h1>${esc(session.countyName)} ${esc(t('report'))}</h1>
        <p>${esc(t('issuedBy'))}: ${esc(session.bureauName)} · ${esc(t('period'))}: ${first} ${esc(t('through'))} ${last} · ${esc(t('daysKept'))}: <b data-testid="days-audited">${card.daysKept}</b></p></header>` +
      card.contractors.map(c => `<section class="contractor-report"><h2>${name(c.contractor)}</h2>` +
        table([t('item'), t('figure'), t('basis')], [
          [esc(t('coverage')), pct(c.coverage), esc(t('basisCoverage').replace('{n}', c.householdsUnverified))],
          [esc(t('violations')), c.openCoverViolations, esc(t('basisViolations'))],
          [esc(t('cleared')), pct(c.clearanceRate), esc(t('basisClearance').replace('{n}', c.binDaysUnverified))],
          [esc(t('toiletsUnder')), c.toiletDaysUnderRequired, esc(t('basisToilets').replace('{v}', c.toiletDaysVerified).replace('{n}', c.toiletDaysUnverified))],
          [esc(t('odour')), c.odourEpisodes ?? 0, esc(t('basisOdour'))],
          ...(c.sweepRate == null && !c.sweepUnprovenKm ? [] : [[esc(t('sweepRate')), c.sweepRate == null ? '—' : pct(c.sweepRate), esc(t('basisSweep').replace('{s}', c.sweptKm.toFixed(1)).replace('{k}', c.sweepShortKm.toFixed(1)).replace('{n}', c.sweepUnprovenKm.toFixed(1)).replace('{w}', c.roadWorkShort))]]),
          ...(c.muckViolations ? [[esc(t('muckViolations')), c.muckViolations, esc(t('basisMuck').replace('{d}', c.suspectedDumping))]] : []),
          ...(c.treatedM3 ? [[esc(t('treated')), `${c.treatedM3.toFixed(1)} m³`, esc(t('basisTreated'))]] : []),
          ...(c.tonnesCollected ? [[esc(t('delivered')), `${c.tonnesCollected.toFixed(1)} t`, esc(t('basisCollected'))]] : []),
          ...(c.tonnesDisposed || c.haulsNotDisposed ? [[esc(t('disposed')), `${c.tonnesDisposed.toFixed(1)} t`, esc(t('basisDisposed').replace('{n}', c.haulsNotDisposed))]] : []),
          ...(c.tonnesIn || c.tonnesOut ? [[esc(t('stations')), `${c.tonnesIn.toFixed(1)} / ${c.tonnesOut.toFixed(1)} t`, esc(t('basisTonnes').replace('{i}', c.tonnesIn.toFixed(1)).replace('{o}', c.tonnesOut.toFixed(1)).replace('{n}', c.stationDaysNotCleared))]] : []),
          [esc(t('filedCount')), c.cases.filed, `${esc(t('completion'))} ${pct(c.cases.completionRate)} · ${esc(t('closure'))} ${pct(c.cases.closureRate)} · ${esc(t('onTime'))} ${pct(c.cases.onTimeRate)}`],
        ]) + '</section>').join('') +
      `<h2>${esc(t('cases'))}</h2>` +
      table([t('filed'), t('title'), t('contractor'), t('status')], cases.items.map(c => [esc(dateTime(c.filed)), esc(c.title), name(c.contractor), esc(statusText(c.status))])) +
      `<section class="signatures" data-testid="signatures">
        <div><p>${esc(t('signBureau'))}</p><p class="line">${esc(session.bureauName)}（${esc(t('seal'))}）</p><p class="line">${esc(t('date'))}</p></div>
        <div><p>${esc(t('signContractor'))}</p><p class="line"></p><p class="line">${esc(t('date'))}</p></div>
      </section>
      <button type="button" data-act="print">${esc(t('print'))}</button></article>`;
    page.querySelector('[data-act="print"]').addEventListener('click', () => print());
  };
})();
