"""The bundled demo corpus: fictional, marked as such, on contract, and readable in every format."""

from __future__ import annotations

import json
import re
from datetime import datetime
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from newstrace.data.demo import make_warc
from newstrace.settings import Settings

DEMO = Path(str(resources.files("newstrace") / "data" / "demo"))
OUTLET_PREFIX = "newstrace demo (fictional)"
DEMO_HOST = "demo.newstrace.invalid"
MARKER = re.compile(r"This is a fictional (?:report|column|page) written for the newstrace demo\.")
JSONL_KEYS = {"id", "url", "title", "outlet", "published", "text"}

HTML_FILES = sorted((DEMO / "articles").glob("*.html"))
DUMP_FILES = sorted((DEMO / "dumps").glob("*.txt"))


def _feed() -> list[dict[str, object]]:
    lines = (DEMO / "feed.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


class _Page(HTMLParser):
    """Meta tags and visible text of a page (script/style skipped)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "meta" and found.get("content") is not None:
            key = found.get("property") or found.get("name")
            if key:
                self.meta[key] = found["content"] or ""
        if tag in {"script", "style"}:
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style"}:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.text.append(data)


def _parse_html(markup: str) -> _Page:
    page = _Page()
    page.feed(markup)
    return page


def _shingles(text: str, size: int) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


def _jaccard(a: set[tuple[str, ...]], b: set[tuple[str, ...]]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


# --- the folder --------------------------------------------------------------------------------


def test_every_input_kind_is_present() -> None:
    assert 3 <= len(HTML_FILES) <= 4
    assert len(DUMP_FILES) == 2
    assert (DEMO / "feed.jsonl").is_file()
    assert (DEMO / "archive.warc.gz").is_file()
    readme = (DEMO / "README.md").read_text(encoding="utf-8")
    assert "Everything in this folder is fictional" in readme


def test_no_link_points_outside_the_fictional_host() -> None:
    # schema.org is the JSON-LD vocabulary, not a page.
    allowed = {DEMO_HOST, "schema.org"}
    for path in [*HTML_FILES, *DUMP_FILES, DEMO / "feed.jsonl"]:
        hosts = set(re.findall(r"https?://([^/\s\"'<>]+)", path.read_text(encoding="utf-8")))
        assert hosts <= allowed, (path.name, hosts - allowed)


# --- HTML pages --------------------------------------------------------------------------------


@pytest.mark.parametrize("path", HTML_FILES, ids=lambda p: p.name)
def test_html_page_is_marked_fictional_with_metadata(path: Path) -> None:
    page = _parse_html(path.read_text(encoding="utf-8"))
    assert MARKER.search(" ".join(page.text)), "the visible text must say it is fictional"
    assert page.meta["og:site_name"].startswith(OUTLET_PREFIX)
    assert page.meta["author"]
    assert datetime.fromisoformat(page.meta["article:published_time"])
    assert page.meta["og:url"].startswith(f"https://{DEMO_HOST}/")


def test_html_comment_threads_have_authors_and_dates() -> None:
    markup = {path.name: path.read_text(encoding="utf-8") for path in HTML_FILES}
    wordpress = [m for m in markup.values() if 'class="comment-list"' in m]
    wpdiscuz = [m for m in markup.values() if 'id="wpdcom"' in m]
    assert len(wordpress) == 1
    assert len(wpdiscuz) == 1
    assert len(re.findall(r'<b class="fn">[^<]+</b>', wordpress[0])) >= 3
    assert len(re.findall(r'<time datetime="\d{4}-\d{2}-\d{2}T', wordpress[0])) >= 4
    assert len(re.findall(r'class="wpd-comment-author">[^<]+<', wpdiscuz[0])) >= 4
    assert len(re.findall(r'class="wpd-comment-date" title="[^"]*\d{4}', wpdiscuz[0])) >= 4
    # Replies are nested, as real threads are.
    assert 'class="children"' in wordpress[0]
    assert "wpd-reply" in wpdiscuz[0]


# --- text dumps --------------------------------------------------------------------------------


@pytest.mark.parametrize("path", DUMP_FILES, ids=lambda p: p.name)
def test_text_dump_is_marked_fictional_in_the_genre_s_style(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    lines = [line.strip() for line in text.splitlines()]
    assert MARKER.search(text)
    assert any(line.startswith(OUTLET_PREFIX) for line in lines), "site name line"
    assert any(line.startswith("©") and OUTLET_PREFIX in line for line in lines), "footer"
    assert "Click to see the full-size image" in lines
    assert "Notify of" in lines
    ladder = [line for line in lines if re.fullmatch(r"[\d,]+ [$€£]", line)]
    assert len(ladder) >= 3, "a donation ladder"
    titles = [line for line in lines if len(line.split()) >= 5 and not line.endswith(".")]
    assert any(titles.count(title) >= 2 for title in titles), "a repeated title"


# --- JSONL feed --------------------------------------------------------------------------------


def test_feed_follows_the_jsonl_contract() -> None:
    feed = _feed()
    assert 6 <= len(feed) <= 8
    assert len({doc["id"] for doc in feed}) == len(feed)
    for doc in feed:
        assert set(doc) == JSONL_KEYS
        assert all(isinstance(value, str) and value for value in doc.values())
        assert str(doc["outlet"]).startswith(OUTLET_PREFIX)
        assert str(doc["url"]).startswith(f"https://{DEMO_HOST}/")
        published = datetime.fromisoformat(str(doc["published"]))
        assert published.tzinfo is not None
        assert MARKER.search(str(doc["text"])), doc["id"]


def test_feed_covers_the_hard_cases() -> None:
    texts = {str(doc["id"]): str(doc["text"]) for doc in _feed()}
    cases = {
        "denial": r"\bdenied\b",
        "background history": r"\bIn May 2015\b",
        "speculation": r"\bmight be launched\b",
        "nested relay": r"\btold the [A-Z][\w ]+ Bulletin\b",
        "conflicting counts": r"\bseven\b[^.]*\bfour dead\b",
        "consecutive days": r"\bsecond strike in the area in two days\b",
        "shared ministry statement": r"targeted a farm near al-Bukamal at 11:40 pm",
    }
    for case, pattern in cases.items():
        assert any(re.search(pattern, text) for text in texts.values()), case
    relays = [i for i, t in texts.items() if re.search(cases["shared ministry statement"], t)]
    assert len({texts[i] for i in relays}) >= 2, "two different desks relay one statement"


def test_only_the_syndicated_copy_is_a_near_duplicate() -> None:
    settings = Settings()
    feed = _feed()
    shingles = {
        str(doc["id"]): _shingles(str(doc["text"]), settings.dedup_shingle_words) for doc in feed
    }
    near = set()
    ids = sorted(shingles)
    for i, first in enumerate(ids):
        for second in ids[i + 1 :]:
            similarity = _jaccard(shingles[first], shingles[second])
            if similarity >= settings.dedup_threshold:
                near.add((first, second))
            else:
                # Independent desks on the same incident must stay clearly apart.
                assert similarity < 0.5, (first, second, similarity)
    assert near == {("demo-feed-001", "demo-feed-005")}
    outlets = {str(doc["id"]): str(doc["outlet"]) for doc in feed}
    assert outlets["demo-feed-001"] != outlets["demo-feed-005"]


# --- WARC --------------------------------------------------------------------------------------


def test_warc_reads_back_with_the_expected_records() -> None:
    types: list[str] = []
    with (DEMO / "archive.warc.gz").open("rb") as stream:
        for record in ArchiveIterator(stream):
            types.append(record.rec_type)
            uri = record.rec_headers.get_header("WARC-Target-URI")
            content = record.content_stream().read().decode("utf-8")
            if record.rec_type == "warcinfo":
                assert "fictional" in content
                continue
            assert uri.startswith(f"https://{DEMO_HOST}/")
            if record.rec_type == "response":
                assert record.http_headers.get_statuscode() == "200"
                page = _parse_html(content)
                assert page.meta["og:site_name"].startswith(OUTLET_PREFIX)
                assert MARKER.search(" ".join(page.text))
            if record.rec_type == "conversion":
                assert record.rec_headers.get_header("Content-Type") == "text/plain"
                assert MARKER.search(content)
    assert types == ["warcinfo", "request", "response", "request", "response", "conversion"]


def test_make_warc_reproduces_the_committed_archive(tmp_path: Path) -> None:
    rebuilt = make_warc.build(tmp_path / "archive.warc.gz")
    assert rebuilt.read_bytes() == (DEMO / "archive.warc.gz").read_bytes(), (
        "archive.warc.gz is stale: run python -m newstrace.data.demo.make_warc"
    )
