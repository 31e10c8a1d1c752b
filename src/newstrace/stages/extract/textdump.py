"""Plain-text page dumps (``.txt`` scrapes, WET records) → article body, metadata, comments.

A dump has no markup, so structure comes from the shape of its lines (see ``textdump_lines``):
each paragraph unit is classified as prose, bullet, short title-like line, chrome (boilerplate
lexicon in ``textdump_lexicon``) or a link-list heading. Then, in the spirit of boilerpipe and
jusText applied to lines:

1. the comment thread is cut off at its first marker after the article prose;
2. the article is the highest-scoring contiguous run of units (maximum-subarray over scores:
   prose earns its length in characters, short lines, chrome and link lists cost), so the
   donation ladder above and the related-links list below fall outside it;
3. inside that run, chrome, captions, repeated lines, the title, bylines and link lists are
   dropped; headings, bullets and quotes between paragraphs stay.

Body paragraphs are verbatim (stripped) substrings of the dump, joined with blank lines, so
sentence offsets into the body can be traced back to the page. Everything is linear in the
size of the dump.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from newstrace.records import Extraction
from newstrace.stages.extract.textdump_comments import find_thread_start, split_comments
from newstrace.stages.extract.textdump_lines import (
    Kind,
    Unit,
    classify,
    has_url,
    name_like,
    normalize,
    split_units,
)
from newstrace.stages.extract.textdump_meta import (
    find_author,
    find_outlet,
    find_published,
    is_meta_line,
)

# Unit scores for the main-block search. Prose earns its length in characters; chrome costs its
# length plus 40, so a one-word "Advertisement" between two paragraphs costs -53 and a 150-char
# cookie notice -190. A 300-character paragraph outweighs a caption plus a repeated title inside
# the article (-72 - 80), while a link list of five short lines under a "Related" heading costs
# -425 and stays outside.
_SHORT_SCORE = -25
_CHROME_BASE_SCORE = -40
_LINK_HEAD_SCORE = -300
_REPEATED_SCORE = -80  # a non-prose line seen twice or more: title copies, alt text, menus
_BULLET_MIN_CHARS = 40  # shorter list items are link/menu entries more often than content
_SHORT_RUN = 3  # three title-like lines in a row inside the article are a link list, not headings
_HEADER_UNITS = 12  # bylines and dates sit within a dozen lines above the article
_TAIL_UNITS = 3  # a signature sits within three lines below it
_TITLE_REACH = 6  # without repetition, the headline is within six lines above the article
_MAX_TITLE_WORDS = 30


def clean_text_dump(text: str) -> Extraction:
    """Clean one page dump: body, title, outlet, author, date and the separated comments."""
    units = split_units(text)
    kinds = _classify_all(units)
    start = find_thread_start(units, kinds)
    comments, chrome_at = split_comments(units[start:], kinds[start:])
    zone = _Zone.of(units[:start], kinds[:start])
    lo, hi = _main_block(zone)
    title, site = _find_title(zone, lo, hi)
    kept = _body_indices(zone, (lo, hi), title)
    body = [zone.units[i].text for i in kept]
    first = body[0] if body else None
    header = _header(zone, lo, hi)
    outside = _chrome_lines(zone, kept, units[start:], kinds[start:], chrome_at)
    return Extraction(
        body="\n\n".join(body),
        title=title,
        outlet=find_outlet(outside, site, first),
        author=find_author(header, [u.text for u in zone.units[hi : hi + _TAIL_UNITS]]),
        published=find_published(header, title, first),
        comments=comments,
        method="text-dump",
    )


def _chrome_lines(
    zone: _Zone, kept: list[int], thread: list[Unit], thread_kinds: list[Kind], chrome_at: int
) -> list[str]:
    """Where the site names itself: article-zone lines not in the body, chrome inside the
    thread, and the page footer after it (never body or comment text)."""
    kept_set = set(kept)
    lines = [unit.text for i, unit in enumerate(zone.units) if i not in kept_set]
    pairs = zip(thread[:chrome_at], thread_kinds[:chrome_at], strict=True)
    lines += [unit.text for unit, kind in pairs if kind is Kind.CHROME]
    return lines + [unit.text for unit in thread[chrome_at:]]


def _classify_all(units: list[Unit]) -> list[Kind]:
    """Kinds of all units; each distinct line is classified once ("Reply", "Share", menus)."""
    cache: dict[str, Kind] = {}
    kinds = []
    for unit in units:
        kind = cache.get(unit.text)
        if kind is None:
            kind = cache[unit.text] = classify(unit)
        kinds.append(kind)
    return kinds


@dataclass(frozen=True, slots=True)
class _Zone:
    """The article part of the dump (everything above the comment thread)."""

    units: list[Unit]
    kinds: list[Kind]
    keys: list[str]  # normalize(text) of each unit, computed once
    counts: Counter[str]  # how often each key occurs: repeated lines are chrome or title copies

    @classmethod
    def of(cls, units: list[Unit], kinds: list[Kind]) -> _Zone:
        keys = [normalize(unit.text) for unit in units]
        return cls(units, kinds, keys, Counter(keys))

    def repeated(self, i: int) -> bool:
        return self.counts[self.keys[i]] > 1


def _header(zone: _Zone, lo: int, hi: int) -> list[str]:
    """Lines where bylines and dates live: above the main block, plus meta lines inside it."""
    above = zone.units[max(0, lo - _HEADER_UNITS) : lo] if lo < hi else zone.units[:_HEADER_UNITS]
    inside = [zone.units[i].text for i in range(lo, hi) if zone.kinds[i] is not Kind.PROSE]
    return [unit.text for unit in above] + [text for text in inside if is_meta_line(text)]


def _score(zone: _Zone, i: int) -> int:
    kind, text = zone.kinds[i], zone.units[i].text
    if kind is Kind.PROSE:
        return len(text)
    if kind is Kind.CHROME:
        return _CHROME_BASE_SCORE - len(text)
    if kind is Kind.LINK_HEAD:
        return _LINK_HEAD_SCORE
    if zone.repeated(i):
        return _REPEATED_SCORE
    if kind is Kind.BULLET and len(text) >= _BULLET_MIN_CHARS:
        return len(text) // 2  # list items are content, but less certainly than prose
    return _SHORT_SCORE


def _main_block(zone: _Zone) -> tuple[int, int]:
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


def _title_shaped(unit: Unit, kind: Kind) -> bool:
    text = unit.text
    return (
        kind in (Kind.SHORT, Kind.PROSE)
        and 2 <= unit.words <= _MAX_TITLE_WORDS
        and not text.endswith((".", ":", ";", ","))
        and not has_url(text)
        and not is_meta_line(text)
    )


def _find_title(zone: _Zone, lo: int, hi: int) -> tuple[str | None, str | None]:
    """Headline and, from a "Headline | Site" line, the site name.

    A line repeated on the page (page title, og:title, image alt) wins; else the nearest
    title-shaped line above the article; else its first line when that is title-shaped.
    """
    units, kinds = zone.units, zone.kinds
    above = [i for i in range(lo) if _title_shaped(units[i], kinds[i])]
    if lo < hi and _title_shaped(units[lo], kinds[lo]) and not name_like(units[lo].text):
        above.append(lo)
    multi = [i for i in above if units[i].words >= 3]
    repeated = [i for i in multi if zone.repeated(i)]
    near = [i for i in multi if i >= lo - _TITLE_REACH]
    for pool in (repeated, near[::-1], multi, above):
        if pool:
            return _split_site(units[pool[0]].text)
    return None, None


def _split_site(line: str) -> tuple[str, str | None]:
    """ "Headline | Site" → ("Headline", "Site"); dashes are left alone ("… – Report")."""
    parts = [part.strip() for part in line.split(" | ")]
    if len(parts) == 2:
        longer, shorter = sorted(parts, key=lambda part: len(part.split()), reverse=True)
        if len(shorter.split()) <= 5 and len(longer.split()) >= 3:
            return longer, shorter
    return line, None


def _body_indices(zone: _Zone, block: tuple[int, int], title: str | None) -> list[int]:
    """Units of the main block that are article text (all non-chrome units if there is none)."""
    lo, hi = block if block[0] < block[1] else (0, len(zone.units))
    title_key = normalize(title) if title else None
    kept: list[int] = []
    seen: set[str] = set()
    in_links = False
    for i in range(lo, hi):
        kind, key = zone.kinds[i], zone.keys[i]
        if kind is Kind.LINK_HEAD or kind is Kind.PROSE:
            in_links = kind is Kind.LINK_HEAD  # a link list runs until the prose resumes
        if _dropped(zone, i, in_links) or key == title_key or key in seen:
            continue
        seen.add(key)
        kept.append(i)
    return _drop_short_runs(kept, zone.kinds)


def _dropped(zone: _Zone, i: int, in_links: bool) -> bool:
    kind = zone.kinds[i]
    if kind in (Kind.CHROME, Kind.LINK_HEAD) or not zone.keys[i]:
        return True
    if kind is Kind.PROSE:
        return False
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
