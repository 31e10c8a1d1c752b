"""Run every benchmark and regenerate the README's benchmark table from their printed lines.

    python bench/run_all.py [--only NAME ...] [--no-readme]

Each bench prints one summary line starting with ``<name>:``; this script keeps the last such
line of each and writes them between the BENCH markers in README.md, with the date and machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
README = REPO / "README.md"
START, END = "<!-- BENCH:START -->", "<!-- BENCH:END -->"

# name → (script and arguments, what it measures, target)
BENCHES: dict[str, tuple[list[str], str, str]] = {
    "extraction-scrapinghub": (
        ["extraction_scrapinghub.py"], "HTML → article body, token P/R/F1 (181 pages)", "F1 ≥ 0.95"
    ),
    "throughput": (
        ["throughput.py", "--sizes", "1000", "5000"],
        "ingest+extract+annotate docs/s and peak memory, 1k → 5k docs", "grows linearly",
    ),
    "geoparsing": (
        ["geoparsing.py"], "toponyms: recognition P/R/F1, acc@161km (GeoWebNews, LGL)",
        "acc@161 ≥ 0.90 GWN, ≥ 0.80 LGL; ≥ 50 docs/s",
    ),
    "re3d": (["re3d.py"], "actors/speakers in Syria/Iraq reporting, overlap P/R/F1", "reported"),
    "case2021": (
        ["case2021.py"], "ACLED sub-event type, weighted F1 (25 classes)", "≥ 0.80, then > 0.839"
    ),
    "india-police-events": (
        ["india_police_events.py"], "police KILL/ARREST/FORCE sentence detection", "reported"
    ),
    "annotate-speed": (
        ["annotate_speed.py"], "annotate + code docs/s, 800-word articles, one core", "≥ 30 docs/s"
    ),
    "acled-iraq-notes": (
        ["acled_iraq_notes.py"], "ACLED's own coding of 407 Iraq notes, field by field", "reported"
    ),
    "fusion-pairs": (["fusion_pairs.py"], "same-incident pairs P/R/F1, hand-labelled", "reported"),
    "api-latency": (["api_latency.py"], "API p50/p95 ms with 100k events", "p95 < 300 ms"),
    "fusion-speed": (["fusion_speed.py"], "fusion time 10k → 100k mentions", "near-linear"),
}  # fmt: skip


def run_bench(name: str) -> list[str]:
    script, *args = BENCHES[name][0]
    result = subprocess.run(
        [sys.executable, str(REPO / "bench" / script), *args],
        cwd=REPO, capture_output=True, text=True, check=False,
    )  # fmt: skip
    # "case2021:" and its companions such as "case2021-cv:" all belong to the case2021 row.
    lines = [line for line in result.stdout.splitlines() if re.match(rf"{name}(-[\w-]+)?:", line)]
    if result.returncode != 0 or not lines:
        return [f"{name}: FAILED (exit {result.returncode}) {result.stderr.strip()[-200:]}"]
    return lines


def previous_rows() -> dict[str, str]:
    """Rows already in the README table, by bench name, so ``--only`` updates just its rows."""
    inside = README.read_text(encoding="utf-8").partition(START)[2].partition(END)[0]
    rows = {}
    for line in inside.splitlines():
        cells = [cell.strip() for cell in re.split(r"(?<!\\)\|", line.strip().strip("|"))]
        if len(cells) == 4 and cells[0] in BENCHES:
            rows[cells[0]] = line
    return rows


def table(results: dict[str, list[str]]) -> str:
    rows = ["| benchmark | measures | target | result |", "|---|---|---|---|"]
    kept = previous_rows()
    for name, (_, what, target) in BENCHES.items():
        if name not in results:
            if name in kept:
                rows.append(kept[name])
            continue
        # A bench's own "|" separators would split the Markdown cell: escape them.
        figures = "<br>".join(_figures(name, line) for line in results[name])
        rows.append(f"| {name} | {what} | {target} | {figures} |")
    stamp = f"{dt.date.today().isoformat()}, {platform.python_version()}, {os.cpu_count()} cores"
    return "\n".join([*rows, "", f"Measured {stamp} with `make bench`."])


def _figures(name: str, line: str) -> str:
    """A line's figures, labelled by its companion name ("cv: …" for "case2021-cv: …")."""
    label, _, figures = line.partition(":")
    prefix = f"{label.removeprefix(name).lstrip('-')}: " if label != name else ""
    return prefix + figures.strip().replace("|", "\\|")


def write_readme(body: str) -> None:
    text = README.read_text(encoding="utf-8")
    head, _, rest = text.partition(START)
    _, _, tail = rest.partition(END)
    README.write_text(f"{head}{START}\n{body}\n{END}{tail}", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", choices=sorted(BENCHES))
    parser.add_argument("--no-readme", action="store_true")
    args = parser.parse_args()
    results = {}
    for name in args.only or BENCHES:
        results[name] = run_bench(name)
        print("\n".join(results[name]), flush=True)
    if not args.no_readme and START in README.read_text(encoding="utf-8"):
        write_readme(table(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
