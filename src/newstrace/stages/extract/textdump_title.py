"""The headline of a plain-text page dump.

Menus, section names, standfirsts, captions, slogans and bylines are short title-shaped lines at
the top of a page too, so the line nearest the article is often not its headline. Candidates
above the article are scored instead, on signals that hold across outlets:

* the headline announces the story: most of its content words recur in the lead paragraphs
  (a section name, a slogan or a "Listen to this article" button share none);
* it is a phrase of 5–20 words (menu items and section names have 1–3);
* pages repeat it (page title, og:title, image alt text), often as "Headline - Outlet";
* it stands alone: three or more such lines in one block are a list (key points, links);
* it sits close above the article.

Words that recur across the page's chrome (the outlet's name in the masthead, the donation
banner and the footer) do not count as overlap: a "Support <Outlet>" banner shares them with a
lead that quotes the outlet ("… told <Outlet>"), a headline does not need them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from newstrace.stages.extract import textdump_lexicon_names as names
from newstrace.stages.extract.textdump_lines import (
    Kind,
    Unit,
    Zone,
    has_url,
    name_like,
    normalize,
)
from newstrace.stages.extract.textdump_meta import is_meta_line

_MAX_TITLE_WORDS = 30
_LEAD_CHARS = 1500  # the lead paragraphs restate the headline within the first ~250 words
_CONTENT_WORD = re.compile(r"[^\W\d_]{3,}")
_SEPARATORS = re.compile(r"\s[·•]\s")  # "Middle East · Staff writer · 8 min read": a meta row
# Weights: overlap with the lead (0–1) counts most; a repeated 10-word line with no overlap
# (a slogan in the header and footer) scores 3.0, a headline sharing half its words 3.0 + 1.5.
_OVERLAP_WEIGHT = 3.0
_REPEAT_BONUS = 1.5
_DISTANCE_COST, _MAX_DISTANCE_COST = 0.05, 1.5  # per unit above the article
_SITE_SUFFIX = re.compile(r"\s+(?:[|–—:-]|::)\s+(?=[^|–—:-]{2,60}\Z)")  # "Headline - Outlet"
_LIST_RUN, _LIST_COST = 3, 1.5  # 3+ candidate lines in one block are a list: -1.5 each
_CHROME_WORD_LINES = 3  # a word on 3+ distinct lines around the article is the site's own
_SITE_LINE_WORDS = 12  # mastheads, menus, banners and footers are short lines; teasers are not
# Headlines sit within a few dozen lines above the article (menus can be long); farther up only
# a line the page repeats (the <title> at the top of the dump) is a candidate.
_REACH = 40
_TOP_LINES = 3  # … and the first lines of the dump, where the page's <title> usually lands
_TOP_DISTANCE_COST = 0.5
_MIN_OVERLAP_BASE = 3
_AGREE_WEIGHT = 2.0  # shared words with the <title> line's headline (0–1), for other lines
_MAX_SITE_WORDS = 6  # "Headline – Outlet Name": the outlet's name is short


def find_title(zone: Zone, lo: int, hi: int) -> tuple[str | None, str | None]:
    """Headline and, from a "Headline | Site" line, the site name; (None, None) if none fits."""
    units, kinds = zone.units, zone.kinds
    near = lo - _REACH
    candidates = [
        i
        for i in range(lo)
        if (i >= near or i < _TOP_LINES or zone.repeated(i)) and _title_shaped(units[i], kinds[i])
    ]
    if lo < hi and _title_shaped(units[lo], kinds[lo]) and not name_like(units[lo].text):
        candidates.append(lo)
    if not candidates:
        return None, None
    # a headline-shaped first line of the block is a candidate, not part of the lead it is
    # compared with (else a disclosure line above the article would "share" all its words)
    lead_from = lo + 1 if candidates[-1] == lo else lo
    common = _site_words(zone, lo, hi)
    top = max((i for i in candidates if i < _TOP_LINES), key=lambda i: units[i].words, default=-1)
    top_words = content_words(_headline_part(units[top].text)) - common if top >= 0 else frozenset()
    page = _Page(_lead_words(zone, lead_from, hi), common, _stems(zone, lo), top, top_words)
    listed = _listed(zone, candidates)
    best = max(candidates, key=lambda i: (_score(zone, i, lo, page) - listed.get(i, 0.0), i))
    title, site = _split_site(units[best].text)
    return (title, site) if site else _strip_site(zone, best, title)


def _strip_site(zone: Zone, i: int, text: str) -> tuple[str, str | None]:
    """ "Headline - Outlet" → ("Headline", "Outlet") when the page names itself "Outlet"
    elsewhere (masthead, footer); "Russia refused … – Report" keeps its dash."""
    parts = _SITE_SUFFIX.split(text)
    if len(parts) != 2 or len(parts[1].split()) > _MAX_SITE_WORDS:
        return text, None
    suffix = normalize(parts[1])
    for j, key in enumerate(zone.keys):
        if j != i and suffix and (key == suffix or key.startswith(suffix + " ")):
            return parts[0], parts[1]
    return text, None


def _title_shaped(unit: Unit, kind: Kind) -> bool:
    text = unit.text
    return (
        kind in (Kind.SHORT, Kind.PROSE)
        and 2 <= unit.words <= _MAX_TITLE_WORDS
        and not text.endswith((".", ":", ";", ","))
        and not has_url(text)
        and not is_meta_line(text)
    )


def _lead_words(zone: Zone, lo: int, hi: int) -> frozenset[str]:
    parts: list[str] = []
    size = 0
    for i in range(lo, hi):
        if zone.kinds[i] is Kind.PROSE and size < _LEAD_CHARS:
            parts.append(zone.units[i].text)
            size += len(parts[-1])
    return content_words(" ".join(parts))


def _site_words(zone: Zone, lo: int, hi: int) -> frozenset[str]:
    """Words on several distinct lines outside the article: the outlet's name, section names."""
    outside = {
        key
        for i, key in enumerate(zone.keys)
        if not lo <= i < hi and zone.units[i].words <= _SITE_LINE_WORDS
    }
    counts = Counter(word for key in outside for word in content_words(key))
    return frozenset(word for word, n in counts.items() if n >= _CHROME_WORD_LINES)


def content_words(text: str) -> frozenset[str]:
    return frozenset(_CONTENT_WORD.findall(text.lower())) - names.FUNCTION_WORDS


@dataclass(frozen=True, slots=True)
class _Page:
    lead: frozenset[str]  # content words of the lead paragraphs, minus the site's own words
    common: frozenset[str]  # the site's own words (masthead, footer, banners)
    stems: frozenset[str]  # normalised "Headline" of every "Headline - Outlet" line above
    top: int  # the page's <title> line among the first lines of the dump (-1: none)
    top_words: frozenset[str]  # its headline's content words


def _stems(zone: Zone, lo: int) -> frozenset[str]:
    stems = set()
    for i in range(lo):
        text = zone.units[i].text
        if " | " in text or _SITE_SUFFIX.search(text):
            stems.add(normalize(_headline_part(text)))
    return frozenset(stems)


def _headline_part(text: str) -> str:
    """ "Headline | Section | Site", "Headline - Site" → "Headline"."""
    return _SITE_SUFFIX.split(_split_site(text)[0])[0]


def _listed(zone: Zone, candidates: list[int]) -> dict[int, float]:
    """Penalty for candidates in a block of 3+ consecutive candidate lines: a list, not a title."""
    out: dict[int, float] = {}
    run: list[int] = []
    for i in [*candidates, -1]:
        if run and i == run[-1] + 1 and zone.units[i].gap == 0:
            run.append(i)
            continue
        if len(run) >= _LIST_RUN:
            out.update(dict.fromkeys(run, _LIST_COST))
        run = [i]
    return out


def _score(zone: Zone, i: int, lo: int, page: _Page) -> float:
    text = _split_site(zone.units[i].text)[0]
    words = content_words(text) - page.common
    lead = page.lead - page.common
    # at least 3 words in the denominator: "Hong Kong" (a topic tag) sharing its two words with
    # the lead is not as sure a headline as eight shared words out of ten
    score = _OVERLAP_WEIGHT * len(words & lead) / max(len(words), _MIN_OVERLAP_BASE)
    score += _length_score(len(text.split()))
    if zone.repeated(i) or zone.keys[i] in page.stems:
        score += _REPEAT_BONUS
    if i != page.top and words:  # the headline restates the page's <title>
        score += _AGREE_WEIGHT * len(words & page.top_words) / max(len(words), _MIN_OVERLAP_BASE)
    if _SEPARATORS.search(text):
        score -= 1.0
    far = _TOP_DISTANCE_COST if i < _TOP_LINES else _MAX_DISTANCE_COST  # the <title> line
    return score - min(_DISTANCE_COST * (lo - i), far)


def _length_score(words: int) -> float:
    if 5 <= words <= 20:
        return 1.5
    if words == 4:
        return 0.5
    return -2.0 if words <= 2 else -0.5 if words == 3 else 0.0


def _split_site(line: str) -> tuple[str, str | None]:
    """ "Headline | Site" → ("Headline", "Site"), "Headline | Section | Site" → ("Headline",
    "Site"); dashes are left alone here ("… – Report", see ``_strip_site``)."""
    parts = [part.strip() for part in line.split(" | ")]
    if len(parts) >= 2:
        longest = max(parts, key=lambda part: len(part.split()))
        others = [part for part in parts if part is not longest]
        if all(len(part.split()) <= 5 for part in others) and len(longest.split()) >= 3:
            return longest, others[-1]
    return line, None
