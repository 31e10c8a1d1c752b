"""HTML page → clean article body, metadata and the reader comments, kept apart.

The page is parsed once. Comment threads are read (with authors and dates) and then cut from
the tree, so their text cannot leak into the body; trafilatura extracts the body from what is
left and htmldate, through trafilatura's metadata pass, finds the original publication date.
Hostile markup degrades to less text, never to an exception.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from html import unescape
from typing import Any
from urllib.parse import urlsplit

import trafilatura
from htmldate import find_date
from lxml import etree
from lxml.html import HtmlElement, document_fromstring
from trafilatura import metadata as page_meta

from newstrace.records import Comment, Extraction
from newstrace.stages.extract.comments import scan_comments, strip_markup

# Measured with bench/extraction_scrapinghub.py (181 pages, this whole pipeline): precision mode
# scores F1 0.969 (P 0.962) against 0.960 for trafilatura's balanced default, 0.959 for
# favor_recall and 0.962 (P 0.946) for fast mode. Fast mode runs 57 pages/s against 36, but
# what precision mode drops (related headlines, teasers) is exactly what would be coded as
# spurious events downstream.
_BODY_OPTIONS: dict[str, Any] = {
    "favor_precision": True,
    "include_comments": False,
    "include_tables": True,
}
_BALANCED: dict[str, Any] = {**_BODY_OPTIONS, "favor_precision": False}
_RECALL: dict[str, Any] = {**_BALANCED, "favor_recall": True}
# Precision mode sometimes keeps only a boilerplate block (a 260-character reprint notice for a
# 2,400-character article on the benchmark). A body under 500 characters is retried with wider
# settings (4 of 181 pages), and the wider text wins when it is at least twice as long.
_SHORT_BODY_CHARS = 500
_WIDER_FACTOR = 2
# htmldate's extensive search (scanning all text for date-like strings) would add 14 ms to the
# ~28 ms a page takes, and it dated only 2 more of the 181 benchmark pages (179 → 181), with
# nothing to check them against; a wrong date is worse than none for an event ledger.
_DATE_OPTIONS: dict[str, Any] = {"original_date": True, "extensive_search": False}

_LANG_TAG = re.compile(r"^([a-zA-Z]{2,3})(?:[-_]|$)")
_WORD = re.compile(r"\w")


@dataclass(frozen=True, slots=True)
class _Metadata:
    title: str | None = None
    author: str | None = None
    sitename: str | None = None
    published: date | None = None
    url: str | None = None


def extract_html(html: str, *, url: str | None = None) -> Extraction:
    """Article body, title, outlet, author, date, declared language and comments of one page."""
    tree = _parse(html)
    if tree is None:
        return Extraction(body="", url=_web_url(url), method="none")
    language = declared_language(tree)
    scan = scan_comments(tree)
    _cut(scan.elements)  # before metadata too: commenters are not the article's authors
    _defuse(tree)
    meta = _metadata(tree, url)
    body, method = _body(tree, meta.url)
    body = _without_comment_lines(body, scan.comments)
    return Extraction(
        body=body if _WORD.search(body) else "",  # "\ufffd\ufffd" from NUL bytes is no article
        title=meta.title,
        outlet=meta.sitename or _domain(meta.url),
        author=meta.author,
        published=meta.published,
        language=language,
        url=meta.url,
        comments=scan.comments,
        method=method,
    )


def _parse(html: str) -> HtmlElement | None:
    # trafilatura's loader repairs common breakage (doubled <html>, stray XML declarations)
    # before lxml parses; lxml itself stops nesting at 255 levels, which defuses deep trees.
    # The loader rejects what does not look like a whole page — a feed item's "<p>…</p>"
    # fragment, bare text saved as .html — so those get lxml's document wrapper instead.
    for load in (trafilatura.load_html, document_fromstring):
        try:
            tree = load(html)
        except Exception:  # lxml and the loader raise several types on garbage; none is fatal
            continue
        if isinstance(tree, HtmlElement):
            return tree
    return None


_LANG_META = etree.XPath(
    "//meta[translate(@http-equiv, 'CONTENTLAG', 'contentlag')='content-language']/@content"
    " | //meta[@property='og:locale']/@content"
)


def declared_language(tree: HtmlElement) -> str | None:
    """ISO 639 code the page declares (<html lang>, Content-Language, og:locale), else None."""
    candidates = [tree.get("lang"), tree.get("xml:lang"), *_LANG_META(tree)]
    for value in candidates:
        match = _LANG_TAG.match(str(value or "").strip())
        if match:
            return match[1].lower()
    return None


def _cut(elements: tuple[HtmlElement, ...]) -> None:
    for el in elements:
        if el.getparent() is not None:
            el.drop_tree()  # keeps the element's tail text, which belongs to its parent


# Scripts that carry data the metadata pass reads; every other script or style is code.
_DATA_SCRIPTS = frozenset({"application/ld+json", "application/settings+json"})


def _defuse(tree: HtmlElement) -> None:
    """Remove code before any text is read, and markup smuggled into meta attributes.

    trafilatura drops scripts from the body but not from the title it takes from a lone <h1>,
    and it turns ``<meta name="author" content="<script>…</script>Eve">`` into "Alerteve".
    """
    code = [
        el
        for el in tree.iter("script", "style")
        if el.tag == "style" or (el.get("type") or "").strip().lower() not in _DATA_SCRIPTS
    ]
    for el in code:
        if el.getparent() is not None:
            el.drop_tree()
    for meta in tree.iter("meta"):
        content = meta.get("content")
        if content and "<" in content:
            meta.set("content", strip_markup(content))


def _metadata(tree: HtmlElement, url: str | None) -> _Metadata:
    try:
        return _read_metadata(tree, url)
    except Exception:  # trafilatura/htmldate fail on odd markup; the body still counts
        return _Metadata(url=_web_url(url))


def _read_metadata(tree: HtmlElement, url: str | None) -> _Metadata:
    """trafilatura's metadata pass minus categories, tags, licence and hostname, which newstrace
    never uses: 4.8 ms a page instead of ``extract_metadata``'s 7.2 ms on the benchmark."""
    meta = page_meta.examine_meta(tree)
    # A one-word author in meta tags is nearly always the site's name (trafilatura's rule).
    if meta.author and " " not in meta.author:
        meta.author = None
    meta = _json_ld_metadata(tree, meta)
    page_url = _web_url(meta.url) or _web_url(page_meta.extract_url(tree, url)) or _web_url(url)
    published = find_date(tree, url=page_url, max_date=date.today().isoformat(), **_DATE_OPTIONS)
    return _Metadata(
        title=_field(meta.title or page_meta.extract_title(tree)),
        author=_field(meta.author or page_meta.extract_author(tree)),
        sitename=_site_name(meta.sitename or page_meta.extract_sitename(tree)),
        published=_to_date(published),
        url=page_url,
    )


def _json_ld_metadata(tree: HtmlElement, meta: Any) -> Any:
    try:
        return page_meta.extract_meta_json(tree, meta)
    except Exception:  # malformed JSON-LD breaks trafilatura's parser; meta tags still stand
        return meta


# Titles, names and outlet names are one line; anything longer than this is scraped garbage.
_MAX_FIELD_CHARS = 500


def _site_name(value: Any) -> str | None:
    # Kept as the outlet spells it: trafilatura title-cases lowercase names, which would turn
    # "newstrace demo (fictional)" or "nj" into names the outlet does not use.
    return _field(value.lstrip("@") if isinstance(value, str) else None)  # "@outlet" handles


def _field(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(strip_markup(unescape(value)).split())[:_MAX_FIELD_CHARS] or None


def _body(tree: HtmlElement, url: str | None) -> tuple[str, str]:
    """Body text and the method that produced it: precision first, wider nets when it is short."""
    text = _trafilatura_text(tree, url, _BODY_OPTIONS)
    if len(text) >= _SHORT_BODY_CHARS:
        return text, "trafilatura"
    for method, options in (("trafilatura-balanced", _BALANCED), ("trafilatura-recall", _RECALL)):
        wider = _trafilatura_text(tree, url, options)
        if wider and len(wider) >= _WIDER_FACTOR * len(text):
            return wider, method
    return (text, "trafilatura") if text else _baseline(tree)


def _baseline(tree: HtmlElement) -> tuple[str, str]:
    """trafilatura's last resort: JSON-LD articleBody, <article>, or all paragraphs."""
    try:
        _, text, _ = trafilatura.baseline(tree)
    except Exception:  # the last resort must not be the thing that fails the page
        return "", "none"
    return (text.strip(), "baseline") if text and text.strip() else ("", "none")


def _trafilatura_text(tree: HtmlElement, url: str | None, options: dict[str, Any]) -> str:
    try:
        document = trafilatura.bare_extraction(tree, url=url, **options)
    except Exception:  # e.g. RecursionError inside readability on pathological nesting
        return ""
    text = getattr(document, "text", None) if document is not None else None
    return text.strip() if isinstance(text, str) else ""


def _without_comment_lines(body: str, comments: tuple[Comment, ...]) -> str:
    """Drop body lines that are comment paragraphs (a thread that was only in JSON-LD or had
    markup nobody recognises): comments are never coded as news."""
    if not comments or not body:
        return body
    said = {_squash(line) for c in comments for line in c.text.split("\n")}
    return "\n".join(line for line in body.split("\n") if _squash(line) not in said)


def _squash(text: str) -> str:
    return " ".join(text.split()).casefold()


def _to_date(value: Any) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _web_url(value: str | None) -> str | None:
    """Only http(s) URLs: a canonical link can be ``javascript:`` on a hostile page."""
    if not value:
        return None
    try:
        parts = urlsplit(value.strip())
        valid = parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
    except ValueError:  # e.g. "http://[::1" (an unclosed IPv6 bracket)
        return None
    return value.strip() if valid else None


def _domain(url: str | None) -> str | None:
    """Host name without "www." of an already validated URL."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return None
    return host.removeprefix("www.") or None
