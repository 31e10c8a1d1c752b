"""Ingest of JSON Lines and JSON files: the DESIGN.md document contract, line by line."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from newstrace.errors import Reason
from newstrace.records import Failure, InputKind, Page, sha256_hex
from newstrace.settings import Settings
from newstrace.stages.ingest import iter_inputs
from newstrace.stages.ingest.jsonl import iter_json_document, iter_jsonl

TEXT = "This is a fictional test report by newstrace. «Two killed» in Idlib, a source said — 🚩."
HTML = "<html><body><p>This is a fictional test report by newstrace.</p></body></html>"


def doc(**fields: object) -> str:
    return json.dumps(fields, ensure_ascii=False)


def write(tmp_path: Path, name: str, *lines: str) -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run(path: Path, settings: Settings | None = None) -> list[Page | Failure]:
    return list(iter_inputs([str(path)], settings or Settings()))


def summary(results: list[Page | Failure]) -> list[tuple[str | None, str]]:
    return [(r.locator, r.reason.value if isinstance(r, Failure) else "page") for r in results]


def test_full_document_keeps_every_field(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "docs.jsonl",
        doc(
            id="demo-1",
            url="https://news.example/1",
            title="Fictional clash",
            outlet="newstrace demo (fictional)",
            published="2024-01-05",
            text=TEXT,
        ),
    )
    [result] = run(path)
    assert isinstance(result, Page)
    assert result.kind is InputKind.ARTICLE_TEXT
    assert result.raw.decode("utf-8") == TEXT  # verbatim: offsets into it stay valid
    assert result.sha256 == sha256_hex(TEXT.encode("utf-8"))
    assert (result.document_id, result.url, result.title) == (
        "demo-1",
        "https://news.example/1",
        "Fictional clash",
    )
    assert (result.outlet, result.published) == ("newstrace demo (fictional)", "2024-01-05")
    assert result.locator == "line 1"
    assert result.source == str(path)
    assert result.encoding == "utf-8"


def test_text_is_kept_verbatim_including_whitespace(tmp_path: Path) -> None:
    text = "  Fictional lead.\r\n\n\tSecond paragraph with a\u00a0no-break space.  "
    [result] = run(write(tmp_path, "a.jsonl", doc(text=text)))
    assert isinstance(result, Page)
    assert result.raw == text.encode("utf-8")


def test_html_body_gives_an_html_page(tmp_path: Path) -> None:
    [result] = run(write(tmp_path, "a.jsonl", doc(id=7, html=HTML)))
    assert isinstance(result, Page)
    assert result.kind is InputKind.HTML
    assert result.raw == HTML.encode()
    assert result.document_id == "7"  # numbers are stringified


def test_text_wins_over_html_and_empty_text_falls_back(tmp_path: Path) -> None:
    path = write(tmp_path, "a.jsonl", doc(text=TEXT, html=HTML), doc(text="  ", html=HTML))
    kinds = [r.kind for r in run(path) if isinstance(r, Page)]
    assert kinds == [InputKind.ARTICLE_TEXT, InputKind.HTML]


def test_malformed_lines_among_good_ones(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "mixed.jsonl",
        doc(id="a", text=TEXT),
        '{"id": "b", "text": "unterminated',
        "",
        doc(id="c", text=TEXT),
        '{"id": "d" "text": "x"}',
        "[1, 2]",
        doc(id="e", text=TEXT),
    )
    results = run(path)
    assert summary(results) == [
        ("line 1", "page"),
        ("line 2", "malformed_json"),
        ("line 4", "page"),
        ("line 5", "malformed_json"),
        ("line 6", "malformed_json"),
        ("line 7", "page"),
    ]
    bad = results[3]
    assert isinstance(bad, Failure)
    assert bad.message == "invalid JSON: Expecting ',' delimiter (column 12)"
    assert bad.where == f"{path} (line 5)"
    assert bad.raw == b'{"id": "d" "text": "x"}'
    assert bad.sha256 == sha256_hex(b'{"id": "d" "text": "x"}')
    assert results[4].message == "expected a JSON object, got an array"  # type: ignore[union-attr]


def test_duplicate_ids_flag_the_later_line(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "dups.jsonl",
        doc(id="x", text=TEXT),
        doc(id="y", text=TEXT),
        doc(id="x", text="A different fictional text."),
        doc(id=5, text=TEXT),
        doc(id="5", text=TEXT),
    )
    results = run(path)
    assert summary(results) == [
        ("line 1", "page"),
        ("line 2", "page"),
        ("line 3", "duplicate_id"),
        ("line 4", "page"),
        ("line 5", "duplicate_id"),
    ]
    dup = results[2]
    assert isinstance(dup, Failure)
    assert dup.document_id == "x"
    assert "already used by line 1" in dup.message


def test_a_failed_document_does_not_claim_its_id(tmp_path: Path) -> None:
    path = write(tmp_path, "a.jsonl", doc(id="x", title="no body"), doc(id="x", text=TEXT))
    assert summary(run(path)) == [("line 1", "missing_body"), ("line 2", "page")]


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"title": "only metadata"}, "no body"),
        ({"text": ""}, "no body"),
        ({"text": "   \n"}, "no body"),
        ({"html": None}, "no body"),
        ({"text": 42}, "field 'text' must be a string, got a number"),
        ({"html": ["<p>"]}, "field 'html' must be a string, got an array"),
    ],
)
def test_missing_body(tmp_path: Path, fields: dict[str, object], expected: str) -> None:
    [result] = run(write(tmp_path, "a.jsonl", json.dumps(fields)))
    assert isinstance(result, Failure)
    assert result.reason is Reason.MISSING_BODY
    assert expected in result.message


def test_bad_metadata_type(tmp_path: Path) -> None:
    [result] = run(write(tmp_path, "a.jsonl", doc(id="k", title={"en": "x"}, text=TEXT)))
    assert isinstance(result, Failure)
    assert result.reason is Reason.MALFORMED_JSON
    assert result.message == "field 'title' must be a string or a number, got an object"


def test_unpaired_surrogate_is_undecodable(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "broken \\ud83d emoji"}\n', encoding="utf-8")
    [result] = run(path)
    assert isinstance(result, Failure)
    assert result.reason is Reason.UNDECODABLE
    assert "\\ud83d at character 7" in result.message


def test_invalid_utf8_line(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(b'{"text": "caf\xe9"}\n' + doc(text=TEXT).encode() + b"\n")
    assert summary(run(path)) == [("line 1", "malformed_json"), ("line 2", "page")]


def test_bom_crlf_and_ndjson_suffix(tmp_path: Path) -> None:
    path = tmp_path / "a.ndjson"
    path.write_bytes(
        b"\xef\xbb\xbf" + doc(text=TEXT).encode() + b"\r\n" + doc(text="Two.").encode()
    )
    results = run(path)
    assert summary(results) == [("line 1", "page"), ("line 2", "page")]
    assert results[1].raw == b"Two."


def test_overlong_line_is_too_large_and_the_next_line_survives(tmp_path: Path) -> None:
    path = write(tmp_path, "a.jsonl", doc(text="x" * 5000), doc(id="ok", text=TEXT))
    results = run(path, Settings(max_document_bytes=1000))
    assert summary(results) == [("line 1", "too_large"), ("line 2", "page")]
    assert results[0].sha256 is None


def test_blank_only_jsonl_is_reported_empty(tmp_path: Path) -> None:
    path = tmp_path / "blank.jsonl"
    path.write_text("\n\n  \n", encoding="utf-8")
    [result] = run(path)
    assert isinstance(result, Failure)
    assert result.reason is Reason.EMPTY


def test_deep_nesting_is_malformed_not_a_crash(tmp_path: Path) -> None:
    path = write(tmp_path, "a.jsonl", "[" * 100_000 + "]" * 100_000, doc(text=TEXT))
    assert summary(run(path)) == [("line 1", "malformed_json"), ("line 2", "page")]


def test_jsonl_streams_from_any_binary_stream() -> None:
    stream = io.BytesIO(("\n".join(doc(id=str(i), text=TEXT) for i in range(1000)) + "\n").encode())
    results = list(iter_jsonl(stream, "mem", Settings()))
    assert len(results) == 1000
    assert results[-1].locator == "line 1000"


# --- .json files ---------------------------------------------------------------------------


def test_json_array_of_documents(tmp_path: Path) -> None:
    path = tmp_path / "batch.json"
    items = [{"id": "a", "text": TEXT}, {"id": "b", "html": HTML}, {"id": "a", "text": TEXT}, "x"]
    path.write_text(json.dumps(items, indent=2, ensure_ascii=False), encoding="utf-8")
    results = run(path)
    assert summary(results) == [
        ("item 1", "page"),
        ("item 2", "page"),
        ("item 3", "duplicate_id"),
        ("item 4", "malformed_json"),
    ]
    assert results[0].raw == TEXT.encode()


def test_json_array_streams_items_over_chunk_boundaries() -> None:
    items = [{"id": i, "text": f"{TEXT} {i} " + "y" * 3000} for i in range(800)]
    data = json.dumps(items).encode()
    assert len(data) > 2 << 20  # more than two 1 MiB read chunks
    results = list(iter_json_document(io.BytesIO(data), "mem", Settings()))
    assert [r.document_id for r in results] == [str(i) for i in range(800)]
    assert all(isinstance(r, Page) for r in results)


def test_json_array_broken_midway_keeps_earlier_items(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text(f'[{doc(text=TEXT)}, {doc(text=TEXT)}, {{"text": oops}}, {doc(text=TEXT)}]')
    results = run(path)
    assert summary(results) == [
        ("item 1", "page"),
        ("item 2", "page"),
        ("item 3", "malformed_json"),
    ]
    assert isinstance(results[2], Failure)
    assert results[2].message.endswith("the rest of the file is skipped")


def test_json_array_item_over_the_cap(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_text(f"[{doc(text=TEXT)}, {doc(text='z' * 5000)}, {doc(text=TEXT)}]")
    results = run(path, Settings(max_document_bytes=1000))
    assert summary(results) == [("item 1", "page"), ("item 2", "too_large"), ("item 3", "page")]


def test_json_array_item_over_the_cap_across_chunks() -> None:
    # The item outgrows the cap before it is complete: nothing after it can be trusted.
    data = f"[{doc(text=TEXT)}, {doc(text='z' * (3 << 20))}, {doc(text=TEXT)}]".encode()
    results = list(
        iter_json_document(io.BytesIO(data), "mem", Settings(max_document_bytes=1 << 20))
    )
    assert summary(results) == [("item 1", "page"), ("item 2", "too_large")]


def test_json_truncated_array(tmp_path: Path) -> None:
    path = tmp_path / "cut.json"
    path.write_text(f"[{doc(text=TEXT)}, ")
    assert summary(run(path)) == [("item 1", "page"), ("item 2", "malformed_json")]


def test_json_empty_array_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "none.json"
    path.write_text("[ ]")
    [result] = run(path)
    assert isinstance(result, Failure)
    assert result.reason is Reason.EMPTY


def test_json_single_pretty_printed_object(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"id": "solo", "text": TEXT}, indent=2))
    [result] = run(path)
    assert isinstance(result, Page)
    assert (result.document_id, result.locator, result.raw) == ("solo", None, TEXT.encode())


def test_json_single_object_malformed(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text('{\n  "id": "solo",\n  "text": "x",,\n}')
    [result] = run(path)
    assert isinstance(result, Failure)
    assert result.reason is Reason.MALFORMED_JSON
    assert "(line 3, column 15)" in result.message


def test_json_file_holding_json_lines(tmp_path: Path) -> None:
    path = write(tmp_path, "export.json", doc(id="1", text=TEXT), doc(id="2", text=TEXT))
    assert summary(run(path)) == [("line 1", "page"), ("line 2", "page")]


def test_json_scalar_is_malformed(tmp_path: Path) -> None:
    path = tmp_path / "n.json"
    path.write_text('"just a string"')
    [result] = run(path)
    assert isinstance(result, Failure)
    assert result.reason is Reason.MALFORMED_JSON
