"""Name keys: the one normalisation shared by the gazetteer build and the text matcher.

A key is casefolded, stripped of diacritics, apostrophes and ayn/hamza marks, with hyphens and
dots turned into spaces and Arabic definite-article variants dropped, so "al-Tanaf", "At Tanf"
style spellings, "Deir ez-Zor" / "Dayr az Zawr" and "Ḩimş" / "Hims" meet on comparable keys.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Keys of recent names: text n-grams repeat within and across documents ("Syria", "the US").
NAME_KEY_CACHE_SIZE = 100_000
# Arabic "al-" as transliterated before sun letters (ad-, ar-, as-, ash-, at-, az-, an-) and in
# Egyptian/Levantine spelling (el-, ed-, es-, ez-, et-, er-, en-); "ul"/"ud" as in "Abd ul-".
_ARTICLES = frozenset("al el ad ar as ash at az an ed es ez et er en ul ud".split())
# "al" and "el" are dropped even when written as separate words ("Al Qaryatayn", "El Paso"): as
# tokens they are almost never anything but the article. The sun-letter forms are dropped as
# separate words only when the next word starts with the assimilated letter ("At Tanf",
# "Ash Shaddadi", "Dayr az Zawr"), which keeps English "As", "At", "An" out of it.
_FREE_ARTICLES = frozenset({"al", "el"})
# An article glued by a doubled consonant inside a name: "Deir Ezzor", "Ras Ettin" → "zor", "tin"
# ("s" is left out: "Essex").
_GLUED_ARTICLE = re.compile(r"^[ae](sh|[dtzrn])(?=\1[a-z]{2})")
_APOSTROPHES = dict.fromkeys(map(ord, "'’‘`´ʿʾʻʼ′"), None)
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—_./,()]+")
_ARTICLE_HYPHEN = re.compile(r"\b(" + "|".join(sorted(_ARTICLES)) + r")-(?=\w)", re.IGNORECASE)


def fold(text: str) -> str:
    """Casefold and strip diacritics ("Ḩimş" → "hims"), keeping letters of other scripts."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


@lru_cache(maxsize=NAME_KEY_CACHE_SIZE)
def name_key(name: str) -> str:
    """The lookup key of a place name; "" when nothing is left (a bare article, punctuation)."""
    marked = _ARTICLE_HYPHEN.sub(lambda m: "\x00" + m.group(1) + " ", name)
    tokens = [t for t in _SEPARATORS.split(fold(marked)) if t]
    kept: list[str] = []
    for i, token in enumerate(tokens):
        is_last = i == len(tokens) - 1
        if token.startswith("\x00"):
            if not is_last:
                continue
            token = token[1:]
        elif not is_last and _is_spaced_article(token, tokens[i + 1]):
            continue
        elif i > 0:
            token = _GLUED_ARTICLE.sub("", token)
        kept.append(token)
    return " ".join(kept)


def _is_spaced_article(token: str, following: str) -> bool:
    if token in _FREE_ARTICLES:
        return True
    return token in _ARTICLES and following.startswith(token[1:]) and len(following) > 2


def is_latin(name: str) -> bool:
    """True when every letter is Latin script: news in English only spells places that way."""
    return all(ord(ch) < 0x250 or 0x1E00 <= ord(ch) <= 0x1EFF for ch in name if ch.isalpha())
