"""The CLI end to end, as a user runs it: real files, a real ledger, the installed entry point."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newstrace.exports import DOCUMENT_FIELDS

NEWSTRACE = str(Path(sys.executable).parent / "newstrace")
FICTIONAL = (
    "This is a fictional report written for the newstrace test suite. Fighters of an unnamed "
    "group attacked a checkpoint near Palmyra on Monday, a local official told the newstrace "
    "demo desk. Two people were wounded, the official said. Nothing in this text happened."
)


def run(*args: str, db: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [NEWSTRACE, *args, "--db", str(db)],
        input=None if stdin is None else stdin.decode("utf-8"),
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


@pytest.fixture
def mixed_folder(tmp_path: Path, samples_dir: Path) -> Path:
    folder = tmp_path / "inbox"
    (folder / "nested").mkdir(parents=True)
    for sample in samples_dir.glob("*.txt"):
        shutil.copy(sample, folder / sample.name)
    (folder / "nested" / "good.jsonl").write_text(
        json.dumps({"id": "fic-1", "outlet": "newstrace demo (fictional)", "text": FICTIONAL})
        + "\n{not json\n"
        + json.dumps({"id": "fic-2", "title": "no body"})
        + "\n",
        encoding="utf-8",
    )
    (folder / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (folder / "empty.txt").write_bytes(b"")
    return folder


def export_documents(db: Path) -> list[dict[str, object]]:
    result = run("export", "documents", "--format", "jsonl", db=db)
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_ingest_export_and_reingest(mixed_folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "ledger.db"
    first = run("ingest", str(mixed_folder), "--quiet", db=db)
    assert first.returncode == 1, "some inputs failed, so the exit code must say so"
    for reason in ("binary_content", "empty_document", "malformed_json", "missing_body"):
        assert reason in first.stderr
    docs = export_documents(db)
    assert all(list(doc) == list(DOCUMENT_FIELDS) for doc in docs)
    ok = [d for d in docs if d["status"] == "ok"]
    failed = [d for d in docs if str(d["status"]).startswith("failed: ")]
    assert len(ok) == 3 and len(failed) == 4
    assert any(d["document_id"] == "fic-1" and d["body"] == FICTIONAL for d in ok)
    sample = next(d for d in ok if str(d["source"]).endswith("000_f8c9a77859afcc4e.txt"))
    assert sample["comments"] and "Well done Russia" not in str(sample["body"])

    again = run("ingest", str(mixed_folder), "--quiet", db=db)
    assert "unchanged" in again.stderr
    assert len(export_documents(db)) == len(docs), "re-ingesting the same bytes adds nothing"


def test_export_csv_has_contract_columns(mixed_folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "ledger.db"
    run("ingest", str(mixed_folder), "--quiet", db=db)
    out = tmp_path / "docs.csv"
    result = run("export", "documents", "--format", "csv", "-o", str(out), db=db)
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert tuple(rows[0]) == DOCUMENT_FIELDS
    with_comments = [r for r in rows if r["comments"] not in ("", "[]")]
    assert json.loads(with_comments[0]["comments"])[0]["text"]


def test_stdin_and_search(tmp_path: Path) -> None:
    db = tmp_path / "ledger.db"
    line = json.dumps({"id": "stdin-1", "text": FICTIONAL}) + "\n"
    result = run("ingest", "-", "--quiet", db=db, stdin=line.encode("utf-8"))
    assert result.returncode == 0, result.stderr
    hits = run("search", "checkpoint Palmyra", db=db)
    assert hits.returncode == 0 and "stdin-1" in hits.stdout
    bad = run("search", '"unbalanced', db=db)
    assert bad.returncode == 2 and "bad query" in bad.stderr


def test_missing_ledger_and_missing_path_are_clear(tmp_path: Path) -> None:
    db = tmp_path / "none.db"
    result = run("export", "documents", db=db)
    assert result.returncode == 2 and "no ledger" in result.stderr
    missing = run("ingest", str(tmp_path / "nope.html"), "--quiet", db=db)
    assert missing.returncode == 1 and "not_found" in missing.stderr


def test_bad_inputs_each_get_a_reason_and_the_rest_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "good.txt").write_text(FICTIONAL, encoding="utf-8")
    with (folder / "huge.html").open("wb") as huge:  # 50 MB page
        huge.write(b"<html><body><p>" + b"fictional filler " * 3_000_000 + b"</p></body></html>")
    (folder / "latin.txt").write_bytes(
        FICTIONAL.replace("Palmyra", "Palmyr\u00e9").encode("cp1252")
    )
    (folder / "cut.warc.gz").write_bytes(b"\x1f\x8b\x08\x00" + b"\x00" * 40)
    db = tmp_path / "ledger.db"
    result = run(
        "ingest", str(folder), "http://127.0.0.1:9/unreachable", "--allow-private", "--quiet", db=db
    )
    assert result.returncode == 1
    statuses = {str(d["source"]).rsplit("/", 1)[-1]: d["status"] for d in export_documents(db)}
    assert statuses["good.txt"] == "ok"
    assert statuses["latin.txt"] == "ok", "a legacy encoding is decoded, not refused"
    assert str(statuses["huge.html"]).startswith("failed: too_large")
    assert str(statuses["cut.warc.gz"]).startswith("failed: malformed_warc")
    assert str(statuses["unreachable"]).startswith("failed: fetch_failed")
