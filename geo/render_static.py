"""Static maps of classified incidents with matplotlib (Agg; no browser, no network).

:func:`static_map` draws the same content as the HTML map (:mod:`geo.render_html`) from the same
data: zone polygons in the theatre's colours (disputed zones also hatched, so the map reads in
grey scale and for colour-blind readers), incidents filled with their zone's colour, ringed black
for spillover and sized by killed + injured, region-level incidents (precision 3) as their
polygons, non-overlapping labels for the main towns and the incident places, a legend, a scale bar
(km), a north arrow, the title, the date range and the data attribution. :func:`save_static`
writes PNG or SVG.

Axes are longitude/latitude degrees (EPSG:4326, x = lon, y = lat) with the aspect ratio set for
the map's central latitude, so distances read true in both directions near the centre.
"""

from __future__ import annotations

import math
import os
from pathlib import Path

import numpy as np
import pandas as pd
import shapely
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrow, Patch, PathPatch, Rectangle
from matplotlib.path import Path as MplPath

from geo._mapdata import (
    DISPUTED_EDGE,
    SPILLOVER_EDGE,
    MapData,
    km_per_degree_lon,
    map_zones,
    marker_radius_px,
    prepare,
    view_bounds,
)
from geo.errors import InputError
from geo.theatre import Theatre, data_dir

SEA_COLOUR = "#DCE8EF"
#: at most this many place labels
MAX_LABELS = 30
#: towns at least this populous are labelled before the incident places
BIG_TOWN_POPULATION = 300_000
#: smaller towns need at least this many inhabitants to be labelled at all
MIN_TOWN_POPULATION = 40_000
#: a town this close (km) to a more populous one is not labelled
TOWN_MERGE_KM = 12.0
STATIC_SUFFIXES = (".png", ".svg")

__all__ = ["save_static", "static_map"]


def static_map(
    incidents: pd.DataFrame,
    *,
    theatre: Theatre | str | None = None,
    ax: Axes | None = None,
    title: str | None = None,
) -> tuple[Figure, Axes]:
    """Draw classified incidents on the theatre's zones.

    Parameters
    ----------
    incidents
        Incidents as for :func:`geo.render_html.incident_map` (output of :func:`geo.classify`, or
        any frame with a geometry or WGS84 ``lat``/``lon`` columns; unclassified frames are
        classified first).
    theatre
        Theatre name, path or object (default: the embedded one).
    ax
        Axes to draw into; by default a new 11 x 8.5 inch figure (not registered with pyplot).
    title
        Title (default: the theatre's title).

    Returns
    -------
    (matplotlib.figure.Figure, matplotlib.axes.Axes)
        The figure and the map axes, in longitude/latitude degrees (EPSG:4326).
    """
    data = prepare(incidents, theatre=theatre)
    th = data.theatre
    if ax is None:
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        fig = Figure(figsize=(11, 8.5), dpi=100, layout="constrained")
        FigureCanvasAgg(fig)
        ax = fig.add_subplot()
        own_figure = True
    else:
        fig = ax.get_figure()
        assert fig is not None
        own_figure = False

    w, s, e, n = view_bounds(data)
    pad = 0.12 * max(e - w, n - s)
    w, s, e, n = w - pad * 0.5, s - pad * 0.5, e + pad * 0.5, n + pad * 0.5
    lat0 = (s + n) / 2
    ax.set_xlim(w, e)
    ax.set_ylim(s, n)
    ax.set_aspect(1 / math.cos(math.radians(lat0)))
    ax.set_facecolor(SEA_COLOUR)
    ax.tick_params(labelsize=7, colors="#555555", length=2)
    ax.xaxis.set_major_formatter(lambda v, _pos: f"{v:g}°E")
    ax.yaxis.set_major_formatter(lambda v, _pos: f"{v:g}°N")

    zones = map_zones(th)
    _draw_zones(ax, zones)
    _draw_incidents(ax, data)
    furniture = [*_legend(ax, data, zones), *_scale_bar(ax, (w, s, e, n), lat0), *_north_arrow(ax)]

    heading = title if title is not None else th.meta.get("title", th.name)
    # Report and user text is drawn literally: no mathtext ("$...$" would otherwise be parsed).
    ax.set_title(heading, fontsize=14, fontweight="bold", loc="center", pad=18, parse_math=False)
    ax.text(
        0.5,
        1.01,
        data.subtitle(),
        transform=ax.transAxes,
        ha="center",
        va="bottom",
        fontsize=9,
        color="#333333",
        parse_math=False,
    )
    # Placeholder of the longest wording, so the layout leaves room for the final line.
    attribution = ax.annotate(
        _attribution(True),
        xy=(0, 0),
        xycoords="axes fraction",
        xytext=(0, -22),
        textcoords="offset points",
        fontsize=7,
        color="#444444",
        ha="left",
        va="top",
        annotation_clip=False,
    )
    if own_figure:  # settle the layout, then freeze it, so label boxes measured now stay true
        fig.draw_without_rendering()
        fig.set_layout_engine("none")
    renderer = _renderer(ax)
    obstacles = [a.get_window_extent(renderer) for a in furniture] if renderer is not None else []
    used_gazetteer = _draw_labels(ax, data, (w, s, e, n), obstacles)
    attribution.set_text(_attribution(data.geocoded or used_gazetteer))
    return fig, ax


def _attribution(geonames: bool) -> str:
    text = "Boundaries: Natural Earth (public domain)"
    if geonames:
        text += "; place names and positions: GeoNames (CC BY 4.0)"
    return text + ". Zones are geographic and de jure, not de facto control. Made with conflictmap."


def _geom_path(g: shapely.Geometry) -> MplPath | None:
    """A matplotlib path for a (Multi)Polygon, holes included (x = lon, y = lat)."""
    verts: list[np.ndarray] = []
    codes: list[np.ndarray] = []
    for poly in shapely.get_parts(g):
        if poly.geom_type != "Polygon" or poly.is_empty:
            continue
        for ring in (poly.exterior, *poly.interiors):
            xy = np.asarray(ring.coords)
            if len(xy) < 3:
                continue
            c = np.full(len(xy), MplPath.LINETO, dtype=MplPath.code_type)
            c[0], c[-1] = MplPath.MOVETO, MplPath.CLOSEPOLY
            verts.append(xy)
            codes.append(c)
    if not verts:
        return None
    return MplPath(np.concatenate(verts), np.concatenate(codes))


def _draw_zones(ax: Axes, zones) -> None:
    for z, kind, colour, g in zip(zones["zone"], zones["zone_kind"], zones["colour"], zones.geometry.values):
        path = _geom_path(g)
        if path is None:
            continue
        disputed = kind == "disputed"
        ax.add_patch(
            PathPatch(
                path,
                facecolor=colour,
                alpha=0.45 if not disputed else 0.55,
                edgecolor="none",
                zorder=1,
                label=None,
                gid=f"zone-{z}",
            )
        )
        ax.add_patch(
            PathPatch(
                path,
                facecolor="none",
                edgecolor="#333333" if disputed else "#555555",
                linewidth=1.3 if disputed else 0.6,
                linestyle=(0, (4, 2)) if disputed else "-",
                hatch="///" if disputed else None,
                zorder=2,
            )
        )


def _draw_incidents(ax: Axes, data: MapData) -> None:
    if len(data) == 0:
        return
    colour = data.colour
    radius = marker_radius_px(data.casualties)
    region = np.array([g is not None for g in data.region], dtype=bool)
    for i in np.flatnonzero(region):
        path = _geom_path(data.region[i])
        if path is not None:
            edge = SPILLOVER_EDGE if data.spillover[i] else DISPUTED_EDGE
            ax.add_patch(
                PathPatch(
                    path,
                    facecolor=colour[i],
                    alpha=0.35,
                    edgecolor=edge,
                    linewidth=1.5,
                    linestyle=(0, (5, 3)),
                    zorder=3,
                )
            )
    pts = np.flatnonzero(~region)
    order = pts[np.argsort(-radius[pts], kind="stable")]  # big circles under small ones
    size_pt2 = (2 * radius[order] * 0.75) ** 2  # px at 96 dpi -> points; scatter sizes are areas
    spill = data.spillover[order]
    ax.scatter(
        data.x[order],
        data.y[order],
        s=size_pt2,
        c=list(colour[order]),
        edgecolors=np.where(spill, SPILLOVER_EDGE, DISPUTED_EDGE).tolist(),
        linewidths=np.where(spill, 1.6, 0.6),
        zorder=4,
        alpha=0.95,
    )


def _label_text(name: str, hy: str, az: str, *, both_names: bool) -> str:
    """A short label; in disputed zones with both sides' names where they differ (never one side's only)."""
    short = name.split(",")[0].strip()
    if not both_names or "(" in short:
        return short
    others = [v for v in dict.fromkeys([az, hy]) if v and v != short]
    return f"{short} / {' / '.join(others)}" if others else short


def _short_key(label: str) -> str:
    return label.split("/")[0].split("(")[0].strip().casefold()


def _town_candidates(bounds: tuple[float, float, float, float], disputed: set[str]) -> pd.DataFrame:
    path = data_dir() / "gazetteer" / "places.csv"
    empty = pd.DataFrame(columns=["label", "x", "y", "rank"])
    if not path.is_file():
        return empty
    try:
        wanted = {"name", "name_hy", "name_az", "kind", "lat", "lon", "population", "zone_hint"}
        p = pd.read_csv(path, usecols=lambda c: c in wanted)
    except (ValueError, OSError, pd.errors.ParserError):
        return empty
    if not {"name", "kind", "lat", "lon", "population"} <= set(p.columns):
        return empty
    w, s, e, n = bounds
    p = p[(p["kind"] == "settlement") & p["lon"].between(w, e) & p["lat"].between(s, n)]
    p = p[pd.to_numeric(p["population"], errors="coerce").fillna(0) >= MIN_TOWN_POPULATION]
    p = p.sort_values("population", ascending=False).drop_duplicates("name")
    # A town within TOWN_MERGE_KM of a larger one is a suburb or city district (Shengavit in Yerevan): skip it.
    x, y = p["lon"].to_numpy(dtype=float), p["lat"].to_numpy(dtype=float)
    keep = np.ones(len(p), dtype=bool)
    kx = km_per_degree_lon(float(np.mean(y))) if len(y) else 111.0
    for i in range(len(p)):
        if keep[i]:
            near = np.hypot((x[i + 1 :] - x[i]) * kx, (y[i + 1 :] - y[i]) * 111.2) < TOWN_MERGE_KM
            keep[i + 1 :][near] = False
    p = p[keep]
    hy = p["name_hy"].fillna("") if "name_hy" in p.columns else pd.Series("", index=p.index)
    az = p["name_az"].fillna("") if "name_az" in p.columns else pd.Series("", index=p.index)
    zh = p["zone_hint"].fillna("").astype(str) if "zone_hint" in p.columns else pd.Series("", index=p.index)
    labels = [
        _label_text(a, b, c, both_names=z in disputed)
        for a, b, c, z in zip(p["name"].astype(str), hy.astype(str), az.astype(str), zh)
    ]
    big = p["population"].to_numpy() >= BIG_TOWN_POPULATION
    rank = np.where(big, 0, 2)
    return pd.DataFrame({"label": labels, "x": p["lon"].to_numpy(), "y": p["lat"].to_numpy(), "rank": rank})


def _draw_labels(ax: Axes, data: MapData, bounds: tuple[float, float, float, float], obstacles: list) -> bool:
    """Greedy labels without overlaps: big towns, then incident places (most incidents first), then towns.

    A label goes to the first of four positions around its point whose box (display units) overlaps
    no label placed before it and none of ``obstacles`` (legend, scale bar, north arrow), else it is
    left out. Returns whether any gazetteer (GeoNames-derived) town was labelled.
    """
    zt = data.zone_table
    disputed = set(zt.loc[zt["zone_kind"] == "disputed", "zone"])
    towns = _town_candidates(bounds, disputed)
    towns["town"] = True
    inc = pd.DataFrame(
        {
            "place": data.text("place"),
            "hy": data.text("name_hy"),
            "az": data.text("name_az"),
            "x": data.x,
            "y": data.y,
            "zone": data.zone,
        }
    )
    inc = inc[inc["place"] != ""]
    if len(inc):
        grouped = inc.groupby("place", sort=False).agg(
            x=("x", "first"),
            y=("y", "first"),
            hy=("hy", "first"),
            az=("az", "first"),
            zone=("zone", "first"),
            count=("x", "size"),
        )
        grouped = grouped.sort_values("count", ascending=False).reset_index()
        places = pd.DataFrame(
            {
                "label": [
                    _label_text(p, h, a, both_names=z in disputed)
                    for p, h, a, z in zip(grouped["place"], grouped["hy"], grouped["az"], grouped["zone"])
                ],
                "x": grouped["x"],
                "y": grouped["y"],
                "rank": 1,
                "town": False,
            }
        )
    else:
        places = pd.DataFrame(columns=["label", "x", "y", "rank", "town"])
    cand = pd.concat([towns, places], ignore_index=True).sort_values("rank", kind="stable")
    cand = cand.assign(key=[_short_key(v) for v in cand["label"]]).drop_duplicates("key")
    renderer = _renderer(ax)
    if renderer is None:  # pragma: no cover - non-Agg canvases without a renderer
        return False
    placed: list = []
    blocked = list(obstacles)
    frame = ax.get_window_extent(renderer)
    used_gazetteer = False
    offsets = ((5, 3, "left", "bottom"), (-5, 3, "right", "bottom"), (5, -3, "left", "top"), (-5, -3, "right", "top"))
    pad = [b.expanded(1.0, 1.0).padded(4) for b in blocked]
    for row in cand.itertuples(index=False):
        if len(placed) >= MAX_LABELS:
            break
        px, py = ax.transData.transform((row.x, row.y))
        if not frame.contains(px, py) or any(b.contains(px, py) for b in pad):
            continue  # its point is hidden under the legend, scale bar or north arrow
        for dx, dy, ha, va in offsets:
            t = ax.annotate(
                row.label,
                (row.x, row.y),
                xytext=(dx, dy),
                textcoords="offset points",
                ha=ha,
                va=va,
                fontsize=8 if row.rank == 0 else 7,
                fontweight="bold" if row.rank == 0 else "normal",
                color="#111111",
                zorder=6,
                annotation_clip=True,
                parse_math=False,
                gid="cm-label",
                bbox=_LABEL_BOX,
            )
            bb = t.get_window_extent(renderer).expanded(1.05, 1.15)
            inside = frame.contains(bb.x0, bb.y0) and frame.contains(bb.x1, bb.y1)
            if inside and not any(bb.overlaps(o) for o in placed) and not any(bb.overlaps(o) for o in blocked):
                placed.append(bb)
                if row.town:
                    used_gazetteer = True
                    ax.plot([row.x], [row.y], marker="s", markersize=2.5, color="#222222", zorder=5, linestyle="none")
                break
            t.remove()
    return used_gazetteer


# A pale box behind labels keeps them readable and, unlike a stroked halo, leaves them as text in SVG.
_LABEL_BOX = {"boxstyle": "round,pad=0.12", "facecolor": "white", "edgecolor": "none", "alpha": 0.7}


def _legend(ax: Axes, data: MapData, zones) -> list:
    """Zone and incident legend (lower right) and a size key (upper right); returns both artists."""
    handles: list = []
    headings = {"disputed": "disputed", "sovereign": "sovereign territory", "foreign": "foreign"}
    foreign_label = data.theatre.meta.get("zones", {}).get("foreign", {}).get("label", "Other countries")
    for kind, word in headings.items():
        rows = zones.loc[zones["zone_kind"] == kind]
        if rows.empty:
            continue
        if kind == "foreign":
            rows = rows.head(1).assign(label=foreign_label)
        for _, r in rows.iterrows():
            label = r["label"] if word in str(r["label"]).lower() else f"{r['label']} ({word})"
            handles.append(
                Patch(
                    facecolor=r["colour"],
                    edgecolor="#333333",
                    alpha=0.6,
                    hatch="///" if kind == "disputed" else None,
                    linestyle="--" if kind == "disputed" else "-",
                    label=label,
                )
            )
    grey = "#9E9E9E"
    handles.append(
        Line2D(
            [],
            [],
            marker="o",
            linestyle="none",
            markersize=8,
            markerfacecolor=grey,
            markeredgecolor=SPILLOVER_EDGE,
            markeredgewidth=1.6,
            label="incident, spillover (sovereign or foreign territory)",
        )
    )
    handles.append(
        Line2D(
            [],
            [],
            marker="o",
            linestyle="none",
            markersize=8,
            markerfacecolor=grey,
            markeredgecolor=DISPUTED_EDGE,
            markeredgewidth=0.6,
            label="incident inside a disputed zone",
        )
    )
    if any(g is not None for g in data.region):
        handles.append(
            Patch(
                facecolor=grey,
                alpha=0.35,
                edgecolor="#000000",
                linestyle="--",
                label="region-level report (precision 3)",
            )
        )
    main = ax.legend(
        handles=handles,
        loc="lower right",
        fontsize=7,
        title="Incidents are filled with their zone's colour",
        title_fontsize=7,
        framealpha=0.92,
        borderpad=0.7,
        labelspacing=0.6,
        handlelength=1.6,
    )
    main.set_zorder(8)
    for t in main.get_texts():
        t.set_parse_math(False)
    ax.add_artist(main)
    sizes = [
        Line2D(
            [],
            [],
            marker="o",
            linestyle="none",
            markersize=2 * r * 0.75,
            markerfacecolor=grey,
            markeredgecolor="#333333",
            markeredgewidth=0.6,
            label=f"{cas:g}",
        )
        for cas, r in zip((0, 1, 10, 100), marker_radius_px(np.array([0, 1, 10, 100])))
    ]
    key = ax.legend(
        handles=sizes,
        loc="upper right",
        fontsize=7,
        title="killed + injured",
        title_fontsize=7,
        ncols=4,
        framealpha=0.92,
        borderpad=0.9,
        columnspacing=1.8,
        handletextpad=1.5,
        handlelength=2.2,
    )
    key.set_zorder(8)
    ax.add_artist(key)
    return [main, key]


def _renderer(ax: Axes):
    canvas = ax.get_figure().canvas
    return canvas.get_renderer() if hasattr(canvas, "get_renderer") else None


def _nice_km(span_km: float) -> float:
    """The largest 1-2-5 length not above a sixth of ``span_km``."""
    target = span_km / 6
    best = 1.0
    for v in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000):
        if v <= target:
            best = float(v)
    return best


def _scale_bar(ax: Axes, bounds: tuple[float, float, float, float], lat0: float) -> list:
    """A two-segment scale bar in km at the lower left (lengths true at latitude ``lat0``)."""
    w, s, e, n = bounds
    kpd = km_per_degree_lon(lat0)
    length_km = _nice_km((e - w) * kpd)
    length_deg = length_km / kpd
    x0 = w + 0.04 * (e - w)
    y0 = s + 0.05 * (n - s)
    h = 0.012 * (n - s)
    half = length_deg / 2
    artists = [
        ax.add_patch(Rectangle((x0, y0), half, h, facecolor="#000000", edgecolor="#000000", lw=0.6, zorder=7)),
        ax.add_patch(Rectangle((x0 + half, y0), half, h, facecolor="#FFFFFF", edgecolor="#000000", lw=0.6, zorder=7)),
    ]
    for frac, text in ((0, "0"), (0.5, f"{length_km / 2:g}"), (1, f"{length_km:g} km")):
        t = ax.text(
            x0 + frac * length_deg, y0 + h * 1.6, text, ha="center", va="bottom", fontsize=7, zorder=7, bbox=_LABEL_BOX
        )
        artists.append(t)
    return artists


def _north_arrow(ax: Axes) -> list:
    arrow = ax.add_patch(
        FancyArrow(
            0.05,
            0.86,
            0,
            0.07,
            width=0.008,
            head_width=0.03,
            head_length=0.035,
            length_includes_head=True,
            transform=ax.transAxes,
            color="#222222",
            zorder=7,
        )
    )
    t = ax.text(
        0.05, 0.945, "N", transform=ax.transAxes, ha="center", va="bottom", fontsize=11, fontweight="bold", zorder=7
    )
    return [arrow, t]


def save_static(fig: Figure, path: str | os.PathLike, *, dpi: int = 200) -> Path:
    """Write ``fig`` as PNG or SVG (from the suffix); parent folders are created.

    Parameters
    ----------
    fig
        A figure, normally from :func:`static_map`.
    path
        ``.png`` (raster, ``dpi`` dots per inch) or ``.svg`` (vector; text kept as text).
    dpi
        Resolution of PNG output.

    Returns
    -------
    pathlib.Path
        The file written.
    """
    import matplotlib

    out = Path(path)
    suffix = out.suffix.lower()
    if suffix not in STATIC_SUFFIXES:
        raise InputError(f"unknown image format {suffix or '(no suffix)'}; use .png or .svg", path=str(out))
    out.parent.mkdir(parents=True, exist_ok=True)
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "conflictmap"}):
        fig.savefig(out, dpi=dpi, format=suffix[1:], facecolor="white")
    return out
