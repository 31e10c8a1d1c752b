"""Reader comments from HTML markup, each with its author, date and text.

trafilatura keeps comment text but drops who wrote it and when, and comment threads are full of
claims that are not reporting, so newstrace reads the comment markup itself: WordPress core,
wpDiscuz, server-rendered Disqus, schema.org ``Comment`` (microdata and JSON-LD), and as a last
resort any ``comment`` container holding exactly one author name. Nested replies are flattened
in document order. ``scan_comments`` also returns the elements to cut from the page, so that
comment text never reaches the article body.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from lxml import etree
from lxml.html import HtmlElement
from trafilatura import load_html

from newstrace.records import Comment


def _cls(token: str) -> str:
    """XPath test for one whole class token (``comment`` must not match ``comment-form``).

    The plain ``contains`` runs first because it is cheap: with it, the section query over a
    whole benchmark page went from 2.9 to 2.0 ms.
    """
    return (
        f"(contains(@class, '{token}') and "
        f"contains(concat(' ', normalize-space(@class), ' '), ' {token} '))"
    )


def _any_cls(*tokens: str) -> str:
    return "(" + " or ".join(_cls(t) for t in tokens) + ")"


@dataclass(frozen=True, slots=True)
class _Markup:
    """Where one comment system puts its items and, inside each item, author, date and text.

    Author and date are XPaths in order of preference: the first that matches inside the item
    wins (WordPress's ``.fn`` holds the bare name, ``.comment-author`` adds "says:").
    """

    items: str
    author: tuple[str, ...]
    date: tuple[str, ...]
    text: str

    def compiled(self) -> _Compiled:
        return _Compiled(
            etree.XPath(self.items) if self.items else None,
            tuple(etree.XPath(x) for x in self.author),
            tuple(etree.XPath(x) for x in self.date),
            etree.XPath(self.text) if self.text else None,
        )


@dataclass(frozen=True, slots=True)
class _Compiled:
    """A ``_Markup`` with its XPaths compiled once (compiling per page cost more than running)."""

    items: etree.XPath | None
    author: tuple[etree.XPath, ...]
    date: tuple[etree.XPath, ...]
    text: etree.XPath | None


_WORDPRESS = _Markup(
    items=f"descendant-or-self::*[self::ol or self::ul][{_any_cls('commentlist', 'comment-list')}]"
    f"//*[self::li or self::div or self::article][{_cls('comment')}]",
    author=(f".//*[{_cls('fn')}]", f".//*[{_cls('comment-author')}]"),
    date=(
        f".//*[{_any_cls('comment-metadata', 'commentmetadata', 'comment-meta')}]//time",
        f".//*[{_any_cls('comment-metadata', 'commentmetadata', 'comment-meta')}]//a",
    ),
    text=f".//*[{_any_cls('comment-content', 'comment-text')}]",
)
_WPDISCUZ = _Markup(
    items=f"descendant-or-self::*[{_cls('wpd-comment')}]",
    author=(f".//*[{_cls('wpd-comment-author')}]",),
    date=(f".//*[{_cls('wpd-comment-date')}]",),
    text=f".//*[{_cls('wpd-comment-text')}]",
)
_DISQUS = _Markup(
    items="descendant-or-self::*[@id='disqus_thread']"
    f"//*[self::li or self::div or self::article][{_cls('post')}]",
    author=(f".//*[{_cls('author')}]",),
    date=(f".//*[{_cls('post-meta')}]//time", f".//a[{_cls('time-ago')}]", ".//time"),
    text=f".//*[{_cls('post-message')}]",
)


def _prop(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@itemprop), ' '), ' {name} ')"


_MICRODATA = _Markup(
    items="descendant-or-self::*[@itemscope][contains(@itemtype, 'schema.org/Comment')]",
    author=(f".//*[{_prop('author')}]//*[{_prop('name')}]", f".//*[{_prop('author')}]"),
    date=(f".//*[{_prop('dateCreated')} or {_prop('datePublished')}]",),
    text=f".//*[{_prop('text')} or {_prop('commentText')}]",
)
_MARKUPS = tuple(m.compiled() for m in (_WORDPRESS, _WPDISCUZ, _DISQUS, _MICRODATA))

# Whole comment sections (lists, reply forms, embeds) cut from the page before body extraction.
_SECTIONS = etree.XPath(
    "descendant-or-self::*[@id='comments' or @id='disqus_thread' or @id='wpdcom' or "
    + _any_cls(
        "comments-area", "comment-respond", "commentlist", "comment-list", "wpdiscuz-wrapper"
    )
    + "]"
)
# A section holding the headline or the marked-up article body is a page wrapper, not a thread.
_ARTICLE_MARKERS = etree.XPath(".//h1 | .//*[contains(@itemprop, 'articleBody')]")

# Nothing of these is comment text: code, styling, controls, embedded media.
_SKIP_TAGS = frozenset(
    {"script", "style", "noscript", "template", "svg", "button", "form", "iframe", "select"}
)
_BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "tr"}
)
_SPACES = re.compile(r"[^\S\n]+")


@dataclass(frozen=True, slots=True)
class CommentScan:
    """Comments found on a page, and the elements that hold them (to cut from the body)."""

    comments: tuple[Comment, ...]
    elements: tuple[HtmlElement, ...]


def extract_comments(tree_or_html: HtmlElement | str) -> tuple[Comment, ...]:
    """Every reader comment on the page, replies flattened in document order, deduplicated."""
    tree = tree_or_html if isinstance(tree_or_html, HtmlElement) else _parse(tree_or_html)
    return scan_comments(tree).comments if tree is not None else ()


def scan_comments(tree: HtmlElement) -> CommentScan:
    """Comments plus the elements to prune from the page; the tree is not modified."""
    regions = _outermost(_REGIONS(tree))
    comments: list[Comment] = []
    elements: list[HtmlElement] = []
    for markup in _MARKUPS:
        items = _in_regions(regions, markup.items)
        comments.extend(_read_items(items, markup))
        elements.extend(items)
    comments.extend(_json_ld_comments(tree))
    if not comments:
        items = _generic_items(regions)
        comments.extend(_read_items(items, _GENERIC))
        elements.extend(items)
    sections = [el for el in _in_regions(regions, _SECTIONS) if not _ARTICLE_MARKERS(el)]
    return CommentScan(_deduplicate(comments), tuple(elements + sections))


# Every markup handled here names itself "comment", "disqus" or "wpd…" in a class, id or item
# type. Searching only under such elements instead of the whole page took the scan from 5 ms
# to about 1.5 ms a page on the benchmark's 181 pages (median 743 elements); 68 of them have
# no such element at all.
_REGIONS = etree.XPath(
    "//*[contains(@class, 'omment') or contains(@id, 'omment') or contains(@id, 'disqus') "
    "or contains(@id, 'wpdcom') or contains(@itemtype, 'Comment')]"
)


def _outermost(candidates: list[HtmlElement]) -> list[HtmlElement]:
    found = set(candidates)
    return [el for el in candidates if not any(a in found for a in el.iterancestors())]


def _in_regions(regions: list[HtmlElement], xpath: etree.XPath | None) -> list[HtmlElement]:
    """Matches under each region, in document order (regions are disjoint and ordered)."""
    if xpath is None:
        return []
    return [el for region in regions for el in _evaluate(region, xpath)]


def _parse(html: str) -> HtmlElement | None:
    try:
        tree: HtmlElement | None = load_html(html)
    except (ValueError, TypeError, etree.LxmlError):
        return None
    return tree


def _evaluate(tree: HtmlElement, xpath: etree.XPath) -> list[HtmlElement]:
    return [el for el in xpath(tree) if isinstance(el, HtmlElement)]


def _read_items(items: list[HtmlElement], markup: _Compiled) -> Iterator[Comment]:
    owners = set(items)
    for item in items:
        comment = _read_item(item, markup, owners)
        if comment is not None:
            yield comment


def _read_item(item: HtmlElement, markup: _Compiled, owners: set[HtmlElement]) -> Comment | None:
    """One comment from its own part of the item (nested replies belong to their own items)."""
    authors = _first_own(item, markup.author, owners)
    dates = _first_own(item, markup.date, owners)
    texts = _own(item, markup.text, owners) if markup.text is not None else []
    if texts:
        text = "\n".join(_text_of(el) for el in texts)
    else:  # no marked text: whatever the item says besides author, date, controls and replies
        chrome = set(_own(item, _CHROME, owners)) | set(authors) | set(dates)
        text = _text_of(item, skip=chrome, nested=owners)
    if not text:
        return None
    author, written_date = next(
        (found for found in map(_author_name, authors) if found[0]), _NO_NAME
    )
    return Comment(text=text, author=author, published=_first_date(dates) or written_date)


# Reply links, vote buttons, avatars and meta lines are not what the reader wrote.
_CHROME = etree.XPath(
    ".//*[contains(@class, 'reply') or contains(@class, 'meta') or contains(@class, 'avatar') "
    "or contains(@class, 'action') or contains(@class, 'vote') or contains(@class, 'share') "
    "or contains(@class, 'author') or contains(@class, 'date')]"
)


def _first_own(
    item: HtmlElement, xpaths: tuple[etree.XPath, ...], owners: set[HtmlElement]
) -> list[HtmlElement]:
    for xpath in xpaths:
        found = _own(item, xpath, owners)
        if found:
            return found
    return []


def _own(item: HtmlElement, xpath: etree.XPath, owners: set[HtmlElement]) -> list[HtmlElement]:
    """Matches of ``xpath`` inside ``item`` that do not sit inside a nested reply."""
    return [el for el in _evaluate(item, xpath) if _owner(el, owners) is item]


def _owner(el: HtmlElement, owners: set[HtmlElement]) -> HtmlElement | None:
    for ancestor in el.iterancestors():
        if ancestor in owners:
            return ancestor
    return None


def _text_of(
    root: HtmlElement,
    skip: set[HtmlElement] | None = None,
    nested: set[HtmlElement] | None = None,
) -> str:
    """Visible text of ``root`` with block elements as line breaks; code and controls dropped,
    and so are the ``skip`` elements and any ``nested`` comment item other than ``root``.

    Walked with iterwalk, not recursion: a hostile page can nest elements thousands deep.
    """
    skip, nested = skip or set(), nested or set()
    parts: list[str] = []
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = el.tag if isinstance(el.tag, str) else ""
        dropped = not tag or tag in _SKIP_TAGS or el in skip or (el in nested and el is not root)
        if event == "start":
            if dropped:
                walker.skip_subtree()
                continue
            parts.append("\n" if tag in _BLOCK_TAGS else "")
            parts.append(el.text or "")
        else:
            parts.append("\n" if tag in _BLOCK_TAGS and not dropped else "")
            if el is not root:
                parts.append(el.tail or "")
    return _tidy("".join(parts))


def _tidy(text: str) -> str:
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


# Markup inside plain-text fields (JSON-LD strings, <title>, meta content): code blocks go with
# their content, other tags leave their text. Tags are never meaningful there, and a script
# in a title is an attack on whoever displays it.
_CODE_BLOCK = re.compile(r"<(script|style)\b[^>]*>.*?(</\1\s*>|$)", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<!--.*?-->|</?[a-zA-Z][^>]*>", re.DOTALL)
_BLOCK_TAG = re.compile(r"</?(p|br|div|li|blockquote)\b[^>]*>", re.IGNORECASE)


def strip_markup(text: str) -> str:
    """Plain text of a string that may carry HTML; paragraphs and <br> become line breaks."""
    text = _CODE_BLOCK.sub(" ", text)
    return _tidy(_TAG.sub("", _BLOCK_TAG.sub("\n", text)))


# Authors are names, not paragraphs: 80 characters holds any real display name.
_MAX_AUTHOR_CHARS = 80
_SAYS = re.compile(r"\s*(says|said|wrote)\s*:?\s*$", re.IGNORECASE)
# What joins a name to the date written after it: "Jane on May 5, 2019", "Jane | 5 May 2019".
_JOINER = re.compile(r"(?:\s*(?:,|\||-|–|—|·|\bon\b|\bat\b))+\s*$", re.IGNORECASE)
_NO_NAME: tuple[str | None, str | None] = (None, None)


def _author_name(el: HtmlElement) -> tuple[str | None, str | None]:
    """The display name, and the date when the theme prints it inside the author line."""
    name = el.get("content") or _text_of(el).replace("\n", " ")
    name = _SAYS.sub("", name).strip()
    written = _find_date(name)
    if written is not None and written[1] > 0:
        name = _JOINER.sub("", name[: written[1]]).strip()
    if not 0 < len(name) <= _MAX_AUTHOR_CHARS:
        return _NO_NAME
    return name, written[0] if written else None


def _first_date(elements: Iterable[HtmlElement]) -> str | None:
    for el in elements:
        for raw in _date_candidates(el):
            found = normalize_date(raw)
            if found:
                return found
    return None


def _date_candidates(el: HtmlElement) -> Iterator[str]:
    """Machine-readable attributes first, then the visible text (often "2 hours ago": useless)."""
    for attr in ("datetime", "content", "title"):
        if el.get(attr):
            yield str(el.get(attr))
    for time_el in el.iter("time"):
        if time_el.get("datetime"):
            yield str(time_el.get("datetime"))
    yield _text_of(el)


_ISO = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# "November 5, 2019 at 3:12 pm", "5 Nov 2019", "Tuesday, November 5, 2019 3:12 PM".
_HUMAN = re.compile(
    r"(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+)?(?<![a-z])(?P<month>"
    + "|".join(_MONTHS)
    + r")[a-z]*\.?\s+"
    r"(?:(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+)?(?P<year>\d{4})"
    r"(?:\D{0,8}?(?P<hour>\d{1,2}):(?P<minute>\d{2})\s*(?P<ampm>[ap])?\.?m?\.?)?",
    re.IGNORECASE,
)


def normalize_date(raw: str) -> str | None:
    """ISO date or datetime from an attribute or a written date; None when there is none."""
    found = _find_date(raw)
    return found[0] if found else None


def _find_date(raw: str) -> tuple[str, int] | None:
    """The first valid date in ``raw`` as ISO, with where it starts."""
    iso = _ISO.search(raw)
    if iso and _checked_iso(iso[0]):
        return iso[0], iso.start()
    for human in _HUMAN.finditer(raw):
        found = _human_to_iso(human)
        if found:
            return found, human.start()
    return None


def _checked_iso(value: str) -> str | None:
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return value


def _human_to_iso(match: re.Match[str]) -> str | None:
    month = _MONTHS.index(match["month"].lower()) + 1
    day = match["d1"] or match["d2"]
    if day is None:
        return None
    hour, minute = int(match["hour"] or 0), int(match["minute"] or 0)
    if match["ampm"] and match["ampm"].lower() == "p" and hour < 12:
        hour += 12
    elif match["ampm"] and match["ampm"].lower() == "a" and hour == 12:
        hour = 0
    try:
        when = datetime(int(match["year"]), month, int(day), hour, minute)
    except ValueError:
        return None
    return when.isoformat(timespec="minutes") if match["hour"] else when.date().isoformat()


# --- schema.org Comment objects in JSON-LD --------------------------------------------------


def _json_ld_comments(tree: HtmlElement) -> Iterator[Comment]:
    for script in tree.iter("script"):  # a C-level tag scan: no XPath over every element
        if script.get("type") != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
        except (ValueError, RecursionError):
            continue
        for node in _json_comment_nodes(data):
            comment = _json_comment(node)
            if comment is not None:
                yield comment


def _json_comment_nodes(data: Any) -> Iterator[dict[str, Any]]:
    """Comment objects anywhere in the JSON, parents before their replies (document order)."""
    stack: list[Any] = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(reversed(node))
        elif isinstance(node, dict):
            if _is_comment_type(node.get("@type")):
                yield node
            stack.extend(reversed(list(node.values())))


def _is_comment_type(value: Any) -> bool:
    types = value if isinstance(value, list) else [value]
    return any(isinstance(t, str) and t.rsplit("/", 1)[-1] == "Comment" for t in types)


def _json_comment(node: dict[str, Any]) -> Comment | None:
    text = node.get("text") or node.get("commentText")
    if not isinstance(text, str) or not strip_markup(text):
        return None
    date = node.get("dateCreated") or node.get("datePublished")
    published = normalize_date(date) if isinstance(date, str) else None
    author = _json_author(node.get("author"))
    return Comment(text=strip_markup(text), author=author, published=published)


def _json_author(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name")
    name = strip_markup(value).replace("\n", " ") if isinstance(value, str) else ""
    return name if 0 < len(name) <= _MAX_AUTHOR_CHARS else None


# --- generic fallback: a "comment" container with exactly one author -------------------------

# A class or id part such as comment, comments, comment-body, user_comment — not "commentary",
# which opinion pages use for the article itself.
_COMMENT_WORD = re.compile(r"(?:^|[-_\s])comments?(?:$|[-_\s])", re.IGNORECASE)
_AUTHOR_CLASSES = etree.XPath(
    "descendant-or-self::*[contains(@class, 'author') or contains(@class, 'username') or "
    "contains(@class, 'user-name') or contains(@class, 'nickname') or "
    "contains(@class, 'commenter') or " + _cls("fn") + "][not(self::label or self::input)]"
)
_GENERIC = _Markup(
    items="",
    author=(".//*[contains(@class, 'author') or contains(@class, 'name') or " + _cls("fn") + "]",),
    date=(".//time", ".//*[contains(@class, 'date') or contains(@class, 'time')]"),
    text=".//*[contains(@class, 'comment-text') or contains(@class, 'comment-content') or "
    "contains(@class, 'comment-body') or contains(@class, 'message')]",
).compiled()
# Not reader comments: reply forms, sidebar widgets listing other posts' comments, pingbacks.
_NOT_A_THREAD = re.compile(r"form|widget|sidebar|pingback|trackback|recent", re.IGNORECASE)
_HEADINGS = etree.XPath(".//h1 | .//h2 | .//h3 | .//h4 | .//form")
# A comment longer than this is an article wrapped in a "comment"-named div, not a comment.
_MAX_GENERIC_CHARS = 10_000
# Teaser lists ("Comment: <headline>" cards) are mostly link text; readers' comments are not.
_MAX_LINK_SHARE = 0.5


def _generic_items(regions: list[HtmlElement]) -> list[HtmlElement]:
    """Climb from each author name in a comment region to the largest element it alone holds."""
    authors = [
        (el, region)
        for el in _in_regions(regions, _AUTHOR_CLASSES)
        if el.text_content().strip() and (region := _comment_region(el)) is not None
    ]
    per_ancestor: dict[HtmlElement, int] = {}
    for author, _region in authors:
        for ancestor in author.iterancestors():
            per_ancestor[ancestor] = per_ancestor.get(ancestor, 0) + 1
    items: dict[HtmlElement, None] = {}  # an ordered set: authors come in document order
    for author, region in authors:
        item = _largest_owned(author, region, per_ancestor)
        if item is not None and item not in items and _plausible_comment(item):
            items[item] = None
    return list(items)


def _comment_region(el: HtmlElement) -> HtmlElement | None:
    """The nearest ancestor named like a comment container, unless it is a form or widget."""
    for ancestor in el.iterancestors():
        if ancestor.tag in ("body", "html", "aside", "form"):
            return None  # <body> classes come from the theme ("comments-open"), not the thread
        marks = f"{ancestor.get('class', '')} {ancestor.get('id', '')}"
        if _NOT_A_THREAD.search(marks):
            return None
        if _COMMENT_WORD.search(marks):
            return ancestor
    return None


def _largest_owned(
    author: HtmlElement, region: HtmlElement, per_ancestor: dict[HtmlElement, int]
) -> HtmlElement | None:
    best: HtmlElement | None = None
    for ancestor in author.iterancestors():
        if per_ancestor.get(ancestor, 0) > 1:
            break
        best = ancestor
        if ancestor is region:
            break
    return best


def _plausible_comment(item: HtmlElement) -> bool:
    if _HEADINGS(item) or _ARTICLE_MARKERS(item):
        return False
    text = item.text_content()
    if not text.strip() or len(text) > _MAX_GENERIC_CHARS:
        return False
    link_chars = sum(len(a.text_content()) for a in item.iter("a"))
    return link_chars <= _MAX_LINK_SHARE * len(text.strip())


def _deduplicate(comments: Iterable[Comment]) -> tuple[Comment, ...]:
    """Drop repeats (a thread as markup and JSON-LD); an authored copy beats an anonymous one."""
    kept: dict[str, Comment] = {}
    for comment in comments:
        key = " ".join(comment.text.split()).casefold()
        previous = kept.get(key)
        if previous is None:
            kept[key] = comment
        elif previous.author != comment.author and previous.author and comment.author:
            kept[f"{key}\x00{comment.author}"] = comment  # two readers posting the same words
        elif previous.author is None or previous.published is None:
            kept[key] = Comment(
                previous.text,
                previous.author or comment.author,
                previous.published or comment.published,
            )
    return tuple(kept.values())
