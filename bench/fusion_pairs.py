"""Fusion pairwise precision/recall on IndiaPoliceEvents: many articles, the same incidents.

    python bench/fusion_pairs.py [--errors] [--sample N]

The event-coding stage is not wired in yet, so the bench builds one ``EventMention`` per
gold-labelled sentence (KILL / FORCE → Violence against civilians: Attack; ARREST → Strategic
developments: Arrests; actor1 the police), with the article's date as publication date and no
event date, and a crude place: the first city word of ``CITIES`` in the sentence, else the
article's dateline city coded to its state only. ``CITIES`` is a tiny list of Gujarat towns
(plus the datelines of other cities) used ONLY by this bench. All mentions are fused; a gold
pair (``fusion_pairs_gold.tsv``, labelled by hand under ``fusion_protocol.md``) is predicted
*same* when both of its sentences end up in one event. Prints ``fusion-pairs: P=… R=… F1=…
pairs=…``. ``--sample N`` prints the candidate pairs the protocol draws (ids and texts, to the
terminal only: the text stays out of the repository).
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from rapidfuzz import fuzz

from newstrace.records import Attribution, Certainty, Claimant, EventMention, PlaceMention
from newstrace.stages.fuse import fuse

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "eval" / "india-police-events"
GOLD = Path(__file__).resolve().parent / "fusion_pairs_gold.tsv"
POLICE = "Police Forces of India (1947-)"
LABELS = {
    "KILL": ("Violence against civilians", "Attack"),
    "FORCE": ("Violence against civilians", "Attack"),
    "ARREST": ("Strategic developments", "Arrests"),
}
# Coordinates (WGS84, town centres, rounded) are public facts; Ahmedabad's quarters named in the
# 2002 reports are coded to the city, as ACLED codes a neighbourhood to its town.
CITIES: dict[str, tuple[float, float, str]] = {
    "ahmedabad": (23.0225, 72.5714, "Gujarat"),
    "vadodara": (22.3072, 73.1812, "Gujarat"),
    "baroda": (22.3072, 73.1812, "Gujarat"),
    "surat": (21.1702, 72.8311, "Gujarat"),
    "rajkot": (22.3039, 70.8022, "Gujarat"),
    "godhra": (22.7788, 73.6143, "Gujarat"),
    "bhavnagar": (21.7645, 72.1519, "Gujarat"),
    "anand": (22.5645, 72.9289, "Gujarat"),
    "nadiad": (22.6916, 72.8634, "Gujarat"),
    "mehsana": (23.5880, 72.3693, "Gujarat"),
    "himmatnagar": (23.5986, 72.9661, "Gujarat"),
    "gandhinagar": (23.2156, 72.6369, "Gujarat"),
    "bharuch": (21.7051, 72.9959, "Gujarat"),
    "dahod": (22.8379, 74.2531, "Gujarat"),
    "kalol": (22.6066, 73.4629, "Gujarat"),
    "halol": (22.5036, 73.4711, "Gujarat"),
    "lunawada": (23.1282, 73.6105, "Gujarat"),
    "modasa": (23.4627, 73.2986, "Gujarat"),
    "palanpur": (24.1725, 72.4382, "Gujarat"),
    "patan": (23.8493, 72.1266, "Gujarat"),
    "visnagar": (23.6982, 72.5521, "Gujarat"),
    "junagadh": (21.5222, 70.4579, "Gujarat"),
    "jamnagar": (22.4707, 70.0577, "Gujarat"),
    "porbandar": (21.6417, 69.6293, "Gujarat"),
    "morbi": (22.8173, 70.8378, "Gujarat"),
    "veraval": (20.9159, 70.3629, "Gujarat"),
    "viramgam": (23.1200, 72.0300, "Gujarat"),
    "naroda": (23.0225, 72.5714, "Gujarat"),
    "gomtipur": (23.0225, 72.5714, "Gujarat"),
    "bapunagar": (23.0225, 72.5714, "Gujarat"),
    "shahpur": (23.0225, 72.5714, "Gujarat"),
    "dariapur": (23.0225, 72.5714, "Gujarat"),
    "kalupur": (23.0225, 72.5714, "Gujarat"),
    "juhapura": (23.0225, 72.5714, "Gujarat"),
    "vatva": (23.0225, 72.5714, "Gujarat"),
    "odhav": (23.0225, 72.5714, "Gujarat"),
    "mumbai": (19.0760, 72.8777, "Maharashtra"),
    "delhi": (28.6139, 77.2090, "Delhi"),
    "lucknow": (26.8467, 80.9462, "Uttar Pradesh"),
    "ayodhya": (26.7922, 82.1998, "Uttar Pradesh"),
    "kolkata": (22.5726, 88.3639, "West Bengal"),
    "hyderabad": (17.3850, 78.4867, "Andhra Pradesh"),
    "bangalore": (12.9716, 77.5946, "Karnataka"),
    "jaipur": (26.9124, 75.7873, "Rajasthan"),
    "bhopal": (23.2599, 77.4126, "Madhya Pradesh"),
}
_CITY = re.compile(r"\b(" + "|".join(sorted(CITIES, key=len, reverse=True)) + r")\b")

Pair = tuple[str, str]


def _read(name: str) -> Iterator[dict[str, object]]:
    with (DATA / name).open(encoding="utf-8") as lines:
        for line in lines:
            yield json.loads(line)


def _place(sentence: str, document: str) -> PlaceMention | None:
    """The city the sentence names (town precision), else the article's dateline city.

    A dateline says where the report was filed, not where the incident happened, so it only
    places the incident in that city's state: geo_precision 3, admin1 level.
    """
    found = _CITY.search(sentence)
    precision = 1
    if found is None:
        found, precision = _CITY.search(document), 3
    if found is None:
        return None
    city = found.group(1)
    lat, lon, state = CITIES[city]
    return PlaceMention(
        0,
        0,
        city,
        city if precision == 1 else state,
        f"bench:{city}",
        lat,
        lon,
        "India",
        "IN",
        state,
        None,
        "PPL",
        precision,
    )


def load_mentions() -> dict[str, tuple[EventMention, str]]:
    """Mention and label per ``doc_id:sent_id`` of every KILL/FORCE/ARREST sentence."""
    meta = {int(str(r["doc_id"])): r for r in _read("metadata.jsonl")}
    docs = {int(str(r["doc_id"])): str(r["doc_text"]).lower() for r in _read("docs.jsonl")}
    out: dict[str, tuple[EventMention, str]] = {}
    offset: dict[int, int] = {}
    for row in _read("sents.jsonl"):
        doc, text = int(str(row["doc_id"])), str(row["sent_text"])
        start = offset.get(doc, 0)
        offset[doc] = start + len(text) + 1
        labels = [lab for lab in ("KILL", "ARREST", "FORCE") if lab in list(row["sent_labels"])]  # type: ignore[call-overload]
        if not labels:
            continue
        event_type, sub = LABELS[labels[0]]
        key = f"{doc}:{row['sent_id']}"
        out[key] = (
            EventMention(
                mention_id=key,
                document_id=str(doc),
                sentence_start=start,
                sentence_end=start + len(text),
                sentence=text,
                event_type=event_type,
                sub_event_type=sub,
                disorder_type="Political violence",
                attribution=Attribution(
                    Certainty.REPORTED, (Claimant("times of india", medium="times of india"),)
                ),
                actor1=POLICE,
                place=_place(text.lower(), docs[doc][:400]),
                outlet="Times of India",
                published=date.fromisoformat(str(meta[doc]["date"])),
            ),
            labels[0],
        )
    return out


def _city(m: EventMention) -> str | None:
    """The city word found (the sentence's or the dateline's), for drawing pairs."""
    return m.place.place_id.removeprefix("bench:") if m.place and m.place.place_id else None


def _days(a: EventMention, b: EventMention) -> int:
    assert a.published is not None and b.published is not None
    return abs((a.published - b.published).days)


def _strata(mentions: dict[str, tuple[EventMention, str]]) -> dict[str, list[Pair]]:
    """All candidate pairs of each stratum of ``fusion_protocol.md``, in a fixed order."""
    keys = sorted(mentions)
    strata: dict[str, list[Pair]] = {s: [] for s in "ABCDEF"}
    for i, ka in enumerate(keys):
        a = mentions[ka][0]
        for kb in keys[i + 1 :]:
            b = mentions[kb][0]
            if a.event_type != b.event_type:
                continue
            days, same_city = _days(a, b), _city(a) is not None and _city(a) == _city(b)
            if a.document_id == b.document_id:
                strata["C"].append((ka, kb))
            elif same_city and days <= 1:
                strata["A"].append((ka, kb))
            elif same_city and days <= 4:
                strata["B"].append((ka, kb))
            elif _city(a) and _city(b) and days <= 1:
                strata["D"].append((ka, kb))
            if (
                a.document_id != b.document_id
                and days <= 3
                and fuzz.token_set_ratio(a.sentence, b.sentence) >= 60
            ):
                strata["E"].append((ka, kb))
            strata["F"].append((ka, kb))
    return strata


QUOTA = {"A": 70, "B": 25, "C": 25, "D": 20, "E": 30, "F": 20}


def sample_pairs(
    mentions: dict[str, tuple[EventMention, str]], seed: int = 2002
) -> list[tuple[str, Pair]]:
    rng = random.Random(seed)
    chosen: list[tuple[str, Pair]] = []
    seen: set[Pair] = set()
    for name, pairs in _strata(mentions).items():
        pool = [p for p in pairs if p not in seen]
        for pair in rng.sample(pool, min(QUOTA[name], len(pool))):
            seen.add(pair)
            chosen.append((name, pair))
    return chosen


def read_gold() -> list[tuple[Pair, bool]]:
    gold = []
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("a\t"):
            continue
        a, b, label, *_ = line.split("\t")
        gold.append(((a, b), label == "same"))
    return gold


def score(gold: list[tuple[Pair, bool]], event_of: dict[str, str], errors: bool) -> str:
    tp = fp = fn = 0
    for (a, b), same in gold:
        predicted = event_of[a] == event_of[b]
        tp += predicted and same
        fp += predicted and not same
        fn += same and not predicted
        if errors and predicted != same:
            print(f"{'FP' if predicted else 'FN'} {a} {b}")
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return f"fusion-pairs: P={p:.3f} R={r:.3f} F1={f1:.3f} pairs={len(gold)} (same={tp + fn})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list wrong pairs")
    parser.add_argument("--sample", type=int, default=0, help="print the first N sampled pairs")
    args = parser.parse_args()
    if not DATA.is_dir():
        print("fusion-pairs: SKIPPED (../shared/eval/india-police-events is absent)")
        return
    mentions = load_mentions()
    if args.sample:
        for stratum, (a, b) in sample_pairs(mentions)[: args.sample]:
            ma, mb = mentions[a][0], mentions[b][0]
            print(f"{stratum}\t{a}\t{b}\t{ma.published} {_city(ma)} | {mb.published} {_city(mb)}")
            print(f"   A: {ma.sentence.strip()}\n   B: {mb.sentence.strip()}")
        return
    events = fuse([m for m, _ in mentions.values()])
    event_of = {mid: e.event_id for e in events for mid in e.mention_ids}
    print(score(read_gold(), event_of, args.errors))


if __name__ == "__main__":
    main()
