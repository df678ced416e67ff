"""Theatres: the zone polygons a conflict is classified against.

A theatre is data: a table of non-overlapping zone polygons with the columns

========== =====================================================================
zone       zone id, e.g. ``nagorno-karabakh``, ``armenia``, ``foreign:IR``
zone_kind  ``disputed``, ``sovereign`` or ``foreign``
country    de jure country, ISO 3166-1 alpha-2
name       display name (optional in user files)
geometry   (Multi)Polygon, EPSG:4326 (lon, lat degrees)
========== =====================================================================

plus, optionally, admin-1 polygons (``country``, ``admin1``, ``admin1_local``, ``admin1_hy``)
and metadata (title, colours, policy, dated de facto control). The embedded default is
``karabakh`` (``data/theatres/karabakh``). A user theatre is a GeoPackage or GeoJSON file
of zones in any CRS, or a directory laid out like the embedded one.

Overlap rule for user files: where zones overlap, the more specific zone wins: ``disputed``
over ``sovereign`` over ``foreign``, and among zones of the same kind the smaller one.
Invalid geometries are repaired with ``shapely.make_valid`` (polygonal parts kept).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geo.errors import TheatreError

ZONE_KINDS = ("disputed", "sovereign", "foreign")
SPILLOVER_KINDS = ("sovereign", "foreign")
DEFAULT_THEATRE = "karabakh"
EARTH_RADIUS_KM = 6371.0088
#: vertex spacing used for boundary distances inside the theatre window (degrees, ~50 m)
BOUNDARY_STEP_DEG = 0.0005
#: vertex spacing for boundaries outside the window (degrees, ~10 km)
BOUNDARY_STEP_FAR_DEG = 0.1


def data_dir() -> Path:
    """The project's ``data/`` folder (``CONFLICTMAP_DATA`` overrides it)."""
    env = os.environ.get("CONFLICTMAP_DATA")
    return Path(env) if env else Path(__file__).resolve().parent.parent / "data"


def cache_dir() -> Path:
    """Where derived caches live: ``$XDG_CACHE_HOME/conflictmap`` (default ``~/.cache/conflictmap``)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "conflictmap"


def theatres_dir() -> Path:
    return data_dir() / "theatres"


def available_theatres() -> list[str]:
    """Names of the theatres embedded in the project."""
    root = theatres_dir()
    return sorted(p.name for p in root.iterdir() if (p / "zones.geojson").exists()) if root.exists() else []


@dataclass(eq=False)
class Theatre:
    """Zones (and optionally admin-1 units) of one theatre, EPSG:4326.

    Build with :func:`load_theatre`. Derived structures (prepared polygons, the boundary
    index) are built on first use and cached on the object.
    """

    name: str
    zones: gpd.GeoDataFrame
    admin1: gpd.GeoDataFrame | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    # -- derived, lazily -------------------------------------------------------------
    @cached_property
    def zone_geoms(self) -> np.ndarray:
        g = self.zones.geometry.values.copy()
        shapely.prepare(g)
        return g

    @cached_property
    def zone_bounds(self) -> np.ndarray:
        return shapely.bounds(self.zone_geoms)

    @cached_property
    def admin1_geoms(self) -> np.ndarray:
        if self.admin1 is None or self.admin1.empty:
            return np.empty(0, dtype=object)
        g = self.admin1.geometry.values.copy()
        shapely.prepare(g)
        return g

    @cached_property
    def admin1_bounds(self) -> np.ndarray:
        return shapely.bounds(self.admin1_geoms) if len(self.admin1_geoms) else np.empty((0, 4))

    @cached_property
    def zone_lookup(self) -> dict[str, tuple[str, str]]:
        """zone id -> (zone_kind, country)."""
        return dict(zip(self.zones["zone"], zip(self.zones["zone_kind"], self.zones["country"])))

    @cached_property
    def window(self) -> tuple[float, float, float, float]:
        """(lon_min, lat_min, lon_max, lat_max) of the non-foreign zones, padded by 1 degree."""
        core = self.zones.loc[self.zones["zone_kind"] != "foreign"]
        b = core.total_bounds if len(core) else self.zones.total_bounds
        return (b[0] - 1, b[1] - 1, b[2] + 1, b[3] + 1)

    @cached_property
    def boundary_index(self) -> Any:
        """KD-tree of boundary vertices on the unit sphere (see :func:`boundary_distance_km`)."""
        from scipy.spatial import cKDTree

        return cKDTree(self.boundary_vertices, balanced_tree=False, compact_nodes=False)

    @cached_property
    def boundary_vertices(self) -> np.ndarray:
        """Unit vectors of the densified boundaries; kept in the user's cache directory, keyed by
        a hash of the zone geometries, so later processes start faster."""
        import hashlib

        wkb = shapely.to_wkb(self.zones.geometry.values)
        h = hashlib.sha1(b"".join(wkb) + f"{BOUNDARY_STEP_DEG},{BOUNDARY_STEP_FAR_DEG}".encode()).hexdigest()[:16]
        path = cache_dir() / f"boundary-{h}.npy"
        try:
            return np.load(path)
        except (OSError, ValueError):
            pass
        lines = shapely.get_parts(shapely.boundary(self.zones.geometry.values))
        near = shapely.segmentize(shapely.clip_by_rect(lines, *self.window), BOUNDARY_STEP_DEG)
        far = shapely.segmentize(lines, BOUNDARY_STEP_FAR_DEG)
        xy = shapely.get_coordinates(np.concatenate([near, far]))
        vec = _unit_vectors(xy[:, 0], xy[:, 1])
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp.npy")
            np.save(tmp, vec)
            os.replace(tmp, path)
        except OSError:
            pass  # a read-only home only costs start-up time
        return vec

    @cached_property
    def distance_field(self) -> tuple[float, float, np.ndarray]:
        """(lon0, lat0, km grid) of exact boundary distances every DISTANCE_GRID_DEG over the window."""
        x0, y0, x1, y1 = self.window
        xs = np.arange(x0, x1 + DISTANCE_GRID_DEG, DISTANCE_GRID_DEG)
        ys = np.arange(y0, y1 + DISTANCE_GRID_DEG, DISTANCE_GRID_DEG)
        gx, gy = np.meshgrid(xs, ys)
        km = _exact_km(self, gx.ravel(), gy.ravel()).reshape(gx.shape)
        return float(x0), float(y0), km

    def region_geometry(self, ref: str) -> shapely.Geometry | None:
        """The polygon a region reference names: ``zone:<id>``, ``country:<ISO2>`` (every zone
        of that de jure country) or ``admin1:<ISO2>:<name>[;<name>...]``; None if unknown."""
        cache = self.__dict__.setdefault("_regions", {})
        if ref not in cache:
            kind, _, rest = ref.partition(":")
            if kind == "zone":
                g = self.zones.loc[self.zones["zone"] == rest].geometry
            elif kind == "country":
                g = self.zones.loc[self.zones["country"] == rest].geometry
            elif kind == "admin1" and self.admin1 is not None:
                cc, _, names = rest.partition(":")
                a = self.admin1
                g = a.loc[(a["country"] == cc) & a["admin1"].isin(names.split(";"))].geometry
            else:
                g = gpd.GeoSeries([], crs="EPSG:4326")
            cache[ref] = shapely.union_all(g.values) if len(g) else None
        return cache[ref]

    def warm(self) -> Theatre:
        """Build every cached structure now (prepared polygons, boundary index, distance field)."""
        _ = self.zone_geoms, self.zone_bounds, self.admin1_geoms, self.admin1_bounds, self.distance_field
        return self

    def zone_info(self) -> pd.DataFrame:
        """One row per zone id: zone, zone_kind, country, label, colour."""
        info = self.zones[["zone", "zone_kind", "country", "name"]].copy()
        zmeta = self.meta.get("zones", {})
        info["label"] = [zmeta.get(z, {}).get("label", n) for z, n in zip(info["zone"], info["name"])]
        info["colour"] = [zone_colour(self, z, k) for z, k in zip(info["zone"], info["zone_kind"])]
        return info.drop(columns="name")


_DEFAULT_COLOURS = {"disputed": "#E69F00", "sovereign": "#56B4E9", "foreign": "#BBBBBB"}


def zone_colour(theatre: Theatre, zone: str, zone_kind: str) -> str:
    """Colour of a zone: the theatre's own, else one per zone kind (Okabe-Ito palette)."""
    zmeta = theatre.meta.get("zones", {})
    if zone in zmeta and "colour" in zmeta[zone]:
        return zmeta[zone]["colour"]
    if zone_kind == "foreign" and "foreign" in zmeta:
        return zmeta["foreign"].get("colour", _DEFAULT_COLOURS["foreign"])
    return _DEFAULT_COLOURS.get(zone_kind, "#BBBBBB")


def _unit_vectors(lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    lo, la = np.radians(lon), np.radians(lat)
    c = np.cos(la)
    return np.column_stack([c * np.cos(lo), c * np.sin(lo), np.sin(la)])


#: below this many points boundary distances are exact for every point
EXACT_BOUNDARY_MAX_POINTS = 50_000
#: grid step (degrees) of the precomputed distance field used for large batches
DISTANCE_GRID_DEG = 0.02
#: grid-interpolated distances under this many km are replaced by exact ones
EXACT_BELOW_KM = 3.0


def _chord_to_km(chord: np.ndarray) -> np.ndarray:
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.clip(chord / 2, 0, 1))


#: up to this many points are measured against every boundary vertex, without building the KD-tree
BRUTE_FORCE_MAX_POINTS = 16


def _exact_km(theatre: Theatre, lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    vec = _unit_vectors(lon, lat)
    if len(vec) <= BRUTE_FORCE_MAX_POINTS and "boundary_index" not in theatre.__dict__:
        # a handful of points (a first report, a small table): cheaper than importing scipy and
        # building the tree. The nearest vertex has the largest dot product; its chord is then
        # measured directly, as the tree measures it.
        verts = theatre.boundary_vertices
        nearest = [int(np.argmax(verts @ v)) for v in vec]
        chord = np.sqrt(((verts[nearest] - vec) ** 2).sum(axis=1))
    else:
        chord, _ = theatre.boundary_index.query(vec, workers=-1)
    return _chord_to_km(chord)


def boundary_distance_km(theatre: Theatre, lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """Great-circle distance (km) from each (lon, lat) to the nearest zone boundary.

    Boundaries are densified to vertices every ~50 m inside the theatre window (every ~10 km
    outside it) and searched with a KD-tree on the unit sphere: a distance overstates the
    exact one by at most ~30 m inside the window. For batches of more than
    ``EXACT_BOUNDARY_MAX_POINTS`` points, distances come from a precomputed 0.02-degree
    distance field (bilinear, within ~1.5 km) and every point under ``EXACT_BELOW_KM`` km
    (plus one grid cell), or outside the window, is then computed exactly; so the small
    distances, the ones that matter for positional error, are always exact.
    """
    lon = np.asarray(lon, dtype=float)
    lat = np.asarray(lat, dtype=float)
    if len(lon) <= EXACT_BOUNDARY_MAX_POINTS:
        return _exact_km(theatre, lon, lat)
    x0, y0, f = theatre.distance_field
    fx = (lon - x0) / DISTANCE_GRID_DEG
    fy = (lat - y0) / DISTANCE_GRID_DEG
    ny, nx = f.shape
    inside = (fx >= 0) & (fx < nx - 1) & (fy >= 0) & (fy < ny - 1)
    out = np.empty(len(lon))
    ix, iy = fx[inside].astype(np.int64), fy[inside].astype(np.int64)
    tx, ty = fx[inside] - ix, fy[inside] - iy
    out[inside] = (
        f[iy, ix] * (1 - tx) * (1 - ty)
        + f[iy, ix + 1] * tx * (1 - ty)
        + f[iy + 1, ix] * (1 - tx) * ty
        + f[iy + 1, ix + 1] * tx * ty
    )
    redo = ~inside
    redo[inside] = out[inside] < EXACT_BELOW_KM + DISTANCE_GRID_DEG * 111.2 * 1.5
    if redo.any():
        out[redo] = _exact_km(theatre, lon[redo], lat[redo])
    return out


# -- loading ---------------------------------------------------------------------------


def load_theatre(theatre: str | os.PathLike | Theatre | None = None) -> Theatre:
    """Load a theatre by embedded name, directory or zones file (GeoPackage/GeoJSON).

    ``None`` gives the embedded default (``karabakh``). Loaded theatres are cached per path.
    """
    if isinstance(theatre, Theatre):
        return theatre
    spec = str(theatre) if theatre is not None else DEFAULT_THEATRE
    path = Path(spec)
    if not path.exists():
        named = theatres_dir() / spec
        if not named.is_dir():
            names = ", ".join(available_theatres()) or "none"
            raise TheatreError(f"{spec}: no such theatre file or name (embedded theatres: {names})")
        path = named
    return _load_cached(str(path.resolve()), path.stat().st_mtime)


@lru_cache(maxsize=8)
def _load_cached(path_s: str, _mtime: float) -> Theatre:
    path = Path(path_s)
    if path.is_dir():
        zfile = path / "zones.geojson"
        if not zfile.exists():
            raise TheatreError(f"{path}: a theatre directory needs zones.geojson")
        meta = (
            json.loads((path / "theatre.json").read_text(encoding="utf-8")) if (path / "theatre.json").exists() else {}
        )
        # Embedded theatres are committed already normalised by their build script.
        zones = _read_trusted(zfile) if meta.get("normalised") else read_zones(zfile)
        afile = path / "admin1.geojson"
        admin1 = gpd.read_file(afile, engine="pyogrio") if afile.exists() else None
        if admin1 is not None:
            admin1 = admin1.to_crs("EPSG:4326") if admin1.crs else admin1.set_crs("EPSG:4326")
        return Theatre(meta.get("name", path.name), zones, admin1, meta)
    zones = read_zones(path)
    return Theatre(path.stem, zones, None, {"name": path.stem, "title": path.stem})


def _read_trusted(path: Path) -> gpd.GeoDataFrame:
    z = gpd.read_file(path, engine="pyogrio")
    return z.set_crs("EPSG:4326", allow_override=True)[["zone", "zone_kind", "country", "name", "geometry"]]


def read_zones(path: str | os.PathLike) -> gpd.GeoDataFrame:
    """Read and normalise a zones file (any CRS) into the theatre schema, EPSG:4326."""
    p = str(path)
    try:
        frame = gpd.read_file(p, engine="pyogrio")
    except Exception as exc:  # pyogrio raises several types for unreadable files
        raise TheatreError(f"{p}: cannot read zones ({str(exc).splitlines()[0]})") from None
    return normalise_zones(frame, source=p)


def normalise_zones(frame: gpd.GeoDataFrame, *, source: str = "zones") -> gpd.GeoDataFrame:
    """Check columns, reproject to EPSG:4326, repair geometry and resolve overlaps."""
    missing = [c for c in ("zone", "zone_kind", "country") if c not in frame.columns]
    if missing:
        raise TheatreError(f"{source}: zones need columns zone, zone_kind, country (missing: {', '.join(missing)})")
    if frame.empty:
        raise TheatreError(f"{source}: no zones")
    if frame.crs is None:
        raise TheatreError(f"{source}: zones have no CRS")
    bad = sorted(set(frame["zone_kind"]) - set(ZONE_KINDS))
    if bad:
        raise TheatreError(f"{source} [zone_kind]: unknown kind(s) {bad}; use {', '.join(ZONE_KINDS)}")
    f = frame.to_crs("EPSG:4326")
    geoms = shapely.make_valid(f.geometry.values)
    geoms = np.array([_polygonal(g) for g in geoms], dtype=object)
    out = gpd.GeoDataFrame(
        {
            "zone": f["zone"].astype(str).values,
            "zone_kind": f["zone_kind"].astype(str).values,
            "country": f["country"].astype(str).str.upper().values,
            "name": (f["name"] if "name" in f.columns else f["zone"]).astype(str).values,
        },
        geometry=geoms,
        crs="EPSG:4326",
    )
    out = out[~out.geometry.is_empty & out.geometry.notna()]
    if out.empty:
        raise TheatreError(f"{source}: no polygon geometry in zones")
    out = out.dissolve("zone", as_index=False, aggfunc="first")[["zone", "zone_kind", "country", "name", "geometry"]]
    return _resolve_overlaps(out)


def _polygonal(g: shapely.Geometry | None) -> shapely.Geometry:
    if g is None or g.is_empty:
        return shapely.Polygon()
    if g.geom_type in ("Polygon", "MultiPolygon"):
        return g
    parts = [p for p in shapely.get_parts(g) if p.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts) if parts else shapely.Polygon()


def _resolve_overlaps(z: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Subtract from each zone every more specific zone (see module docstring)."""
    rank = z["zone_kind"].map({k: i for i, k in enumerate(ZONE_KINDS)})
    area = z.to_crs("EPSG:6933").area
    order = np.lexsort((area.values, rank.values))
    z = z.iloc[order].reset_index(drop=True)
    geoms = z.geometry.values
    tree = shapely.STRtree(geoms)
    left, right = tree.query(geoms, predicate="intersects")
    out = list(geoms)
    for i in np.unique(left):
        earlier = right[(left == i) & (right < i)]
        if len(earlier):
            overlap = shapely.union_all(geoms[earlier])
            if shapely.area(shapely.intersection(geoms[i], overlap)) > 0:
                out[i] = _polygonal(shapely.difference(geoms[i], overlap))
    z["geometry"] = out
    return z[~z.geometry.is_empty].reset_index(drop=True)


def export_zones(theatre: Theatre) -> gpd.GeoDataFrame:
    """The theatre's zones as a GeoDataFrame with zone, zone_kind, country, name, label (EPSG:4326)."""
    info = theatre.zone_info().set_index("zone")
    z = theatre.zones.copy()
    z["label"] = z["zone"].map(info["label"])
    return z[["zone", "zone_kind", "country", "name", "label", "geometry"]]
