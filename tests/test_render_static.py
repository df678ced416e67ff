"""The static map (geo.render_static): PNG/SVG output, its content, labels that do not collide, the CLI."""

from __future__ import annotations

import re
import struct

import matplotlib
import pytest
from matplotlib.patches import PathPatch

from geo.errors import InputError
from geo.render_static import save_static, static_map
from tests.conftest import run_cli
from tests.map_cases import EXAMPLES, examples, hostile


@pytest.fixture(scope="module")
def example_fig():
    fig, ax = static_map(examples())
    return fig, ax


def _png_size(path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", head[16:24])


def test_png_and_svg_are_written(example_fig, output_dir):
    fig, _ax = example_fig
    png = save_static(fig, output_dir / "static_example.png")
    svg = save_static(fig, output_dir / "static_example.svg")
    assert png.stat().st_size > 100_000
    assert _png_size(png) == (2200, 1700)  # 11 x 8.5 inches at 200 dpi
    text = svg.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml") and "<svg" in text
    assert svg.stat().st_size > 100_000


def test_svg_carries_legend_attribution_and_furniture(example_fig, tmp_path):
    fig, _ax = example_fig
    text = save_static(fig, tmp_path / "m.svg").read_text(encoding="utf-8")
    for needle in (
        "Armenia–Azerbaijan: Nagorno-Karabakh",  # title
        "2016-04-02 – 2023-09-20",  # date range
        "53 incidents mapped",
        "Nagorno-Karabakh (former NKAO) (disputed)",
        "Armenia (sovereign territory)",
        "Other countries (foreign)",
        "spillover (sovereign or foreign territory)",
        "killed + injured",
        "Natural Earth (public domain)",
        "GeoNames (CC BY 4.0)",
        " km",  # scale bar
        ">N<",  # north arrow
        "Ganja",
        "Stepanakert",
    ):
        assert needle in text, needle


def test_labels_do_not_collide(example_fig):
    fig, ax = example_fig
    renderer = fig.canvas.get_renderer()
    labels = [t for t in ax.texts if t.get_gid() == "cm-label"]
    assert len(labels) >= 10
    boxes = [t.get_window_extent(renderer) for t in labels]
    frame = ax.get_window_extent(renderer)
    for i, a in enumerate(boxes):
        assert frame.contains(a.x0, a.y0) and frame.contains(a.x1, a.y1)
        for b in boxes[i + 1 :]:
            assert not a.overlaps(b)
    for leg in ax.findobj(matplotlib.legend.Legend):
        lb = leg.get_window_extent(renderer)
        assert not any(b.overlaps(lb) for b in boxes)


def test_regions_are_drawn_as_polygons_and_text_is_literal(tmp_path):
    frame = hostile()
    fig, ax = static_map(frame, title="Cost: $5 and $6 <b>")
    region = [
        p
        for p in ax.patches
        if isinstance(p, PathPatch)
        and p.get_linestyle() != "-"
        and p.get_path().vertices.shape[0] == 5
        and abs(p.get_path().vertices[:, 0].min() - 46.6) < 1e-9
    ]
    assert region, "the precision-3 row should be its polygon"
    svg = save_static(fig, tmp_path / "hostile.svg").read_text(encoding="utf-8")
    assert "Cost: $5 and $6 &lt;b&gt;" in svg  # no mathtext, XML-escaped
    assert "<script" not in svg and "<img" not in svg
    assert "1 without a location not shown" in svg


def test_draws_into_a_given_axes():
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(6, 5))
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    got_fig, got_ax = static_map(examples(), ax=ax, title="Given axes")
    assert got_fig is fig and got_ax is ax
    assert ax.get_title() == "Given axes"


def test_bad_suffix_is_an_input_error(example_fig, tmp_path):
    with pytest.raises(InputError, match="use .png or .svg"):
        save_static(example_fig[0], tmp_path / "m.pdf")


def test_cli_map_png_and_svg(tmp_path):
    from geo.cli import main

    png = tmp_path / "map.png"
    r = run_cli("map", str(EXAMPLES), "--out", str(png), "--title", "Briefing map")
    assert r.returncode == 0, r.stderr.decode()
    assert _png_size(png) == (2200, 1700)
    svg = tmp_path / "map.svg"
    assert main(["map", str(EXAMPLES), "--out", str(svg), "--title", "Briefing map"]) == 0
    assert re.search(r"Briefing map", svg.read_text(encoding="utf-8"))
