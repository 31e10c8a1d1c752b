"""Throughput of ingest + extract (+ genre, near-duplicates, ledger writes) and peak memory.

Builds a mixed corpus under bench/output/ from the real pages in ../shared (never copied into the
repo): the 181 ScrapingHub HTML pages, the two text-dump samples and IndiaPoliceEvents articles as
JSONL, then ingests it into a fresh ledger at several sizes, each in its own process so peak RSS
is per size. HTML pages are repeated with a distinguishing marker to reach the size (they then
also exercise the near-duplicate path, as syndicated copies would).

    python bench/throughput.py [--sizes 1000 5000] [--workers 1]

Prints one line per size: docs, seconds, docs/s, peak MB, and the mix.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
OUT = REPO / "bench" / "output" / "throughput"
# Share of each input kind in the corpus, roughly what a research desk's folder looks like.
MIX = {"html": 0.55, "jsonl": 0.25, "dump": 0.20}


def build_corpus(size: int, folder: Path) -> dict[str, int]:
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "html").mkdir(parents=True)
    (folder / "dumps").mkdir()
    html_pages = sorted((SHARED / "eval/article-extraction-scrapinghub/html").glob("*.html"))
    dumps = sorted((SHARED / "samples").glob("*.txt"))
    articles = [
        json.loads(line) for line in (SHARED / "eval/india-police-events/docs.jsonl").open()
    ]
    counts = {kind: int(size * share) for kind, share in MIX.items()}
    counts["html"] += size - sum(counts.values())
    for i in range(counts["html"]):
        page = html_pages[i % len(html_pages)].read_bytes()
        marker = f"<!-- bench copy {i} -->".encode() if i >= len(html_pages) else b""
        (folder / "html" / f"{i:05d}.html").write_bytes(page + marker)
    for i in range(counts["dump"]):
        text = dumps[i % len(dumps)].read_text(encoding="utf-8")
        (folder / "dumps" / f"{i:05d}.txt").write_text(
            text + f"\n\nbench copy {i}\n", encoding="utf-8"
        )
    with (folder / "articles.jsonl").open("w", encoding="utf-8") as out:
        for i in range(counts["jsonl"]):
            doc = articles[i % len(articles)]
            text = doc["doc_text"] + ("" if i < len(articles) else f"\n\nbench copy {i}")
            out.write(json.dumps({"id": f"ipe-{i}", "text": text}) + "\n")
    return counts


def measure(folder: Path, workers: int, annotate: bool) -> None:
    """Child process: ingest the folder into a fresh ledger and print JSON figures."""
    from newstrace.ledger.sqlite import Ledger
    from newstrace.pipeline import ingest
    from newstrace.settings import Settings

    db = folder.with_suffix(".db")
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    settings = Settings(db=db, annotate=annotate)
    start = time.perf_counter()
    with Ledger.open(db) as ledger:
        report = ingest([str(folder)], ledger, settings, workers=workers)
    seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(json.dumps({
        "seconds": seconds, "outcomes": dict(report.outcomes),
        "peak_mb": max(peak_kb, children_kb) / 1024,
    }))  # fmt: skip


def _run_child(folder: Path, workers: int, mode: str) -> dict[str, Any]:
    """One measurement in a fresh process, so peak memory is this run's alone."""
    child = subprocess.run(
        [sys.executable, __file__, "--child", str(folder), "--workers", str(workers),
         "--modes", mode],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    figures: dict[str, Any] = json.loads(child.stdout.strip().splitlines()[-1])
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument(
        "--modes",
        nargs="+",
        choices=["extract", "full"],
        default=["extract", "full"],
        help="extract: ingest+extract+genre+dedup; full: also annotate, code and fuse events",
    )
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        measure(args.child, args.workers, args.modes == ["full"])
        return 0
    if not (SHARED / "samples").is_dir():
        print("throughput: ../shared is absent; the corpus is built from it", file=sys.stderr)
        return 2
    for size in args.sizes:
        folder = OUT / f"corpus-{size}"
        mix = build_corpus(size, folder)
        for mode in args.modes:
            figures = _run_child(folder, args.workers, mode)
            print(
                f"throughput: mode={mode} docs={size} workers={args.workers} "
                f"seconds={figures['seconds']:.1f} docs/s={size / figures['seconds']:.1f} "
                f"peak_mb={figures['peak_mb']:.0f} mix={mix} outcomes={figures['outcomes']}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
