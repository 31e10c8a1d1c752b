"""The outlet of a plain-text page dump: where the site names itself.

Copyright lines, consent and newsletter notices, "Outlet | Home" navigation, donation and
"Follow <Outlet> on …" banners name the site; a "Headline | Site" title and a wire dateline's
agency are weaker hints. Only lines outside the article body and the comments are searched.
"""

from __future__ import annotations

import re

from newstrace.stages.extract import textdump_lexicon_names as names
from newstrace.stages.extract.textdump_dates import DATELINE

_AGENCY = re.compile(r"\(([^()]{2,40}(?:\([^()]*\))?)\)")
_OUTLET_PATTERNS = (
    # syndication footers name the publishing site outright
    re.compile(
        r"original source of this article is (?P<name>[^.]{2,60}?(?:\([^()]*\))?)\.?$", re.I
    ),
    # "Copyright © Author, Outlet, 2024"
    re.compile(r"^(?:copyright\s*)?©\s*[^,©]{2,40},\s*(?P<name>[^,©]{2,50}),\s*\d{4}\.?$", re.I),
    # "© 2018 Outlet", "Copyright © 2016-2024 Outlet. All rights reserved." (a year is required:
    # a bare "© Agency" is usually a photo credit, not the site)
    re.compile(
        r"(?:©|\(c\)|copyright)\s*(?:©\s*)?\d{4}(?:\s*[-–]\s*\d{4})?,?\s*"
        r"(?P<name>[^.|,©\s][^.|,©]{1,60}?)\s*(?:[.,|]|\ball rights\b|\btous droits\b"
        r"|\btodos los\b|\balle rechte\b|\btutti i\b|\Z)",
        re.I,
    ),
    re.compile(
        r"(?:©|copyright)\s*(?P<name>[^.|,©\d\s][^.|,©]{1,60}?)\.?\s*(?:all rights reserved"
        r"|tous droits réservés|todos los derechos|alle rechte|tutti i diritti)",
        re.I,
    ),
    # "© Outlet 2024": the year after the name (after the patterns above, which are surer)
    re.compile(r"^(?:©|\(c\)|copyright)\s*(?P<name>[^\d©|.,\s][^©|]{1,60}?),?\s+\d{4}\.?$", re.I),
    re.compile(r"(?:^|[:.]\s*)(?P<name>[^:.]{2,40}?) will use the information you provide", re.I),
    re.compile(
        r"\b(?:subscribe to|sign up for|get) (?:the )?(?P<name>[^.,:]{2,40}?)(?:'s)? newsletter",
        re.I,
    ),
    re.compile(r"\bnewsletter (?:de |d'|du |von |di )(?P<name>[^.,:!]{2,40})", re.I),
    re.compile(
        r"^(?P<name>[^|]{2,40}?)\s*\|\s*(?:home|home page|accueil|inicio|startseite)\b", re.I
    ),
    re.compile(
        r"^(?i:support|donate to|soutenez|soutenir|unterstützen sie|apoya a|sostieni)\s+"
        r"(?P<name>[A-Z0-9]\S*(?:\s+\S+){0,3})$"
    ),
    re.compile(
        r"^follow (?P<name>.{2,40}?) on (?:twitter|facebook|telegram|x|instagram|youtube)$", re.I
    ),
)

# Cheap prefilter: only lines with one of these words go through the outlet patterns above.
_OUTLET_HINT = re.compile(
    r"©|\(c\)|copyright|original source|will use the information|newsletter"
    r"|\|\s*(?:home|accueil|inicio|startseite)"
    r"|^(?:support|donate|soutenez|soutenir|unterstützen|apoya|sostieni|follow)\b",
    re.I,
)
_MAX_OUTLET_LINE = 300  # consent notices run to ~40 words; longer lines are article text


def find_outlet(lines: list[str], hint: str | None, first_paragraph: str | None) -> str | None:
    """Site name from copyright, consent, newsletter, nav and donation lines; then weaker hints."""
    candidates = [
        line for line in lines if len(line) <= _MAX_OUTLET_LINE and _OUTLET_HINT.search(line)
    ]
    for pattern in _OUTLET_PATTERNS:
        for line in candidates:
            if (match := pattern.search(line)) and (name := _clean_outlet(match["name"])):
                return name
    if hint:
        return hint
    return dateline_agency(first_paragraph) if first_paragraph else None


def dateline_agency(paragraph: str) -> str | None:
    """ "KABUL, March 3 (Some Agency) — …" → "Some Agency"."""
    dateline = DATELINE.match(paragraph)
    agency = _AGENCY.search(dateline[1]) if dateline else None
    return _clean_outlet(agency[1]) if agency else None


def _clean_outlet(name: str) -> str | None:
    name = re.sub(r"\s*\b\d{4}(?:\s*[-–]\s*\d{4})?\s*$", "", name).strip(" \"'“”«»:;,-–—")
    tokens = name.split()
    if not 1 <= len(tokens) <= 6 or len(name) > 50 or not re.search(r"[^\W\d_]", name):
        return None
    if tokens[0].lower() in names.GENERIC_NAMES or name.lower() in names.GENERIC_NAMES:
        return None
    return name
