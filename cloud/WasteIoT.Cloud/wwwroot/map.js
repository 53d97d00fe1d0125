// Leaflet helpers. GNSS gives WGS-84; Chinese tile services draw in GCJ-02, so points are shifted when the
// configured tiles say so (the published GCJ-02 transform; outside China it is the identity).
const WiotMap = (() => {
  const a = 6378245.0, ee = 0.00669342162296594323;
  const outOfChina = (lat, lon) => lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
  const tLat = (x, y) => {
    let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
    r += (20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2 / 3;
    r += (20 * Math.sin(y * Math.PI) + 40 * Math.sin(y / 3 * Math.PI)) * 2 / 3;
    r += (160 * Math.sin(y / 12 * Math.PI) + 320 * Math.sin(y * Math.PI / 30)) * 2 / 3;
    return r;
  };
  const tLon = (x, y) => {
    let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
    r += (20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2 / 3;
    r += (20 * Math.sin(x * Math.PI) + 40 * Math.sin(x / 3 * Math.PI)) * 2 / 3;
    r += (150 * Math.sin(x / 12 * Math.PI) + 300 * Math.sin(x / 30 * Math.PI)) * 2 / 3;
    return r;
  };
  const toGcj02 = (lat, lon) => {
    if (outOfChina(lat, lon)) return [lat, lon];
    let dLat = tLat(lon - 105, lat - 35), dLon = tLon(lon - 105, lat - 35);
    const radLat = lat / 180 * Math.PI;
    let magic = Math.sin(radLat); magic = 1 - ee * magic * magic;
    const sqrtMagic = Math.sqrt(magic);
    dLat = (dLat * 180) / ((a * (1 - ee)) / (magic * sqrtMagic) * Math.PI);
    dLon = (dLon * 180) / (a / sqrtMagic * Math.cos(radLat) * Math.PI);
    return [lat + dLat, lon + dLon];
  };
  let config = null;
  const load = async () => config ??= await (await fetch('/api/map')).json();
  const point = (lat, lon) => config && config.coordinates === 'gcj02' ? toGcj02(lat, lon) : [lat, lon];
  // The registry's own places (sites, bins, and households for those who may read them) in grey: what an offline
  // county, or one whose tiles fail, sees instead of a blank canvas.
  const geometry = async (map, element) => {
    if (element.dataset.geometry) return;
    element.dataset.geometry = 'loading';
    const kinds = ['sites', 'bins', 'households'];
    let drawn = 0;
    for (const kind of kinds) {
      // Pages of 1,000 (the registry's largest), up to 10,000 places a kind: enough to recognise the county.
      for (let offset = 0; offset < 10000; offset += 1000) {
        const page = await fetch(`/api/registry/${kind}?limit=1000&offset=${offset}`).then(r => r.ok ? r.json() : { items: [], total: 0 }).catch(() => ({ items: [], total: 0 }));
        for (const e of page.items.filter(e => typeof e.lat === 'number' && typeof e.lon === 'number')) {
          L.circleMarker(point(e.lat, e.lon), { radius: kind === 'households' ? 2 : 4, color: '#aaa', weight: 1, fillOpacity: 0.3, interactive: false }).addTo(map);
          drawn++;
        }

        if (offset + 1000 >= (page.total ?? 0)) break;
      }
    }

    element.dataset.geometry = String(drawn);
  };
  // Legend: [color, label] pairs, bottom right; the scale bottom left.
  const legend = (map, entries) => {
    const control = L.control({ position: 'bottomright' });
    control.onAdd = () => {
      const div = L.DomUtil.create('div', 'legend');
      div.innerHTML = entries.map(([color, label]) => `<div><span class="swatch" style="background:${color}"></span>${label}</div>`).join('');
      return div;
    };
    control.addTo(map);
  };
  const create = async (element, options = {}) => {
    await load();
    // Canvas draws a county's thousands of bins and a day's track far faster than one SVG element each.
    const map = L.map(element, { preferCanvas: true }).setView(point(config.centerLat, config.centerLon), config.zoom);
    L.control.scale({ imperial: false }).addTo(map);
    if (options.legend) legend(map, options.legend);
    if (config.tileUrl) {
      const tiles = L.tileLayer(config.tileUrl, { attribution: config.attribution, maxZoom: 19 }).addTo(map);
      tiles.once('tileerror', () => geometry(map, element));
    } else {
      geometry(map, element);
    }

    const center = () => { const c = map.getCenter(); element.dataset.center = `${c.lat.toFixed(5)},${c.lng.toFixed(5)}`; };
    map.on('moveend', center);
    center();
    return map;
  };
  // Fits the map to what the page shows (WGS-84 [lat, lon] pairs); one point is shown close up.
  const fit = (map, points) => {
    const shown = points.filter(p => p && Number.isFinite(p[0]) && Number.isFinite(p[1])).map(p => point(p[0], p[1]));
    if (shown.length === 0) return false;
    // No animation: a framing is a fact about the data, not a flourish (and a half-zoomed canvas looks broken).
    if (shown.length === 1) map.setView(shown[0], 16, { animate: false });
    else map.fitBounds(shown, { padding: [24, 24], maxZoom: 17, animate: false });
    map.getContainer().dataset.fitted = 'true';
    return true;
  };
  return { create, fit, point, toGcj02 };
})();
