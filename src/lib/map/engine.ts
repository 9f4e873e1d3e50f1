/**
 * Everything that touches MapLibre, in one module that only load.ts imports (dynamically), so the
 * library (~300 KB gzip), its worker and its CSS reach the browser only when the map is shown.
 */
import { base } from '$app/paths';
import * as maplibregl from 'maplibre-gl';
// MapLibre 6 resolves its worker from import.meta.url at run time, which Vite does not emit: hand
// it the URL of a Vite-built copy instead (../shared/STACK.md, pitfall 6).
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { GeoJSONSource } from 'maplibre-gl';
import { toFeatureCollection, type Facility } from './facilities';
import { COUNTY_MIN_ZOOM, countyLayer, mapStyle, US_BOUNDS } from './style';
import { popupContent } from './popup';

maplibregl.setWorkerUrl(workerUrl);

export interface MapState {
  status: 'busy' | 'idle';
  /** Facilities in the map's source (the filtered list). */
  features: number;
  /** Facility circles drawn in the current view. */
  rendered: number;
}

export interface CreateMapOptions {
  container: HTMLElement;
  /** Every facility, to look one up by the id a clicked feature carries. */
  all: Map<string, Facility>;
  /** The facilities to draw first (the current filter). */
  shown: Facility[];
  /** id of an element describing the keyboard use, for the canvas's aria-describedby. */
  describedBy?: string;
  onState?: (s: MapState) => void;
  onZoom?: (zoom: number) => void;
  /** A short message for a live region ("no facility near the centre"). */
  onAnnounce?: (message: string) => void;
}

export interface FacilityMapController {
  /** Draw these facilities; `fit` moves the view to them. */
  show(list: Facility[], opts?: { fit?: boolean }): void;
  /** Mark the place a search started from (/near), or clear the mark. */
  mark(at: { lat: number; lon: number; label: string } | null): void;
  /** Open the popup of a facility; `focus` moves keyboard focus to its link (Escape returns it). */
  open(f: Facility, opts?: { focus?: boolean; fly?: boolean }): void;
  destroy(): void;
}

const geo = (file: string) => new URL(`${base}/data/geo/${file}`, location.origin).href;
const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

/** Resolves once the style and the first data are loaded; rejects if the map cannot be drawn (no WebGL2). */
export function createMap(opts: CreateMapOptions): Promise<FacilityMapController> {
  return new Promise((resolve, reject) => {
    let map: maplibregl.Map;
    try {
      map = new maplibregl.Map({
        container: opts.container,
        style: mapStyle({ states: geo('states.json'), facilities: toFeatureCollection(opts.shown) }),
        bounds: US_BOUNDS,
        fitBoundsOptions: { padding: 8 },
        minZoom: 1,
        maxZoom: 13,
        renderWorldCopies: false,
        attributionControl: false, // sources are credited in the text under the map
        dragRotate: false,
        pitchWithRotate: false,
        // Page scroll keeps working over the map: ctrl/⌘ + wheel zooms, two fingers pan on touch.
        cooperativeGestures: true,
        locale: { 'Map.Title': 'Map of facilities' },
      });
    } catch (e) {
      reject(e instanceof Error ? e : new Error(String(e)));
      return;
    }
    map.touchZoomRotate.disableRotation();
    map.keyboard.disableRotation();
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    const canvas = map.getCanvas();
    if (opts.describedBy) canvas.setAttribute('aria-describedby', opts.describedBy);

    let count = opts.shown.length;
    let popup: maplibregl.Popup | null = null;
    let returnFocus: HTMLElement | null = null;
    let countiesAdded = false;
    let marker: maplibregl.Marker | null = null;

    const report = () =>
      opts.onState?.({ status: 'idle', features: count, rendered: map.queryRenderedFeatures({ layers: ['facilities'] }).length });
    const busy = () => {
      opts.onState?.({ status: 'busy', features: count, rendered: 0 });
      map.once('idle', report);
    };

    function close() {
      popup?.remove();
      popup = null;
    }

    function open(f: Facility, o: { focus?: boolean; fly?: boolean } = {}) {
      close();
      returnFocus = o.focus ? (document.activeElement as HTMLElement | null) : null;
      const content = popupContent(f);
      // On a narrow map (320 px screens) the popup takes nearly its width, so it must open centred.
      const width = opts.container.clientWidth;
      const narrow = width < 512;
      const p = new maplibregl.Popup({ maxWidth: `${Math.min(288, width - 24)}px`, focusAfterOpen: false, offset: 8 })
        .setLngLat([f.lon, f.lat])
        .setDOMContent(content)
        .addTo(map);
      popup = p;
      map.setFilter('facility-selected', ['==', ['get', 'id'], f.id]);
      p.on('close', () => {
        if (popup === p) popup = null;
        map.setFilter('facility-selected', ['==', ['get', 'id'], '']);
      });
      p.getElement().addEventListener('keydown', (e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        const back = returnFocus;
        close();
        (back ?? canvas).focus();
      });
      const duration = reducedMotion() ? 0 : 600;
      if (o.fly) map.easeTo({ center: [f.lon, f.lat], zoom: Math.max(map.getZoom(), 7), duration });
      else if (narrow) map.easeTo({ center: [f.lon, f.lat], duration });
      if (o.focus) content.querySelector('a')?.focus({ preventScroll: true });
    }

    map.on('click', 'facilities', (e) => {
      const f = opts.all.get(String(e.features?.[0]?.properties?.id));
      if (f) open(f);
    });
    map.on('mouseenter', 'facilities', () => (canvas.style.cursor = 'pointer'));
    map.on('mouseleave', 'facilities', () => (canvas.style.cursor = ''));

    // Keyboard: the canvas pans with arrows and zooms with +/- (MapLibre); Enter opens the
    // facility nearest the centre, where a crosshair shows while the canvas has focus.
    canvas.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter') return;
      e.preventDefault();
      const c = map.project(map.getCenter());
      const r = 24;
      const near = map
        .queryRenderedFeatures([[c.x - r, c.y - r], [c.x + r, c.y + r]], { layers: ['facilities'] })
        .map((feat) => opts.all.get(String(feat.properties.id)))
        .filter((f): f is Facility => !!f)
        .map((f) => ({ f, d: map.project([f.lon, f.lat]).dist(c) }))
        .sort((a, b) => a.d - b.d)[0];
      if (near) open(near.f, { focus: true });
      else opts.onAnnounce?.('No facility at the centre of the map. Move with the arrow keys, zoom with plus and minus, or use the list.');
    });

    map.on('zoom', () => opts.onZoom?.(map.getZoom()));
    map.on('zoomend', () => {
      if (countiesAdded || map.getZoom() < COUNTY_MIN_ZOOM - 0.5) return;
      countiesAdded = true; // fetched once, on the first zoom in: 140 KB gzip nobody needs at the national view
      map.addSource('counties', { type: 'geojson', data: geo('counties.json') });
      map.addLayer(countyLayer, 'states-line');
    });

    let loaded = false;
    map.on('error', (e) => {
      if (!loaded) reject(e.error);
      else console.error(e.error);
    });
    map.once('load', () => {
      loaded = true;
      opts.onZoom?.(map.getZoom());
      busy();
      resolve({
        show(list, o = {}) {
          close();
          count = list.length;
          (map.getSource('facilities') as GeoJSONSource).setData(toFeatureCollection(list));
          if (o.fit && list.length) {
            const b = new maplibregl.LngLatBounds();
            for (const f of list) b.extend([f.lon, f.lat]);
            map.fitBounds(b, { padding: 40, maxZoom: 8, duration: reducedMotion() ? 0 : 600 });
          } else if (o.fit) map.fitBounds(US_BOUNDS, { padding: 8, duration: 0 });
          busy();
        },
        mark(at) {
          marker?.remove();
          marker = null;
          if (!at) return;
          const el = document.createElement('div');
          el.className = 'search-origin';
          el.setAttribute('role', 'img');
          el.setAttribute('aria-label', at.label);
          el.title = at.label;
          marker = new maplibregl.Marker({ element: el }).setLngLat([at.lon, at.lat]).addTo(map);
        },
        open,
        destroy: () => map.remove(),
      });
    });
  });
}
