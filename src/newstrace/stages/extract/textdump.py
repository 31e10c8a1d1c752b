"""Plain-text page dumps (``.txt`` scrapes, WET records) → article body, metadata, comments.

A dump has no markup, so structure comes from the shape of its lines (see ``textdump_lines``):
each paragraph unit is classified as prose, bullet, short title-like line, chrome (boilerplate
lexicon in ``textdump_lexicon``), caption or a link-list heading. Then, in the spirit of
boilerpipe and jusText applied to lines:

1. the comment thread is cut off at its first marker after the article prose, and split into
   comments with their authors (``textdump_comments``);
2. the article is the highest-scoring contiguous run of units (maximum-subarray over scores:
   prose earns its length in characters, short lines, chrome and link lists cost), so the
   donation ladder above and the related-links list below fall outside it;
3. reader comments pasted after the article with no thread marker are split off at its end
   (``textdump_tail``), and the headline is scored among the lines above (``textdump_title``);
4. inside that run, chrome, captions, repeated lines, the title, bylines, teaser lists and a
   closing bio box are dropped; headings, bullets and quotes between paragraphs stay.

Body paragraphs are verbatim (stripped) substrings of the dump, joined with blank lines, so
sentence offsets into the body can be traced back to the page. Everything is linear in the
size of the dump.
"""

from __future__ import annotations

from newstrace.records import Extraction
from newstrace.stages.extract.textdump_comments import read_thread
from newstrace.stages.extract.textdump_dates import date_only
from newstrace.stages.extract.textdump_lines import (
    Kind,
    Unit,
    Zone,
    caption_label,
    classify,
    normalize,
    split_units,
)
from newstrace.stages.extract.textdump_meta import find_author, find_published, is_meta_line
from newstrace.stages.extract.textdump_outlet import find_outlet
from newstrace.stages.extract.textdump_tail import (
    drop_author_bio,
    teaser_lists,
    trailing_comments,
)
from newstrace.stages.extract.textdump_title import find_title

# Unit scores for the main-block search. Prose earns its length in characters; chrome costs its
# length plus 40, so a one-word "Advertisement" between two paragraphs costs -53 and a 150-char
# cookie notice -190. A 300-character paragraph outweighs a caption plus a repeated title inside
# the article (-72 - 80), while a link list of five short lines under a "Related" heading costs
# -425 and stays outside.
_SHORT_SCORE = -25
# A caption or credit between two paragraphs is normal article furniture: it costs a third of
# what chrome of its length costs (a 120-char caption -70, not -160), so a photo essay (caption,
# paragraph, caption…) stays one block while a gallery of captions above the article stays out.
_CAPTION_SCORE = -30
_CAPTION_LENGTH_DIVISOR = 3
_NOT_TEXT = (Kind.CHROME, Kind.CAPTION)
_CHROME_BASE_SCORE = -40
_LINK_HEAD_SCORE = -300
_REPEATED_SCORE = -80  # a non-prose line seen twice or more: title copies, alt text, menus
_BULLET_MIN_CHARS = 40  # shorter list items are link/menu entries more often than content
_SHORT_RUN = 3  # three title-like lines in a row inside the article are a link list, not headings
_DATE_LINE_WORDS = 12  # a date line with its weekday, time and label
_HEADER_UNITS = 12  # bylines and dates sit within a dozen lines above the article
_TAIL_UNITS = 3  # a signature sits within three lines below it
_CAPTION_WORDS = 30  # the line under an "Image caption," label is a caption of one sentence


def clean_text_dump(text: str) -> Extraction:
    """Clean one page dump: body, title, outlet, author, date and the separated comments."""
    units = split_units(text)
    kinds = _classify_all(units)
    thread = read_thread(units, kinds)
    start = thread.start
    zone = Zone.of(units[:start], kinds[:start])
    lo, hi = _main_block(zone)
    hi, loose = trailing_comments(zone, lo, hi)
    title, site = find_title(zone, lo, hi)
    kept = drop_author_bio(zone, _body_indices(zone, (lo, hi), title))
    body = [zone.units[i].text for i in kept]
    first = body[0] if body else None
    header = _header(zone, lo, hi)
    kept_set = set(kept)  # where the site names itself: never in body or comment text
    outside = [u.text for i, u in enumerate(zone.units) if i not in kept_set] + thread.chrome
    tail = [u.text for u in zone.units[hi : hi + _TAIL_UNITS]]
    return Extraction(
        body="\n\n".join(body),
        title=title,
        outlet=find_outlet(outside, site, first),
        author=find_author(header, tail, title),
        published=find_published(header, title, first),
        comments=loose + thread.comments,
        method="text-dump",
    )


def _classify_all(units: list[Unit]) -> list[Kind]:
    """Kinds of all units; each distinct line is classified once ("Reply", "Share", menus)."""
    cache: dict[str, Kind] = {}
    kinds = []
    for i, unit in enumerate(units):
        kind = cache.get(unit.text)
        if kind is None:
            kind = cache[unit.text] = classify(unit)
        if i and caption_label(units[i - 1].text) and unit.words <= _CAPTION_WORDS:
            kind = Kind.CAPTION  # "Image caption," / "<the caption>": a label, then its text
        kinds.append(kind)
    return kinds


def _header(zone: Zone, lo: int, hi: int) -> list[str]:
    """Lines where bylines and dates live: above the main block, plus meta lines inside it."""
    above = zone.units[max(0, lo - _HEADER_UNITS) : lo] if lo < hi else zone.units[:_HEADER_UNITS]
    inside = [zone.units[i].text for i in range(lo, hi) if zone.kinds[i] is not Kind.PROSE]
    return [unit.text for unit in above] + [text for text in inside if is_meta_line(text)]


def _score(zone: Zone, i: int) -> int:
    kind, text = zone.kinds[i], zone.units[i].text
    if kind is Kind.PROSE:
        return len(text)
    if kind is Kind.CHROME:
        return _CHROME_BASE_SCORE - len(text)
    if kind is Kind.LINK_HEAD:
        return _LINK_HEAD_SCORE
    if zone.repeated(i):
        return _REPEATED_SCORE  # a caption repeated by a gallery too
    if kind is Kind.CAPTION:
        return _CAPTION_SCORE - len(text) // _CAPTION_LENGTH_DIVISOR
    if kind is Kind.BULLET and len(text) >= _BULLET_MIN_CHARS:
        return len(text) // 2  # list items are content, but less certainly than prose
    return _SHORT_SCORE


def _main_block(zone: Zone) -> tuple[int, int]:
    """[lo, hi) of the highest-scoring contiguous run of units (Kadane); (0, 0) if none scores."""
    best, best_lo, best_hi = 0, 0, 0
    run, run_lo = 0, 0
    for i in range(len(zone.units)):
        if run <= 0:
            run, run_lo = 0, i
        run += _score(zone, i)
        if run > best:
            best, best_lo, best_hi = run, run_lo, i + 1
    return best_lo, best_hi


def _body_indices(zone: Zone, block: tuple[int, int], title: str | None) -> list[int]:
    """Units of the main block that are article text (all non-chrome units if there is none)."""
    lo, hi = block if block[0] < block[1] else (0, len(zone.units))
    title_key = normalize(title) if title else None
    kept: list[int] = []
    seen: set[str] = set()
    in_links = False
    teasers = teaser_lists(zone, lo, hi)
    for i in range(lo, hi):
        kind, key = zone.kinds[i], zone.keys[i]
        if (kind is Kind.LINK_HEAD or kind is Kind.PROSE) and i not in teasers:
            in_links = kind is Kind.LINK_HEAD  # a link list runs until the prose resumes
        if i in teasers or _dropped(zone, i, in_links) or key == title_key or key in seen:
            continue
        seen.add(key)
        kept.append(i)
    return _drop_short_runs(kept, zone.kinds)


def _dropped(zone: Zone, i: int, in_links: bool) -> bool:
    kind = zone.kinds[i]
    if kind in _NOT_TEXT or kind is Kind.LINK_HEAD or not zone.keys[i]:
        return True
    if kind is Kind.PROSE:
        # "Published: Monday, November 18th, 2019 at 11:08 a.m." ends like a sentence
        return zone.units[i].words <= _DATE_LINE_WORDS and date_only(zone.units[i].text) is not None
    return in_links or zone.repeated(i) or is_meta_line(zone.units[i].text)


def _drop_short_runs(kept: list[int], kinds: list[Kind]) -> list[int]:
    """Remove runs of 3+ consecutive kept title-like lines: menus and link lists, not headings."""
    out: list[int] = []
    run: list[int] = []
    for i in [*kept, -1]:
        if i >= 0 and kinds[i] is Kind.SHORT:
            run.append(i)
            continue
        if len(run) < _SHORT_RUN:
            out.extend(run)
        run = []
        if i >= 0:
            out.append(i)
    return out
