"""The HTML maps in a real browser: headless Debian Chromium driven by Playwright, network blocked.

Each page is opened from file:// with every request routed: file:// goes through, anything else is
aborted and recorded. Screenshots go to tests/output/ for a human to look at.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from geo._browser import CHROMIUM, CHROMIUM_ARGS
from geo._mapdata import map_zones
from geo.render_html import incident_map, save_html
from tests.map_cases import HOSTILE_PLACE, HOSTILE_SENTENCE, HOSTILE_TITLE, HOSTILE_TYPE, examples, hostile

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian chromium at /usr/bin/chromium (apt-get install chromium)"
    ),
]


class Page:
    """A Playwright page on one map, with every non-file request blocked and recorded."""

    def __init__(self, browser, path: Path, *, viewport=(1400, 900)):
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
        self.page.on("dialog", self._dialog)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.route("**/*", self._route)
        self.page.goto(path.as_uri())
        self.page.wait_for_function("window.__conflictmapReady === true", timeout=30_000)

    def _route(self, route) -> None:
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            self.requests.append(route.request.url)
            route.abort()

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def js(self, expression: str, arg=None):
        return self.page.evaluate(expression, arg)

    def count(self) -> int:
        return self.js("window.conflictmap[0].count()")

    def settle(self, ms: int = 50) -> None:
        self.page.wait_for_timeout(ms)
        self.js("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")

    def close(self) -> None:
        self.page.close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS))
        yield b
        b.close()


@pytest.fixture(scope="module")
def example_frame():
    return examples()


@pytest.fixture(scope="module")
def example_html(example_frame, output_dir) -> Path:
    return save_html(incident_map(example_frame), output_dir / "map_example.html")


@pytest.fixture(scope="module")
def hostile_html(output_dir) -> Path:
    return save_html(incident_map(hostile(), title=HOSTILE_TITLE), output_dir / "map_hostile.html")


@pytest.fixture
def example_page(browser, example_html):
    p = Page(browser, example_html)
    yield p
    p.close()


def test_opens_offline_and_draws_zones_and_every_incident(example_page, example_frame, theatre, output_dir):
    p = example_page
    assert p.requests == [] and p.errors == []
    assert p.page.locator(".folium-map.leaflet-container").is_visible()
    assert p.page.locator("path.cm-zone").count() == len(map_zones(theatre))
    box = p.page.locator("path.cm-zone").first.bounding_box()
    assert box and box["width"] > 10 and box["height"] > 10
    assert p.page.locator(".leaflet-pane.leaflet-cm-incidents-pane canvas").count() == 1
    assert p.count() == len(example_frame) == 53
    assert p.js("window.conflictmap[0].total") == 53
    for text in ("Disputed", "Sovereign territory", "Foreign", "Nagorno-Karabakh (former NKAO)"):
        assert p.page.locator(".cm-legend").get_by_text(text, exact=False).first.is_visible()
    assert "53 incidents mapped" in p.page.locator(".cm-title").inner_text()
    p.page.screenshot(path=str(output_dir / "browser_example.png"))


def test_clicking_an_incident_opens_its_popup(example_page, output_dir):
    p = example_page
    # Barda (21 killed, 70 injured): the largest circle, alone at its place
    x, y = p.js(
        """() => { const a = window.conflictmap[0];
                   const pt = a.map.latLngToContainerPoint([40.3744, 47.1266]);
                   const r = a.map.getContainer().getBoundingClientRect();
                   return [pt.x + r.left, pt.y + r.top]; }"""
    )
    p.page.mouse.click(x, y)
    popup = p.page.locator(".leaflet-popup-content")
    popup.wait_for(state="visible", timeout=5_000)
    text = popup.inner_text()
    assert "Barda" in text and "2020-10-28" in text
    assert "Killed\t21" in text or "Killed 21" in text.replace("\t", " ")
    assert "Azerbaijan (sovereign territory)" in text and "yes (sovereign)" in text
    assert "De jure\tAZ" in text or "De jure AZ" in text.replace("\t", " ")
    assert "1 — named settlement" in text and "Source:" in text and "km away" in text
    p.settle(300)  # popups fade in
    p.page.screenshot(path=str(output_dir / "browser_popup.png"))


def test_layer_control_switches_event_types_and_zones(example_page, example_frame):
    p = example_page
    control = p.page.locator(".leaflet-control-layers-overlays")
    n_battles = int((example_frame["event_type"] == "Battles").sum())
    n_armenia = int((example_frame["zone"] == "armenia").sum())
    both = int(((example_frame["event_type"] == "Battles") & (example_frame["zone"] == "armenia")).sum())
    battles = control.locator("label", has_text="Battles (").locator("input")
    armenia = control.locator("label", has_text="Armenia (sovereign territory)").locator("input")
    battles.click()
    p.settle()
    assert p.count() == 53 - n_battles
    armenia.click()
    p.settle()
    assert p.count() == 53 - n_battles - n_armenia + both
    battles.click()
    armenia.click()
    p.settle()
    assert p.count() == 53
    zones = control.locator("label", has_text="Zone outlines").locator("input")
    zones.click()
    p.settle()
    assert p.page.locator("path.cm-zone").count() == 0 and p.count() == 53
    zones.click()
    p.settle()
    assert p.page.locator("path.cm-zone").count() > 0


def test_time_control_filters_and_composes_with_the_layer_control(example_page, example_frame, output_dir):
    p = example_page
    frm = p.page.locator(".cm-time .cm-from")
    to = p.page.locator(".cm-time .cm-to")
    dates = example_frame["event_date"].astype(str)
    frm.focus()
    p.page.keyboard.press("End")  # "from" to the last day: only that day's incidents remain
    p.settle()
    assert p.count() == int((dates == dates.max()).sum()) == 1
    assert "1 of 53 shown" in p.page.locator(".cm-time .cm-range").inner_text()
    frm.focus()
    p.page.keyboard.press("Home")
    p.settle()
    assert p.count() == 53
    # 2020 only, by setting both sliders as a user dragging them would (input events)
    lo, hi = p.js("[Date.UTC(2020,0,1)/864e5, Date.UTC(2020,11,31)/864e5]")
    for handle, value in ((to, hi), (frm, lo)):
        handle.evaluate("(el, v) => { el.value = v; el.dispatchEvent(new Event('input', {bubbles: true})); }", value)
    p.settle()
    in_2020 = dates.str.startswith("2020")
    assert p.count() == int(in_2020.sum())
    text = p.page.locator(".cm-time .cm-range").inner_text()
    assert text.startswith("2020-01-01 – 2020-12-31")
    p.page.screenshot(path=str(output_dir / "browser_time_2020.png"))
    # a hidden event type stays hidden inside the date window, and the label follows
    control = p.page.locator(".leaflet-control-layers-overlays")
    control.locator("label", has_text="Strategic developments (").locator("input").click()
    p.settle()
    want = int((in_2020 & (example_frame["event_type"] != "Strategic developments")).sum())
    assert p.count() == want
    assert f"{want} of 53 shown" in p.page.locator(".cm-time .cm-range").inner_text()


def test_injected_markup_shows_as_text_and_never_runs(browser, hostile_html, output_dir):
    p = Page(browser, hostile_html)
    try:
        assert p.requests == [] and p.errors == []
        p.js("window.conflictmap[0].openPopup(0)")
        popup = p.page.locator(".leaflet-popup-content")
        popup.wait_for(state="visible", timeout=5_000)
        text = popup.inner_text()
        assert HOSTILE_PLACE in text
        assert HOSTILE_SENTENCE in text
        assert HOSTILE_TYPE in text
        assert '<a href="javascript:alert(1)">wire</a>' in text
        assert "<iframe src=javascript:alert(1)>" in text and "<svg onload=alert(1)>" in text
        assert popup.locator("img, script, iframe, svg, a, b, u").count() == 0
        assert HOSTILE_TITLE in p.page.locator(".cm-title").inner_text()
        label = p.page.locator(".leaflet-control-layers-overlays label", has_text="onmouseover")
        assert HOSTILE_TYPE in label.inner_text() and label.locator("b").count() == 0
        label.hover()
        p.page.mouse.move(700, 450)
        p.settle(300)
        p.page.screenshot(path=str(output_dir / "browser_hostile_popup.png"))
        assert p.js("typeof window.__pwned") == "undefined"
        assert p.dialogs == []
        assert p.page.locator("body img[src='x']").count() == 0
    finally:
        p.close()


def test_region_rows_are_polygons_and_undated_rows_have_a_switch(browser, hostile_html, output_dir):
    p = Page(browser, hostile_html)
    try:
        kinds = p.js(
            """() => window.conflictmap[0].groups.flatMap(g => g.getLayers()).map(
                   l => l instanceof L.Polygon ? "polygon" : l instanceof L.CircleMarker ? "circle" : "other")"""
        )
        assert sorted(kinds) == ["circle", "circle", "circle", "polygon"]
        # the region is clickable inside its polygon, away from any point
        x, y = p.js(
            """() => { const a = window.conflictmap[0];
                       const pt = a.map.latLngToContainerPoint([40.40, 46.95]);
                       const r = a.map.getContainer().getBoundingClientRect();
                       return [pt.x + r.left, pt.y + r.top]; }"""
        )
        p.page.mouse.click(x, y)
        popup = p.page.locator(".leaflet-popup-content")
        popup.wait_for(state="visible", timeout=5_000)
        assert "Tartar district" in popup.inner_text() and "3 — larger region" in popup.inner_text()
        assert "(to the month)" in popup.inner_text()
        p.settle(300)
        p.page.screenshot(path=str(output_dir / "browser_region_popup.png"))
        assert p.count() == 4
        p.page.locator(".cm-time .cm-undated").uncheck()
        p.settle()
        assert p.count() == 3
    finally:
        p.close()


def test_a_tile_layer_is_the_only_network_use(browser, example_frame, tmp_path):
    path = save_html(incident_map(example_frame, tiles="OpenStreetMap"), tmp_path / "osm.html")
    p = Page(browser, path)
    try:
        assert p.requests, "the tile layer should ask for tiles"
        assert all("tile.openstreetmap.org" in u for u in p.requests), p.requests
        assert p.count() == 53 and p.errors == []
    finally:
        p.close()


def test_notebook_view_draws_without_a_network(browser, example_frame, tmp_path):
    """What a notebook shows for a map (its _repr_html_, an iframe) loads nothing from a CDN."""
    cell = incident_map(example_frame)._repr_html_()
    host = tmp_path / "notebook_cell.html"
    host.write_text(f"<!doctype html><html><body><div style='width:900px'>{cell}</div></body></html>", "utf-8")
    requests: list[str] = []
    page = browser.new_page(viewport={"width": 1000, "height": 800})

    def route(r):
        if r.request.url.startswith(("file://", "about:")):
            r.continue_()
        else:
            requests.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.goto(host.as_uri())
    frame = page.frames[1]
    frame.wait_for_function("window.__conflictmapReady === true", timeout=30_000)
    assert frame.evaluate("window.conflictmap[0].count()") == len(example_frame)
    assert requests == []
    page.close()
