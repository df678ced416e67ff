"""Private Leaflet pieces of the HTML map: the inlined Leaflet assets and the custom map elements.

Every custom piece is a branca ``MacroElement``; its JavaScript lives only in ``_template``. Data
reaches the page as JSON inside ``<script type="application/json">`` (parsed with ``JSON.parse``,
never evaluated), serialised by :func:`script_json` so no string can close the tag. Text from
reports is HTML-escaped in Python before it is embedded (see :mod:`geo.render_html`); the templates
insert it only as element content, after escaping ``<`` and ``>`` once more.

Only Leaflet core is used (no jQuery, Bootstrap, Font Awesome or plugins), so a page needs exactly
``leaflet.js`` and ``leaflet.css``, which :func:`leaflet_assets` reads from the ``xstatic-leaflet``
package for self-contained files.
"""

from __future__ import annotations

import base64
import json
import re
from functools import lru_cache
from pathlib import Path

from branca.element import Element, MacroElement
from folium.template import Template

#: Leaflet core as folium 0.20 links it (same version as the xstatic-leaflet files)
LEAFLET_JS_URL = "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js"
LEAFLET_CSS_URL = "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css"


def _leaflet_dir() -> Path:
    from xstatic.pkg import leaflet

    return Path(leaflet.BASE_DIR)


@lru_cache(maxsize=1)
def leaflet_assets() -> tuple[str, str]:
    """(JavaScript, CSS) of Leaflet from ``xstatic-leaflet``, ready to inline.

    The CSS's images become ``data:`` URIs and the source-map comment is dropped, so the inlined
    page refers to no other file.
    """
    d = _leaflet_dir()
    js = (d / "leaflet.js").read_text(encoding="utf-8")
    js = re.sub(r"\n//# sourceMappingURL=\S+\s*$", "\n", js)
    css = (d / "leaflet.css").read_text(encoding="utf-8")

    def data_uri(match: re.Match[str]) -> str:
        img = d / match.group(1)
        if not img.is_file():
            return match.group(0)
        return "url(data:image/png;base64," + base64.b64encode(img.read_bytes()).decode("ascii") + ")"

    css = re.sub(r"url\((images/[\w.-]+\.png)\)", data_uri, css)
    if "</script" in js.lower() or "</style" in css.lower():  # pragma: no cover - checked against 1.9.3
        raise RuntimeError("the Leaflet files cannot be inlined as they are")
    return js, css


def script_json(obj: object) -> str:
    """JSON text safe inside a ``<script>`` element (``<``, ``>``, ``&``, U+2028/9 escaped)."""
    return (
        json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


class _RawHtml(Element):
    """Ready HTML placed into the page as it is (never compiled as a template, so large data is cheap)."""

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def render(self, **kwargs) -> str:
        return self.text


class _DataElement(MacroElement):
    """A MacroElement that also places ``self.payload`` (JSON text) in the page body as
    ``<script type="application/json" id="<name>_data">``, which its script reads with ``JSON.parse``."""

    payload: str = "null"

    def render(self, **kwargs) -> None:
        super().render(**kwargs)
        tag = f'<script type="application/json" id="{self.get_name()}_data">{self.payload}</script>'
        self.get_root().html.add_child(_RawHtml(tag), name=f"{self.get_name()}_data")


class PageStyle(MacroElement):
    """CSS shared by the conflictmap pieces (popups, legend, title, time control)."""

    _template = Template(
        """
        {% macro header(this, kwargs) %}
        <style>
        {%- if this.background %}
        .leaflet-container { background: {{ this.background }}; }
        {%- endif %}
        .cm-box { background: rgba(255,255,255,0.93); padding: 6px 9px; border-radius: 5px;
                  box-shadow: 0 1px 5px rgba(0,0,0,0.4); font: 12px/1.35 system-ui, sans-serif; color: #222; }
        .cm-h { font-weight: 700; margin: 4px 0 2px; }
        .cm-h:first-child { margin-top: 0; }
        .cm-sw { display: inline-block; width: 12px; height: 12px; border: 1px solid #444;
                 margin: 0 5px -2px 0; box-sizing: border-box; }
        .cm-sw.cm-dis { border: 2px dashed #333; }
        .cm-tag { color: #666; font-size: 10px; text-transform: uppercase; margin-right: 3px; }
        .cm-note { color: #555; font-size: 11px; margin-top: 4px; max-width: 260px; }
        .cm-legend svg { vertical-align: middle; margin-right: 4px; }
        .cm-title { position: absolute; top: 10px; left: 50%; transform: translateX(-50%); z-index: 1000;
                    text-align: center; pointer-events: none; max-width: 44%; }
        .cm-title .cm-t { font-size: 16px; font-weight: 700; }
        .cm-title .cm-s { font-size: 12px; color: #444; }
        .cm-popup { font: 13px/1.35 system-ui, sans-serif; }
        .cm-popup h4 { margin: 0 0 2px; font-size: 14px; }
        .cm-popup .cm-names { color: #444; margin-bottom: 4px; }
        .cm-popup table { border-collapse: collapse; }
        .cm-popup th { text-align: left; padding: 1px 8px 1px 0; color: #555; font-weight: 600; vertical-align: top;
                       white-space: nowrap; }
        .cm-popup td { padding: 1px 0; }
        .cm-popup blockquote { margin: 6px 0 4px; padding: 4px 7px; border-left: 3px solid #999;
                               background: #f4f4f4; white-space: pre-wrap; }
        .cm-popup .cm-src { color: #555; font-size: 12px; }
        .cm-time input[type=range] { width: 220px; vertical-align: middle; }
        .cm-time label { display: grid; grid-template-columns: 3em 1fr; align-items: center; }
        .cm-time label.cm-check { display: block; }
        .cm-time .cm-range { font-variant-numeric: tabular-nums; }
        .leaflet-control-layers-overlays label { font: 12px/1.3 system-ui, sans-serif; }
        </style>
        {% endmacro %}
        """
    )

    def __init__(self, *, background: str | None = None):
        super().__init__()
        self._name = "CmStyle"
        self.background = background


class ZoneLayer(_DataElement):
    """The theatre's zone polygons (SVG paths with class ``cm-zone``), drawn under the incidents.

    ``geojson`` is a FeatureCollection (EPSG:4326) whose features carry ``k`` (zone kind) and ``c``
    (a validated ``#rrggbb`` colour); ``attribution`` is escaped HTML.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.geoJSON(
            JSON.parse(document.getElementById("{{ this.get_name() }}_data").textContent),
            {
                interactive: false,
                className: "cm-zone",
                attribution: {{ this.attribution|tojson }},
                style: function (f) {
                    var disputed = f.properties.k === "disputed";
                    return {
                        color: disputed ? "#333333" : "#555555",
                        weight: disputed ? 2 : 1,
                        dashArray: disputed ? "6 4" : null,
                        fillColor: f.properties.c,
                        fillOpacity: {{ this.fill_opacity|tojson }}
                    };
                }
            }
        ).addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, geojson: dict, *, attribution: str, fill_opacity: float = 0.45):
        super().__init__()
        self._name = "CmZones"
        self.payload = script_json(geojson)
        self.attribution = attribution
        self.fill_opacity = float(fill_opacity)


class IncidentLayer(_DataElement):
    """Incidents as one canvas-rendered ``L.geoJSON`` layer per event type, plus zone filters.

    ``payload`` (see :func:`geo.render_html.incident_payload`) is columnar: per incident an integer
    lon/lat (1e-4 degrees), event type, zone, day number and indices into one table of escaped
    strings, each column a base64-encoded little-endian typed array. The page builds GeoJSON
    features from it, draws points as ``circleMarker`` on one ``L.canvas()`` renderer and region
    rows (precision 3) as their polygons, builds popups on click from the columns, and adds a layer
    control: one overlay per event type (the GeoJSON layers) and one per zone (filters).
    ``window.conflictmap`` lists a small API per map (``count()``, ``setDateRange(lo, hi)``,
    ``openPopup(i)``); ``window.__conflictmapReady`` is set one animation frame after every layer
    is on the map (``performance`` marks ``cm:start``, ``cm:data``, ``cm:layers`` and ``cm:ready``
    time the steps).
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = (function () {
            var map = {{ this._parent.get_name() }};
            performance.mark("cm:start");
            var D = JSON.parse(document.getElementById("{{ this.get_name() }}_data").textContent);
            performance.mark("cm:data");
            var S = D.str, n = D.n, i, C = {};
            // Columns arrive as base64 little-endian typed arrays; 0 means "none" where a column is optional.
            var TYPES = {u8: Uint8Array, u16: Uint16Array, u32: Uint32Array, i32: Int32Array};
            Object.keys(D.cols).forEach(function (key) {
                var bin = atob(D.cols[key].b), bytes = new Uint8Array(bin.length);
                for (var b = 0; b < bin.length; b++) { bytes[b] = bin.charCodeAt(b); }
                C[key] = new TYPES[D.cols[key].t](bytes.buffer);
            });
            var PREC = {1: "named settlement", 2: "near a settlement or small area", 3: "larger region"};
            var DPREC = {1: "day", 2: "week", 3: "month"};
            function esc(s) { return String(s).replace(/</g, "&lt;").replace(/>/g, "&gt;"); }
            function str(key, j) { var a = C[key]; return a && a[j] ? esc(S[a[j] - 1]) : ""; }
            function num(key, j) { var a = C[key]; return a ? a[j] - 1 : -1; }
            function day(j) { return C.d && C.d[j] ? D.dmin + C.d[j] - 1 : null; }
            function iso(day) { return new Date(day * 864e5).toISOString().slice(0, 10); }
            var geom = D.geom || {};
            var hyp = {};
            (D.hyp || []).forEach(function (j) { hyp[j] = true; });

            map.createPane("cm-incidents").style.zIndex = 450;
            var renderer = L.canvas({pane: "cm-incidents", padding: 0.1, tolerance: 2});
            var zoneOn = D.zones.map(function () { return true; });
            var lo = -Infinity, hi = Infinity, undatedOn = true;
            var shown = new Uint8Array(n), lyr = new Array(n);
            var feats = D.types.map(function () { return []; });
            var zoneCount = D.zones.map(function () { return 0; });
            for (i = 0; i < n; i++) {
                feats[C.t[i]].push({
                    type: "Feature",
                    properties: {i: i},
                    geometry: geom[i] || {type: "Point", coordinates: [C.x[i] / 1e4, C.y[i] / 1e4]}
                });
                zoneCount[C.z[i]] += 1;
            }
            function style(f) {
                var j = f.properties.i, z = D.zones[C.z[j]], region = geom[j] !== undefined;
                return {
                    radius: C.r[j], fillColor: z.c, fillOpacity: region ? 0.08 : 0.9,
                    color: z.s ? {{ this.spill_edge|tojson }} : {{ this.inside_edge|tojson }}, opacity: 1,
                    weight: region ? 2 : (z.s ? 2.5 : 1), dashArray: region ? "7 5" : null
                };
            }
            // Pan popups clear of the title box at the top and the controls at the bottom.
            var popup = L.popup({maxWidth: 380, autoPanPaddingTopLeft: [30, 90], autoPanPaddingBottomRight: [30, 30]});
            var popupRow = -1;
            function row(label, value) {
                return value ? "<tr><th>" + label + "</th><td>" + value + "</td></tr>" : "";
            }
            function content(j) {
                var z = D.zones[C.z[j]];
                var h = '<div class="cm-popup"><h4>' + (str("pl", j) || "(place not named)") + "</h4>";
                var names = str("nm", j);
                if (names) { h += '<div class="cm-names">' + names + "</div>"; }
                h += "<table>";
                var d = day(j), date = d === null ? "undated" : iso(d);
                if (d !== null && DPREC[num("dp", j)]) { date += " (to the " + DPREC[num("dp", j)] + ")"; }
                h += row("Date", date);
                var sub = str("sub", j);
                h += row("Event", esc(D.types[C.t[j]]) + (sub ? " \u2014 " + sub : ""));
                var f = num("f", j), inj = num("j", j);
                h += row("Killed", f >= 0 ? String(f) : "not stated");
                h += row("Injured", inj >= 0 ? String(inj) : "not stated");
                h += row("Zone", esc(z.l));
                h += row("Spillover", z.k ? (z.s ? "yes" : "no") + " (" + esc(z.k) + ")" : "unknown (no zone)");
                h += row("De jure", str("c", j));
                h += row("Admin-1", str("a", j));
                h += row("Control", str("ctl", j));
                h += row("Zones touched", str("zt", j));
                var bk = num("bk", j);
                if (bk >= 0) {
                    h += row("Boundary", (bk / 10).toFixed(1) + " km away" +
                             (bk < 20 ? " (within the boundary data\u2019s positional error)" : ""));
                }
                var q = num("q", j);
                h += row("Precision", PREC[q] ? q + " \u2014 " + PREC[q] : "not stated");
                if (hyp[j]) { h += row("Note", "conditional or threatened, not reported as having happened"); }
                h += "</table>";
                var sent = str("s", j);
                if (sent) { h += "<blockquote>" + sent + "</blockquote>"; }
                var src = str("o", j);
                if (src) { h += '<div class="cm-src">Source: ' + src + "</div>"; }
                return h + "</div>";
            }
            function open(j, latlng) {
                popupRow = j;
                popup.setLatLng(latlng).setContent(content(j)).openOn(map);
            }
            var groups = D.types.map(function (name, t) {
                var g = L.geoJSON(null, {
                    renderer: renderer,
                    style: style,
                    pointToLayer: function (f, ll) { return L.circleMarker(ll, {renderer: renderer}); },
                    onEachFeature: function (f, l) { lyr[f.properties.i] = l; }
                });
                g.addData({type: "FeatureCollection", features: feats[t]});
                g.on("click", function (e) { open(e.layer.feature.properties.i, e.latlng); });
                return g.addTo(map);
            });
            feats = null;
            shown.fill(1);
            performance.mark("cm:layers");
            // Regions under the points, the largest at the very back, so every feature stays clickable.
            var regionOrder = D.gorder || [];
            function regionsToBack() {
                regionOrder.forEach(function (j) { if (shown[j] && lyr[j]._map) { lyr[j].bringToBack(); } });
            }
            regionsToBack();

            function visible(j) {
                if (!zoneOn[C.z[j]]) { return false; }
                var d = day(j);
                return d === null ? undatedOn : (d >= lo && d <= hi);
            }
            function refresh() {
                var regionAdded = false;
                for (var j = 0; j < n; j++) {
                    var v = visible(j) ? 1 : 0;
                    if (v === shown[j]) { continue; }
                    shown[j] = v;
                    if (v) {
                        groups[C.t[j]].addLayer(lyr[j]);
                        regionAdded = regionAdded || geom[j] !== undefined;
                    } else {
                        groups[C.t[j]].removeLayer(lyr[j]);
                    }
                }
                if (regionAdded) { regionsToBack(); }
                if (popupRow >= 0 && !shown[popupRow]) { map.closePopup(popup); }
                map.fire("cm:filter");
            }

            var overlays = {};
            {%- if this.zones %}
            overlays['<span class="cm-tag">map</span>Zone outlines'] = {{ this.zones.get_name() }};
            {%- endif %}
            groups.forEach(function (g, t) {
                overlays['<span class="cm-tag" data-k="t' + t + '">event</span>' + esc(D.types[t]) +
                         " (" + feats_count(t) + ")"] = g;
            });
            function feats_count(t) { return groups[t].getLayers().length.toLocaleString("en"); }
            var proxies = D.zones.map(function (z, zi) {
                if (!zoneCount[zi]) { return null; }
                var p = L.layerGroup().addTo(map);
                p.cmZone = zi;
                var sw = '<span class="cm-sw' + (z.k === "disputed" ? " cm-dis" : "") + '" data-k="z' + zi +
                         '" style="background:' + z.c + '"></span>';
                overlays[sw + esc(z.l) + " (" + zoneCount[zi].toLocaleString("en") + ")"] = p;
                return p;
            });
            map.on("overlayadd overlayremove", function (e) {
                if (e.layer.cmZone !== undefined) {
                    zoneOn[e.layer.cmZone] = e.type === "overlayadd";
                    refresh();
                } else {
                    map.fire("cm:filter");
                }
            });
            var control = L.control.layers(null, overlays, {collapsed: {{ this.collapsed|tojson }}}).addTo(map);

            var api = {
                map: map, groups: groups, proxies: proxies, control: control, total: n, undated: D.undated,
                dayRange: [D.dmin, D.dmax],
                count: function () {
                    var c = 0;
                    groups.forEach(function (g) { if (map.hasLayer(g)) { c += g.getLayers().length; } });
                    return c;
                },
                setDateRange: function (a, b) {
                    lo = (a === null || a === undefined) ? -Infinity : a;
                    hi = (b === null || b === undefined) ? Infinity : b;
                    refresh();
                },
                setUndated: function (on) { undatedOn = !!on; refresh(); },
                openPopup: function (j) { open(j, L.latLng(C.y[j] / 1e4, C.x[j] / 1e4)); },
                popupRow: function () { return popup.isOpen() ? popupRow : -1; },
                latlng: function (j) { return [C.y[j] / 1e4, C.x[j] / 1e4]; }
            };
            window.conflictmap = window.conflictmap || [];
            window.conflictmap.push(api);
            requestAnimationFrame(function () {
                requestAnimationFrame(function () {
                    performance.mark("cm:ready");
                    api.ready = true;
                    window.__conflictmapReadyAt = performance.now();
                    window.__conflictmapReady = true;
                });
            });
            return api;
        })();
        {% endmacro %}
        """
    )

    def __init__(
        self,
        payload: dict,
        *,
        zones: ZoneLayer | None = None,
        collapsed: bool = False,
        spill_edge: str = "#000000",
        inside_edge: str = "#555555",
    ):
        super().__init__()
        self._name = "CmIncidents"
        self.spill_edge, self.inside_edge = spill_edge, inside_edge
        self.payload = script_json(payload)
        self.zones = zones
        self.collapsed = bool(collapsed)


class TimeControl(MacroElement):
    """Two range sliders (from, to; one step a day) that filter an :class:`IncidentLayer` by date.

    Filtering composes with the layer control: a hidden event type or zone stays hidden, and an
    incident shows only when its event type, its zone and its date are all selected. Undated
    incidents have their own checkbox. ``day_min``/``day_max`` are days since 1970-01-01.
    """

    _template = Template(
        """
        {% macro html(this, kwargs) %}
        <div id="{{ this.get_name() }}" class="cm-box cm-time" style="display:none">
          <div class="cm-h">Dates</div>
          <label>from <input type="range" class="cm-from" aria-label="first date"
                 min="{{ this.day_min }}" max="{{ this.day_max }}" step="1" value="{{ this.day_min }}"></label>
          <label>to <input type="range" class="cm-to" aria-label="last date"
                 min="{{ this.day_min }}" max="{{ this.day_max }}" step="1" value="{{ this.day_max }}"></label>
          <div class="cm-range"></div>
          {%- if this.undated %}
          <label class="cm-check"><input type="checkbox" class="cm-undated" checked>
            undated ({{ this.undated }})</label>
          {%- endif %}
        </div>
        {% endmacro %}
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = (function () {
            var api = {{ this.layer.get_name() }}, map = api.map;
            var div = document.getElementById("{{ this.get_name() }}");
            var a = div.querySelector(".cm-from"), b = div.querySelector(".cm-to");
            var out = div.querySelector(".cm-range"), u = div.querySelector(".cm-undated");
            var ctl = L.control({position: "bottomleft"});
            ctl.onAdd = function () {
                div.style.display = "";
                L.DomEvent.disableClickPropagation(div);
                L.DomEvent.disableScrollPropagation(div);
                return div;
            };
            ctl.addTo(map);
            function iso(day) { return new Date(day * 864e5).toISOString().slice(0, 10); }
            function label() {
                out.textContent = iso(+a.value) + " \u2013 " + iso(+b.value) + " \u00b7 " +
                    api.count().toLocaleString("en") + " of " + api.total.toLocaleString("en") + " shown";
            }
            var pending = false;
            function apply() {
                pending = false;
                var full = +a.value <= +a.min && +b.value >= +b.max;
                api.setDateRange(+a.value, +b.value);
                div.classList.toggle("cm-filtered", !full);
            }
            function changed(e) {
                if (+a.value > +b.value) {
                    if (e.target === a) { b.value = a.value; } else { a.value = b.value; }
                }
                if (!pending) { pending = true; requestAnimationFrame(apply); }
            }
            a.addEventListener("input", changed);
            b.addEventListener("input", changed);
            if (u) { u.addEventListener("change", function () { api.setUndated(u.checked); }); }
            map.on("cm:filter", label);
            label();
            return {from: a, to: b, label: out};
        })();
        {% endmacro %}
        """
    )

    def __init__(self, layer: IncidentLayer, *, day_min: int, day_max: int, undated: int = 0):
        super().__init__()
        self._name = "CmTime"
        self.layer = layer
        self.day_min, self.day_max = int(day_min), int(day_max)
        self.undated = int(undated)


class FitView(MacroElement):
    """Show ``bounds`` ([[south, west], [north, east]] degrees) at once, without a zoom animation.

    Added before the layers, so they are projected and drawn once, at the final view.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {{ this._parent.get_name() }}.fitBounds({{ this.bounds|tojson }}, {animate: false});
        {% endmacro %}
        """
    )

    def __init__(self, bounds: list[list[float]]):
        super().__init__()
        self._name = "CmFitView"
        self.bounds = [[float(v) for v in corner] for corner in bounds]


class HtmlControl(MacroElement):
    """A fixed piece of HTML (already escaped) shown as a Leaflet control at ``position``."""

    _template = Template(
        """
        {% macro html(this, kwargs) %}
        <div id="{{ this.get_name() }}" class="cm-box {{ this.css_class }}" style="display:none">{{ this.body }}</div>
        {% endmacro %}
        {% macro script(this, kwargs) %}
        (function () {
            var div = document.getElementById("{{ this.get_name() }}");
            var ctl = L.control({position: {{ this.position|tojson }}});
            ctl.onAdd = function () {
                div.style.display = "";
                L.DomEvent.disableClickPropagation(div);
                L.DomEvent.disableScrollPropagation(div);
                return div;
            };
            ctl.addTo({{ this._parent.get_name() }});
        })();
        {% endmacro %}
        """
    )

    def __init__(self, body: str, *, position: str = "bottomright", css_class: str = ""):
        super().__init__()
        self._name = "CmControl"
        if position not in ("topleft", "topright", "bottomleft", "bottomright"):
            raise ValueError(f"unknown control position {position!r}")
        if not re.fullmatch(r"[\w -]*", css_class):
            raise ValueError(f"bad CSS class {css_class!r}")
        self.body = body
        self.position = position
        self.css_class = css_class


class MapTitle(MacroElement):
    """A title box centred at the top of the map; ``title`` and ``subtitle`` are escaped HTML."""

    _template = Template(
        """
        {% macro html(this, kwargs) %}
        <div class="cm-box cm-title"><div class="cm-t">{{ this.title }}</div>
        {%- if this.subtitle %}<div class="cm-s">{{ this.subtitle }}</div>{% endif %}</div>
        {% endmacro %}
        """
    )

    def __init__(self, title: str, *, subtitle: str = ""):
        super().__init__()
        self._name = "CmTitle"
        self.title = title
        self.subtitle = subtitle
