"""Article-body extraction on the ScrapingHub article-extraction benchmark (181 real pages).

    .venv/bin/python bench/extraction_scrapinghub.py [--limit N] [--baseline] [--verbose]

Reads the pages and gold bodies from ``../shared/eval/article-extraction-scrapinghub/`` (never
copied into the repository) and prints one line of figures. The scoring follows the benchmark's
published definition, re-implemented here:

* text → ``\\w+`` tokens → overlapping 4-token shingles (a text shorter than 4 tokens is one
  shingle); prediction and gold are compared as shingle multisets, per page;
* precision and recall are computed per page (0 when the page has no shingles on that side)
  and averaged over pages; F1 is the harmonic mean of the two averages;
* accuracy is the share of pages whose shingle multisets match exactly.

``--baseline`` scores the committed trafilatura 2.0.0 outputs, which the benchmark reports as
P 0.938, R 0.978, F1 0.958: the check that this scorer reproduces the published numbers.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = REPO_ROOT.parent / "shared" / "eval" / "article-extraction-scrapinghub"
NAME = "extraction-scrapinghub"

_TOKEN = re.compile(r"\w+")
# The benchmark compares 4-token shingles rather than single tokens, so a body with its
# paragraphs in the wrong order or boilerplate spliced mid-sentence loses points.
SHINGLE_TOKENS = 4


@dataclass(frozen=True, slots=True)
class PageScore:
    item_id: str
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp else 0.0

    @property
    def exact(self) -> bool:
        return self.tp > 0 and self.fp == 0 and self.fn == 0


@dataclass(frozen=True, slots=True)
class Summary:
    precision: float
    recall: float
    f1: float
    accuracy: float
    pages: int


def shingles(text: str, size: int = SHINGLE_TOKENS) -> Counter[str]:
    tokens = _TOKEN.findall(text or "")
    if not tokens:
        return Counter()
    last_start = max(1, len(tokens) - size + 1)
    return Counter(" ".join(tokens[i : i + size]) for i in range(last_start))


def score_page(item_id: str, gold: str, predicted: str) -> PageScore:
    gold_sh, pred_sh = shingles(gold), shingles(predicted)
    tp = sum((gold_sh & pred_sh).values())
    return PageScore(item_id, tp, sum(pred_sh.values()) - tp, sum(gold_sh.values()) - tp)


def summarize(scores: list[PageScore]) -> Summary:
    n = len(scores) or 1
    precision = sum(s.precision for s in scores) / n
    recall = sum(s.recall for s in scores) / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Summary(precision, recall, f1, sum(s.exact for s in scores) / n, len(scores))


def score_all(gold: Mapping[str, str], predicted: Mapping[str, str]) -> list[PageScore]:
    return [score_page(k, gold[k], predicted.get(k, "")) for k in gold]


def format_line(label: str, summary: Summary, pages_per_second: float | None = None) -> str:
    line = (
        f"{label}: P={summary.precision:.3f} R={summary.recall:.3f} F1={summary.f1:.3f} "
        f"accuracy={summary.accuracy:.3f} pages={summary.pages}"
    )
    return line + (f" pages/s={pages_per_second:.1f}" if pages_per_second is not None else "")


def load_gold(data_dir: Path) -> dict[str, str]:
    raw = json.loads((data_dir / "ground-truth.json").read_text(encoding="utf-8"))
    return {item_id: item.get("articleBody", "") for item_id, item in raw.items()}


def load_urls(data_dir: Path) -> dict[str, str]:
    raw = json.loads((data_dir / "ground-truth.json").read_text(encoding="utf-8"))
    return {item_id: item.get("url", "") for item_id, item in raw.items()}


def load_baseline(data_dir: Path) -> dict[str, str]:
    raw = json.loads((data_dir / "baseline_outputs" / "trafilatura.json").read_text("utf-8"))
    return {item_id: item.get("articleBody", "") for item_id, item in raw["output"].items()}


def run_extractor(
    pages: Mapping[str, str], urls: Mapping[str, str], extract: Callable[[str, str], str]
) -> tuple[dict[str, str], float]:
    """Predictions for every page and the throughput in pages per second.

    One page is extracted untimed first: lazy imports and first-call tables (stop-word lists,
    the public-suffix list) cost about 0.2 s once per process and are not per-document work.
    """
    for item_id, html in list(pages.items())[:1]:
        extract(html, urls.get(item_id, ""))
    started = time.perf_counter()
    predicted = {item_id: extract(html, urls.get(item_id, "")) for item_id, html in pages.items()}
    elapsed = time.perf_counter() - started
    return predicted, len(pages) / elapsed if elapsed else float("inf")


def newstrace_body(html: str, url: str) -> str:
    from newstrace.stages.extract.html import extract_html

    return extract_html(html, url=url or None).body


def print_worst(scores: list[PageScore], urls: Mapping[str, str], count: int = 10) -> None:
    print(f"worst {count} pages by F1:")
    for s in sorted(scores, key=lambda s: s.f1)[:count]:
        print(
            f"  F1={s.f1:.3f} P={s.precision:.3f} R={s.recall:.3f} "
            f"{s.item_id[:12]} {urls.get(s.item_id, '')}"
        )


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="score only the first N pages")
    parser.add_argument("--baseline", action="store_true", help="also score trafilatura 2.0.0")
    parser.add_argument("--verbose", action="store_true", help="list the 10 worst pages")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not (DATA_DIR / "ground-truth.json").is_file():
        print(
            f"{NAME}: benchmark data not found at ../shared/eval/{DATA_DIR.name}/", file=sys.stderr
        )
        return 2
    gold = load_gold(DATA_DIR)
    ids = sorted(gold)[: args.limit] if args.limit else sorted(gold)
    gold = {k: gold[k] for k in ids}
    urls = load_urls(DATA_DIR)
    if args.baseline:
        baseline_scores = score_all(gold, load_baseline(DATA_DIR))
        print(format_line(f"{NAME} baseline trafilatura-2.0.0", summarize(baseline_scores)))
    pages = {k: (DATA_DIR / "html" / f"{k}.html").read_text(encoding="utf-8") for k in ids}
    predicted, speed = run_extractor(pages, urls, newstrace_body)
    scores = score_all(gold, predicted)
    print(format_line(NAME, summarize(scores), speed))
    if args.verbose:
        print_worst(scores, urls)
    return 0


if __name__ == "__main__":
    sys.exit(main())
