"""The web UI in a real browser: Playwright for Python driving Debian's chromium, headless,
against uvicorn on 127.0.0.1 over a ledger of the demo corpus plus the hostile XSS pages.

Every page is watched: a request to any other host, a dialog, a console error (CSP violations
are reported there) or an uncaught page error fails the test. Screenshots go to
``test-output/screenshots/`` for a reviewer to look at.
"""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import httpx
import pytest
import uvicorn

from newstrace.api.app import LOOPBACK_NAMES, create_app
from newstrace.api.config import ApiConfig
from newstrace.settings import load_settings
from tests.test_api import build_ui_ledger

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Dialog, Page, Route

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip
SHOTS = Path(__file__).resolve().parents[1] / "test-output" / "screenshots"
LOCAL_HOSTS = {"127.0.0.1", "localhost"}

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is a dev dependency")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="Debian chromium is not installed (/usr/bin/chromium); `make test` installs it",
    ),
]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = build_ui_ledger(tmp_path_factory.getbasetemp() / "ui-ledger")
    settings = load_settings().with_overrides(db=db)
    app = create_app(settings, ApiConfig(settings, None), allowed_hosts=LOOPBACK_NAMES)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()


class Watch:
    """What a page did that it must not: leave the machine, open a dialog, break the CSP."""

    def __init__(self) -> None:
        self.external: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []

    def check(self) -> None:
        assert self.external == [], f"requests left the machine: {self.external}"
        assert self.dialogs == [], f"a dialog opened (script ran): {self.dialogs}"
        assert self.errors == [], f"console/page errors: {self.errors}"


@pytest.fixture
def page(browser: Browser) -> Iterator[tuple[Page, Watch]]:
    SHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    watch = Watch()

    def route(route: Route) -> None:
        host = urlsplit(route.request.url).hostname or ""
        if route.request.url.startswith("data:") or host in LOCAL_HOSTS:
            route.continue_()
        else:
            watch.external.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    opened = context.new_page()

    def on_dialog(dialog: Dialog) -> None:
        watch.dialogs.append(dialog.message)
        dialog.dismiss()

    opened.on("dialog", on_dialog)
    opened.on("console", lambda msg: watch.errors.append(msg.text) if msg.type == "error" else None)
    opened.on("pageerror", lambda error: watch.errors.append(str(error)))
    yield opened, watch
    context.close()
    watch.check()


def _api(base_url: str, path: str, **params: str) -> dict[str, Any]:
    response = httpx.get(base_url + path, params=params, timeout=20)
    response.raise_for_status()
    result: dict[str, Any] = response.json()
    return result


# Waits are locator-based: wait_for_function evaluates strings in the page, which the CSP
# (no 'unsafe-eval') rightly refuses.
def _wait_idle(p: Page) -> None:
    p.locator("body[data-loading='0']").wait_for(state="attached", timeout=15000)


def test_map_loads_with_markers(base_url: str, page: tuple[Page, Watch]) -> None:
    p, _ = page
    p.goto(base_url + "/")
    _wait_idle(p)
    p.wait_for_selector(".leaflet-marker-icon", timeout=15000)
    p.locator(".leaflet-overlay-pane path").first.wait_for(state="attached")
    total = _api(base_url, "/api/events")["total"]
    assert p.locator("#count").get_attribute("data-total") == str(total)
    assert p.locator("#event-list tbody tr").count() == min(total, 50)
    assert p.locator(".tl .bar").count() > 3
    p.screenshot(path=str(SHOTS / "explorer-map.png"))


def test_brushing_the_timeline_filters_map_and_list(
    base_url: str, page: tuple[Page, Watch]
) -> None:
    p, _ = page
    p.goto(base_url + "/")
    _wait_idle(p)
    before = int(p.locator("#count").get_attribute("data-total") or 0)
    box = p.locator("#timeline svg").bounding_box()
    assert box is not None
    y = box["y"] + 40
    p.mouse.move(box["x"] + box["width"] * 0.55, y)
    p.mouse.down()
    p.mouse.move(box["x"] + box["width"] * 0.75, y, steps=5)
    p.mouse.up()
    p.locator(f"#count:not([data-total='{before}'])").wait_for(state="attached")
    _wait_idle(p)
    after = int(p.locator("#count").get_attribute("data-total") or 0)
    assert 0 <= after < before
    date_from = p.locator("input[name=date_from]").input_value()
    date_to = p.locator("input[name=date_to]").input_value()
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", date_from) and date_from <= date_to
    assert p.locator("#map").get_attribute("data-total") == str(after)
    expected = _api(base_url, "/api/events", date_from=date_from, date_to=date_to)["total"]
    assert after == expected
    assert p.locator(".tl .brush").get_attribute("width") not in (None, "0")
    p.screenshot(path=str(SHOTS / "explorer-brushed.png"))
    p.locator("#clear-brush").click()
    p.locator(f"#count[data-total='{before}']").wait_for(state="attached")


def test_event_page_shows_highlighted_evidence(base_url: str, page: tuple[Page, Watch]) -> None:
    p, _ = page
    contested = _api(base_url, "/api/events", grade="contested", limit="50")["events"]
    event = max(contested, key=lambda e: len(e["mentions"]))
    p.goto(base_url + "/")
    _wait_idle(p)
    p.select_option("select[name=grade]", "contested")
    p.locator(f"#count[data-total='{len(contested)}']").wait_for(state="attached")
    p.locator(f"#event-list a[href='/events/{event['event_id']}']").click()
    p.wait_for_selector("#evidence")
    marks = p.locator("#evidence blockquote mark")
    assert marks.count() == len(event["mentions"])
    assert event["mentions"][0]["sentence"][:40] in marks.first.inner_text()
    assert p.locator("#evidence .attribution").count() == len(event["mentions"])
    assert p.locator("#grade .reasons li").count() == len(event["corroboration"]["reasons"])
    assert p.locator("#who-says-what .version").count() >= 2
    assert p.locator("#who-says-what ol.chain li").count() >= 2
    if event["latitude"] is not None:
        p.locator("#event-map .mk").wait_for()
        p.locator("#event-map path").first.wait_for(state="attached")  # the offline base map
    p.screenshot(path=str(SHOTS / "event.png"), full_page=True)
    p.locator("#evidence .mention header a").first.click()
    p.wait_for_selector(".reader mark.focus, .reader mark:target")
    p.screenshot(path=str(SHOTS / "document-focus.png"))


def test_document_comments_are_collapsed_and_marked(
    base_url: str, page: tuple[Page, Watch]
) -> None:
    p, _ = page
    rows = _api(base_url, "/api/documents", limit="1000")["documents"]
    doc = max(rows, key=lambda r: r["comments"])
    p.goto(f"{base_url}/documents/{doc['document_id']}")
    thread = p.locator("details.comments")
    assert thread.get_attribute("open") is None
    assert not p.locator(".comment").first.is_visible()
    assert "not reporting" in p.locator("details.comments summary").inner_text()
    p.locator("details.comments summary").click()
    assert p.locator(".comment").first.is_visible()
    assert p.locator(".comment .comment-tag").count() == doc["comments"]
    assert p.locator(".comment .comment-tag").first.inner_text().lower() == "reader comment"
    p.screenshot(path=str(SHOTS / "document-comments.png"), full_page=True)


# Elements or attributes the hostile pages try to create; none may exist in any page.
INJECTED = (
    "img[src='x'], svg[onload], a[href^='javascript:'], [onmouseover], [onfocus], [onerror],"
    " [onload], script:not([src])"
)


def test_hostile_pages_render_inert(base_url: str, page: tuple[Page, Watch]) -> None:
    p, _ = page
    rows = _api(base_url, "/api/documents", limit="1000")["documents"]
    hostile = [r["document_id"] for r in rows if "xss" in (r["source"] or "")]
    events = _api(base_url, "/api/events", text="__xss", include_comments="true")["events"]
    assert len(hostile) == 3 and events
    urls = [f"/documents/{d}" for d in hostile] + [f"/events/{e['event_id']}" for e in events]
    urls += ["/search?q=xss", "/documents", "/outlets", "/?text=__xss&include_comments=true"]
    for url in urls:
        p.goto(base_url + url)
        p.wait_for_load_state("load")
        if url.startswith("/?"):
            _wait_idle(p)
            assert p.locator("#event-list tbody tr").count() == len(events)
        for opener in p.locator("details").all():
            opener.evaluate("node => { node.open = true; }")
        p.mouse.move(300, 300)
        assert p.evaluate("typeof window.__xss") == "undefined", url
        assert p.locator(INJECTED).count() == 0, url
        assert "__xss" in p.locator("body").inner_text(), url  # shown as text
        name = re.sub(r"[^a-z0-9]+", "-", url.lower()).strip("-") or "explorer"
        p.screenshot(path=str(SHOTS / f"xss-{name[:60]}.png"), full_page=True)


def test_place_filter_narrows_map_and_list(base_url: str, page: tuple[Page, Watch]) -> None:
    p, _ = page
    expected = _api(base_url, "/api/events", place="ninewa", limit="50")
    assert expected["total"] > 0
    p.goto(base_url + "/")
    _wait_idle(p)
    p.fill("input[name=place]", "Ninewa")
    p.locator(f"#count[data-total='{expected['total']}']").wait_for(state="attached")
    _wait_idle(p)
    assert p.locator("#map").get_attribute("data-total") == str(expected["total"])
    links = p.locator("#event-list tbody a").evaluate_all("ls => ls.map(a => a.pathname)")
    assert links == [f"/events/{e['event_id']}" for e in expected["events"]]
    assert "place=Ninewa" in (p.locator("#csv").get_attribute("href") or "")
