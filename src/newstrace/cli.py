"""Command line: ``newstrace ingest | export | search | demo``. Thin: all work is in the library.

Exit codes: 0 all good; 1 the run finished but some inputs failed (each recorded with a reason);
2 usage errors (wrong option, unknown format).
"""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Iterator
from contextlib import nullcontext
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from newstrace import exports, queries
from newstrace.ledger.sqlite import Ledger
from newstrace.outlets import OutletRegistry
from newstrace.pipeline import IngestReport, Outcome, ingest, reannotate
from newstrace.settings import Settings, load_settings
from newstrace.stages.fuse import contradictions_list

app = typer.Typer(
    name="newstrace",
    help="Turn raw conflict news into an auditable ledger of events and the claims behind them.",
    no_args_is_help=True,
    add_completion=False,
)
console = Console(stderr=True)

DbOption = Annotated[
    Path | None,
    typer.Option("--db", help="Ledger file [default: $NEWSTRACE_DB, else ./newstrace.db]"),
]
PlaceOption = Annotated[
    str | None,
    typer.Option(
        "--place",
        help="Only events at this location, admin1 or admin2 name (case and accents ignored)",
    ),
]


class ExportKind(StrEnum):
    documents = "documents"
    events = "events"
    places = "places"


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    acled_csv = "acled-csv"
    geojson = "geojson"


# Which formats make sense for which records (ACLED columns and map points are event-only).
_FORMATS = {
    ExportKind.documents: {ExportFormat.jsonl, ExportFormat.csv},
    ExportKind.events: set(ExportFormat),
    ExportKind.places: {ExportFormat.jsonl, ExportFormat.csv},
}


def _settings(db: Path | None, **overrides: object) -> Settings:
    return load_settings().with_overrides(db=db, **overrides)


@app.command("ingest")
def ingest_command(
    targets: Annotated[
        list[str], typer.Argument(help="Files, folders, URLs, feeds, or - for stdin")
    ],
    db: DbOption = None,
    allow_private: Annotated[
        bool, typer.Option("--allow-private", help="Allow fetching private/loopback addresses")
    ] = False,
    workers: Annotated[
        int, typer.Option(min=1, help="Extraction processes (the ledger keeps one writer)")
    ] = 1,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar")] = False,
) -> None:
    """Ingest pages into the ledger; re-ingesting the same bytes is a no-op."""
    settings = _settings(db, fetch_allow_private=allow_private or None)
    report = run_ingest(targets, settings, workers=workers, quiet=quiet)
    raise typer.Exit(1 if report.failed else 0)


def run_ingest(
    targets: list[str], settings: Settings, *, workers: int, quiet: bool
) -> IngestReport:
    stdin = sys.stdin.buffer if "-" in targets else None
    with Ledger.open(settings.db) as ledger:
        progress = None if quiet else _progress_bar()
        with progress or nullcontext():
            task = progress.add_task("ingesting", total=None) if progress else None

            def advance(outcome: str, where: str) -> None:
                if progress is not None and task is not None:
                    progress.update(task, advance=1, description=f"{outcome:>14}  {_short(where)}")

            report = ingest(
                targets, ledger, settings, stdin=stdin, progress=advance, workers=workers
            )
        _print_failures(report)
        _print_summary(report, settings.db)
    return report


def _progress_bar() -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.completed:>6} docs"),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    )


def _short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else "…" + text[-(width - 1) :]


def _print_failures(report: IngestReport, limit: int = 20) -> None:
    for failure in report.failures[:limit]:
        console.print(
            f"[red]failed[/red] {failure.where}: {failure.reason.value}: {failure.message}",
            markup=True,
            highlight=False,
            soft_wrap=True,
        )
    if len(report.failures) > limit:
        console.print(
            f"… and {len(report.failures) - limit} more failures (see `export documents`)"
        )


def _print_summary(report: IngestReport, db: Path) -> None:
    """One line of counts by outcome (failures by reason), then where the ledger is."""
    counts = " · ".join(
        f"{outcome} {report.outcomes[outcome]}"
        for outcome in (Outcome.STORED, Outcome.NEAR_DUPLICATE, Outcome.UNCHANGED, Outcome.FAILED)
    )
    reasons = ", ".join(f"{r} {n}" for r, n in sorted(report.failures_by_reason.items()))
    console.print(f"run {report.run_id}: {counts}" + (f" ({reasons})" if reasons else ""),
                  highlight=False)  # fmt: skip
    console.print(f"ledger: {db.resolve()}", highlight=False, soft_wrap=True)


@app.command("export")
def export_command(
    kind: Annotated[ExportKind, typer.Argument(help="What to export")],
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f")] = ExportFormat.jsonl,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="File (default stdout)")
    ] = None,
    include_comments: Annotated[
        bool, typer.Option("--include-comments", help="Also events only reader comments mention")
    ] = False,
    place: PlaceOption = None,
    db: DbOption = None,
) -> None:
    """Export the ledger in the formats DESIGN.md defines."""
    if fmt not in _FORMATS[kind]:
        allowed = ", ".join(sorted(f.value for f in _FORMATS[kind]))
        console.print(f"[red]{kind.value} export has no {fmt.value} format[/red]: use {allowed}")
        raise typer.Exit(2)
    settings = _settings(db)
    _require_ledger(settings.db)
    with Ledger.open(settings.db) as ledger, _open_output(output) as out:
        wanted = queries.EventFilter(include_comments=include_comments, place=place or None)
        count = _write_export(ledger, kind, fmt, out, wanted)
    console.print(f"exported {count} {kind.value}" + (f" to {output}" if output else ""))


def _write_export(
    ledger: Ledger, kind: ExportKind, fmt: ExportFormat, out: TextIO, wanted: queries.EventFilter
) -> int:
    fields: tuple[str, ...]
    objects: Iterator[dict[str, Any]]
    if kind is ExportKind.documents:
        objects, fields = exports.document_objects(ledger.documents()), exports.DOCUMENT_FIELDS
    elif kind is ExportKind.places:
        objects = queries.place_objects(ledger, include_comments=True)
        fields = exports.PLACE_FIELDS
    else:
        objects = queries.event_objects(ledger, wanted)
        fields = exports.EVENT_FIELDS
    if fmt is ExportFormat.jsonl:
        return exports.write_jsonl(objects, out)
    if fmt is ExportFormat.geojson:
        collection = exports.geojson_features(objects)
        json.dump(collection, out, ensure_ascii=False)
        out.write("\n")
        return len(collection["features"])
    if fmt is ExportFormat.acled_csv:
        return exports.write_csv(
            (exports.acled_row(e) for e in objects), exports.ACLED_COLUMNS, out
        )
    return exports.write_csv(objects, fields, out)


@app.command("annotate")
def annotate_command(
    db: DbOption = None,
    everything: Annotated[
        bool, typer.Option("--all", help="Re-annotate every document, not only stale ones")
    ] = False,
) -> None:
    """Re-derive places, actors and events from stored text, then re-fuse all events.

    Needed after upgrading newstrace (annotations from an older version are stale) or after
    ingesting with annotation off; the raw text never has to be ingested again."""
    settings = _settings(db)
    _require_ledger(settings.db)
    with Ledger.open(settings.db) as ledger:
        summary = reannotate(ledger, settings, everything=everything)
    console.print(
        f"annotated {summary.documents} documents ({summary.failed} failed): "
        f"{summary.mentions} event mentions → {summary.events} events",
        highlight=False,
    )
    raise typer.Exit(1 if summary.failed else 0)


@app.command("events")
def events_command(
    grade: Annotated[
        str | None, typer.Option(help="single_source | corroborated | contested")
    ] = None,
    outlet: Annotated[
        str | None, typer.Option(help="Only events an outlet reports (substring)")
    ] = None,
    actor: Annotated[str | None, typer.Option(help="Actor name substring")] = None,
    place: PlaceOption = None,
    limit: Annotated[int, typer.Option(min=1)] = 50,
    include_comments: Annotated[bool, typer.Option("--include-comments")] = False,
    db: DbOption = None,
) -> None:
    """List fused events, one line each: date, type, place, actors, fatalities, grade."""
    settings = _settings(db)
    _require_ledger(settings.db)
    wanted = queries.EventFilter(
        grade=grade,
        outlet=outlet,
        actor=actor,
        place=place or None,
        limit=limit,
        include_comments=include_comments,
    )
    out = Console(width=max(Console().width, 140))
    with Ledger.open(settings.db) as ledger:
        for event, mentions in queries.select_events(ledger, wanted):
            place = event.place.name if event.place else "?"
            when = event.event_date.isoformat() if event.event_date else "no date"
            line = (
                f"{event.event_id}  {when:<10}  {event.sub_event_type:<34.34} {place:<20.20} "
                f"{event.actor1 or '?'} / {event.actor2 or '-'}  "
                f"fatalities={event.fatalities if event.fatalities is not None else '?'}  "
                f"{event.corroboration.grade} ({len(mentions)} mentions)"
            )
            out.print(line, markup=False, highlight=False, no_wrap=True, overflow="ellipsis")


@app.command("event")
def event_command(
    event_id: Annotated[str, typer.Argument(help="An event id from `newstrace events`")],
    db: DbOption = None,
) -> None:
    """One event as JSON: fields, evidence mentions, who says what, contradictions."""
    settings = _settings(db)
    _require_ledger(settings.db)
    with Ledger.open(settings.db) as ledger:
        detail = queries.event_detail(ledger, event_id, OutletRegistry.load(settings.outlet_files))
    if detail is None:
        console.print(f"[red]no event {event_id}[/red]")
        raise typer.Exit(2)
    sys.stdout.write(json.dumps(detail, ensure_ascii=False, indent=2) + "\n")


@app.command("contradictions")
def contradictions_command(db: DbOption = None) -> None:
    """Every field on which independent sources disagree, event by event."""
    settings = _settings(db)
    _require_ledger(settings.db)
    registry = OutletRegistry.load(settings.outlet_files)
    with Ledger.open(settings.db) as ledger:
        events = list(ledger.mentions.events())
        found = contradictions_list(events, ledger.mentions.event_mentions(), registry)
    out = Console(width=max(Console().width, 140))
    for event_id, contradiction in found:
        out.print(
            f"{event_id}  {contradiction.describe()}", markup=False, highlight=False, soft_wrap=True
        )


@app.command("search")
def search_command(
    query: Annotated[str, typer.Argument(help="Full-text query (SQLite FTS5 syntax)")],
    limit: Annotated[int, typer.Option(min=1)] = 20,
    db: DbOption = None,
) -> None:
    """Full-text search over titles and clean bodies."""
    settings = _settings(db)
    _require_ledger(settings.db)
    with Ledger.open(settings.db) as ledger:
        try:
            hits = ledger.search(query, limit)
        except Exception as error:  # FTS5 syntax errors surface as sqlite3.OperationalError
            console.print(f"[red]bad query[/red]: {error}")
            raise typer.Exit(2) from error
    out = Console()
    for document_id, snippet in hits:
        out.print(f"{document_id}  {snippet}", markup=False, highlight=False)


@app.command("serve")
def serve_command(
    db: DbOption = None,
    host: Annotated[
        str, typer.Option(help="Address to bind; keep 127.0.0.1 unless you mean to share it")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
) -> None:
    """Serve the JSON API (/api, schema at /openapi.json) and the offline web UI."""
    # Imported here: the web stack costs a few hundred ms that other commands should not pay.
    import uvicorn

    from newstrace.api.app import LOOPBACK_NAMES, create_app

    settings = _settings(db)
    hosts = LOOPBACK_NAMES if host in LOOPBACK_NAMES else None  # bound elsewhere: any host
    application = create_app(settings, allowed_hosts=hosts)
    console.print(f"newstrace UI: http://{host}:{port}/  (ledger {settings.db.resolve()})",
                  highlight=False, soft_wrap=True)  # fmt: skip
    uvicorn.run(application, host=host, port=port, log_level="warning")


@app.command("demo")
def demo_command(
    db: DbOption = None,
    samples: Annotated[
        Path | None,
        typer.Option(help="Real sample pages to add [default: ../shared/samples if present]"),
    ] = None,
) -> None:
    """Ingest the bundled fictional demo corpus (and the shared samples), then summarise."""
    settings = _settings(db)
    targets = [str(path) for path in demo_targets(samples)]
    report = run_ingest(targets, settings, workers=1, quiet=False)
    with Ledger.open(settings.db) as ledger:
        _print_documents(ledger)
    raise typer.Exit(1 if report.failed else 0)


# The demo corpus's input files, one of each kind (its README and generator script are not input).
DEMO_INPUTS = ("articles", "dumps", "feed.jsonl", "archive.warc.gz")


def demo_targets(samples: Path | None) -> list[Path]:
    corpus = Path(str(resources.files("newstrace") / "data" / "demo"))
    found = [corpus / name for name in DEMO_INPUTS]
    candidate = samples or Path(os.environ.get("NEWSTRACE_SAMPLES", "../shared/samples"))
    if candidate.is_dir():
        found.append(candidate)
    return found


def _print_documents(ledger: Ledger) -> None:
    """One line per stored document: id, genre, date, comment count, copy-of, outlet and title."""
    out = Console(width=max(Console().width, 120))
    out.print(f"{'document':<18} {'genre':<8} {'published':<10} {'cmts':>4}  outlet — title")
    for doc in ledger.documents(status="ok"):
        copy = f"[copy of {doc.duplicate_of}] " if doc.duplicate_of else ""
        line = (
            f"{doc.document_id[:18]:<18} {doc.genre or '':<8} {doc.published or '-':<10} "
            f"{len(doc.comments):>4}  {copy}{doc.outlet or '?'} — {(doc.title or '')[:70]}"
        )
        out.print(line, markup=False, highlight=False, no_wrap=True, overflow="ellipsis")


def _require_ledger(db: Path) -> None:
    if not db.exists():
        console.print(f"[red]no ledger at {db}[/red]: run `newstrace ingest` first or pass --db")
        raise typer.Exit(2)


def _open_output(output: Path | None) -> TextIO | nullcontext[TextIO]:
    if output is None:
        return nullcontext(sys.stdout)
    return output.open("w", encoding="utf-8", newline="")


def main() -> None:
    # trafilatura and htmldate log every hard page at WARNING; the run summary already reports
    # failures with their reasons, so their chatter would only bury it.
    for noisy in ("trafilatura", "htmldate", "charset_normalizer"):
        logging.getLogger(noisy).setLevel(logging.ERROR)
    app()


if __name__ == "__main__":
    main()
