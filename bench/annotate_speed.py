"""Annotate + code speed on one core: documents/second for 800-word articles.

Reads real articles from ../shared at bench time (the ScrapingHub benchmark's article bodies:
cased, edited news prose from 126 sites, and the two sample dumps, cleaned), cuts or repeats
each to exactly 800 words so the figure is comparable across corpora, and times
``Annotator.annotate`` (sentences, speakers, attribution, sub-event types, places, actors,
dates, casualties, event coding) in this one process, in CPU seconds.

    python bench/annotate_speed.py [--docs 183]
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
WORDS = 800  # the reference article length


def articles(limit: int) -> list[str]:
    from newstrace.stages.extract.textdump import clean_text_dump

    texts = [
        clean_text_dump(p.read_text(encoding="utf-8")).body
        for p in (SHARED / "samples").glob("*.txt")
    ]
    gold = json.loads(
        (SHARED / "eval/article-extraction-scrapinghub/ground-truth.json").read_text()
    )
    texts += [item["articleBody"] for _, item in sorted(gold.items())]
    return [_exactly(text, WORDS) for text in texts[:limit]]


def _exactly(text: str, words: int) -> str:
    tokens = text.split(" ")
    while len(tokens) < words:
        tokens += tokens
    return " ".join(tokens[:words])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=183)
    args = parser.parse_args()
    if not (SHARED / "samples").is_dir():
        print("annotate-speed: ../shared is absent; the articles are read from it", file=sys.stderr)
        return 2
    from newstrace.annotator import Annotator, document_input
    from newstrace.settings import Settings

    loading = time.perf_counter()
    annotator = Annotator.load(Settings())
    load_seconds = time.perf_counter() - loading
    texts = articles(args.docs)
    mentions = 0
    start = time.process_time()
    for i, text in enumerate(texts):
        doc = document_input(f"bench-{i}", text, [], outlet=None, published=None, genre="report")
        mentions += len(annotator.annotate(doc).events)
    cpu = time.process_time() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"annotate-speed: docs/s={len(texts) / cpu:.1f} (CPU, {WORDS}-word articles, one core) "
        f"docs={len(texts)} mentions={mentions} load_s={load_seconds:.1f} peak_mb={peak_mb:.0f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
