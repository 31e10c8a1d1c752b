"""The headline of a plain-text page dump.

Menus, section names, standfirsts, captions, slogans and bylines are short title-shaped lines at
the top of a page too, so the line nearest the article is often not its headline. Candidates
above the article are scored instead, on signals that hold across outlets:

* the headline announces the story: most of its content words recur in the lead paragraphs
  (a section name, a slogan or a "Listen to this article" button share none);
* it is a phrase of 5–20 words (menu items and section names have 1–3);
* pages repeat it (page title, og:title, image alt text);
* it sits close above the article.

Words that recur across the page's chrome (the outlet's name in the masthead, the donation
banner and the footer) do not count as overlap: a "Support <Outlet>" banner shares them with a
lead that quotes the outlet ("… told <Outlet>"), a headline does not need them.
"""

from __future__ import annotations

import re
from collections import Counter

from newstrace.stages.extract import textdump_lexicon as lex
from newstrace.stages.extract.textdump_lines import Kind, Unit, Zone, has_url, name_like
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
_CHROME_WORD_LINES = 3  # a word on 3+ distinct lines around the article is the site's own


def find_title(zone: Zone, lo: int, hi: int) -> tuple[str | None, str | None]:
    """Headline and, from a "Headline | Site" line, the site name; (None, None) if none fits."""
    units, kinds = zone.units, zone.kinds
    candidates = [i for i in range(lo) if _title_shaped(units[i], kinds[i])]
    if lo < hi and _title_shaped(units[lo], kinds[lo]) and not name_like(units[lo].text):
        candidates.append(lo)
    if not candidates:
        return None, None
    lead = _lead_words(zone, lo, hi)
    common = _site_words(zone, lo, hi)
    best = max(candidates, key=lambda i: (_score(zone, i, lo, lead - common, common), i))
    return _split_site(units[best].text)


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
    outside = {key for i, key in enumerate(zone.keys) if not lo <= i < hi}
    counts = Counter(word for key in outside for word in content_words(key))
    return frozenset(word for word, n in counts.items() if n >= _CHROME_WORD_LINES)


def content_words(text: str) -> frozenset[str]:
    words = (word.lower() for word in _CONTENT_WORD.findall(text))
    return frozenset(word for word in words if word not in lex.FUNCTION_WORDS)


def _score(
    zone: Zone, i: int, lo: int, lead: frozenset[str], common: frozenset[str]
) -> float:
    text = _split_site(zone.units[i].text)[0]
    words = content_words(text) - common
    score = _OVERLAP_WEIGHT * len(words & lead) / len(words) if words else 0.0
    score += _length_score(len(text.split()))
    if zone.repeated(i):
        score += _REPEAT_BONUS
    if _SEPARATORS.search(text):
        score -= 1.0
    return score - min(_DISTANCE_COST * (lo - i), _MAX_DISTANCE_COST)


def _length_score(words: int) -> float:
    if 5 <= words <= 20:
        return 1.5
    if words == 4:
        return 0.5
    return -1.0 if words <= 2 else 0.0


def _split_site(line: str) -> tuple[str, str | None]:
    """ "Headline | Site" → ("Headline", "Site"); dashes are left alone ("… – Report")."""
    parts = [part.strip() for part in line.split(" | ")]
    if len(parts) == 2:
        longer, shorter = sorted(parts, key=lambda part: len(part.split()), reverse=True)
        if len(shorter.split()) <= 5 and len(longer.split()) >= 3:
            return longer, shorter
    return line, None
