"""Ingest of files and folders: expansion, ordering, suffix dispatch and every bad-input case."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newstrace.errors import Reason
from newstrace.records import Failure, InputKind, Page, sha256_hex
from newstrace.settings import Settings
from newstrace.stages import ingest
from newstrace.stages.ingest import files as files_module
from newstrace.stages.ingest import iter_inputs
from newstrace.stages.ingest.files import walk_files

REPORT = "This is a fictional test report by newstrace. Shelling was reported near Aleppo."
PAGE = (
    f"<!DOCTYPE html><html><head><title>Fictional</title></head><body><p>{REPORT}</p></body></html>"
)
PNG_HEADER = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"
)


def run(*targets: str | Path, settings: Settings | None = None) -> list[Page | Failure]:
    return list(iter_inputs([str(t) for t in targets], settings or Settings()))


def only(results: list[Page | Failure]) -> Page | Failure:
    assert len(results) == 1, results
    return results[0]


def failure(results: list[Page | Failure], reason: Reason) -> Failure:
    result = only(results)
    assert isinstance(result, Failure), result
    assert result.reason is reason, result
    return result


def page(results: list[Page | Failure]) -> Page:
    result = only(results)
    assert isinstance(result, Page), result
    return result


# --- single files by suffix ---------------------------------------------------------------


@pytest.mark.parametrize("name", ["report.html", "report.htm", "report.xhtml", "REPORT.HTML"])
def test_html_suffixes_give_html_pages(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(PAGE, encoding="utf-8")
    result = page(run(path))
    assert result.kind is InputKind.HTML
    assert result.raw == PAGE.encode()
    assert result.source == str(path)
    assert result.sha256 == sha256_hex(PAGE.encode())
    assert result.locator is None


def test_txt_is_a_text_dump(tmp_path: Path) -> None:
    path = tmp_path / "dump.txt"
    path.write_text(f"Home | World | Donate\n{REPORT}\n12 comments", encoding="utf-8")
    result = page(run(path))
    assert result.kind is InputKind.TEXT_DUMP


def test_source_is_the_path_exactly_as_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "a.html").write_text(PAGE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert page(run("pages/a.html")).source == "pages/a.html"
    assert page(run("./pages/../pages/a.html")).source == "./pages/../pages/a.html"


def test_undecodable_txt_is_still_a_page(tmp_path: Path) -> None:
    # Windows-1251 bytes are not UTF-8; decoding (with detection) is the extract stage's job.
    raw = "Вымышленный отчёт newstrace: обстрел возле Харькова.".encode("cp1251")
    path = tmp_path / "cyrillic.txt"
    path.write_bytes(raw)
    result = page(run(path))
    assert result.raw == raw
    assert result.kind is InputKind.TEXT_DUMP


def test_txt_with_nul_bytes_is_binary(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt"
    path.write_bytes(b"fictional\x00\x00\x00report" * 20)
    found = failure(run(path), Reason.BINARY)
    assert found.raw is not None and found.raw.startswith(b"fictional")


def test_png_is_binary_with_a_hint(tmp_path: Path) -> None:
    path = tmp_path / "photo.png"
    path.write_bytes(PNG_HEADER + bytes(range(256)) * 4)
    found = failure(run(path), Reason.BINARY)
    assert found.message == "binary content (PNG image?)"


def test_png_named_html_is_binary(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(PNG_HEADER + bytes(range(256)) * 4)
    assert "PNG" in failure(run(path), Reason.BINARY).message


def test_pdf_is_binary(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n")
    assert "PDF" in failure(run(path), Reason.BINARY).message


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_bytes(b"")
    found = failure(run(path), Reason.EMPTY)
    assert found.message == "empty file"
    assert found.sha256 == sha256_hex(b"")


def test_whitespace_only_file_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(b" \n\t\r\n  ")
    failure(run(path), Reason.EMPTY)


def test_missing_path(tmp_path: Path) -> None:
    found = failure(run(tmp_path / "nowhere.html"), Reason.NOT_FOUND)
    assert found.source == str(tmp_path / "nowhere.html")


def test_broken_symlink(tmp_path: Path) -> None:
    link = tmp_path / "dangling.html"
    link.symlink_to(tmp_path / "gone.html")
    assert failure(run(link), Reason.NOT_FOUND).message == "broken symbolic link"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.html"
    path.write_text(PAGE, encoding="utf-8")
    path.chmod(0)
    try:
        failure(run(path), Reason.UNREADABLE)
    finally:
        path.chmod(0o600)


def test_permission_error_is_unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.html"
    path.write_text(PAGE, encoding="utf-8")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(files_module, "open", refuse, raising=False)
    assert failure(run(path), Reason.UNREADABLE).message == "permission denied"


# --- size cap -----------------------------------------------------------------------------


def test_50_mb_page_is_too_large_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    with path.open("wb") as handle:
        handle.write(b"<html><body>")
        handle.truncate(50 * 1024 * 1024)  # sparse: costs no disk and no time
    settings = Settings()
    found = failure(run(path, settings=settings), Reason.TOO_LARGE)
    assert "52,428,800 bytes" in found.message
    assert found.raw is not None and len(found.raw) == settings.max_failed_raw_bytes
    assert found.sha256 is None  # only a head was read: no hash of the whole file


def test_real_file_over_a_lowered_cap(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text(REPORT * 100, encoding="utf-8")
    settings = Settings(max_document_bytes=1000, max_failed_raw_bytes=100)
    found = failure(run(path, settings=settings), Reason.TOO_LARGE)
    assert found.raw == (REPORT * 100).encode()[:100]
    assert page(run(path, settings=Settings(max_document_bytes=len(REPORT) * 100)))


# --- folders ------------------------------------------------------------------------------


def make_tree(root: Path) -> None:
    (root / "b").mkdir(parents=True)
    (root / "a" / "deep").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / ".git" / "config.html").write_text(PAGE, encoding="utf-8")
    (root / ".hidden.html").write_text(PAGE, encoding="utf-8")
    (root / "z.html").write_text(PAGE, encoding="utf-8")
    (root / "c.txt").write_text(REPORT, encoding="utf-8")
    (root / "b" / "2.html").write_text(PAGE, encoding="utf-8")
    (root / "b" / "1.htm").write_text(PAGE, encoding="utf-8")
    (root / "a" / "deep" / "x.txt").write_text(REPORT, encoding="utf-8")
    (root / "a" / "y.html").write_text(PAGE, encoding="utf-8")


def test_folder_is_recursive_sorted_and_skips_hidden(tmp_path: Path) -> None:
    make_tree(tmp_path / "corpus")
    sources = [r.source for r in run(tmp_path / "corpus")]
    base = str(tmp_path / "corpus")
    expected = ["a/deep/x.txt", "a/y.html", "b/1.htm", "b/2.html", "c.txt", "z.html"]
    assert sources == [os.path.join(base, rel) for rel in expected]


def test_folder_sources_join_the_folder_as_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_tree(tmp_path / "corpus")
    monkeypatch.chdir(tmp_path)
    sources = [r.source for r in run("corpus/")]
    assert sources[0] == "corpus/a/deep/x.txt"
    assert all(s.startswith("corpus/") and "//" not in s for s in sources)


def test_folder_order_is_deterministic(tmp_path: Path) -> None:
    make_tree(tmp_path / "corpus")
    first = [(r.source, r.sha256) for r in run(tmp_path / "corpus")]
    assert first == [(r.source, r.sha256) for r in run(tmp_path / "corpus")]


def test_hidden_file_named_directly_is_read(tmp_path: Path) -> None:
    path = tmp_path / ".draft.html"
    path.write_text(PAGE, encoding="utf-8")
    assert page(run(path)).kind is InputKind.HTML


def test_symlink_loop_is_skipped(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "page.html").write_text(PAGE, encoding="utf-8")
    (root / "sub" / "loop").symlink_to(root, target_is_directory=True)
    (root / "again").symlink_to(root / "sub", target_is_directory=True)
    results = run(root)
    assert [r.source for r in results] == [str(root / "again" / "page.html")]


def test_bad_files_in_a_folder_do_not_stop_the_good_ones(tmp_path: Path) -> None:
    root = tmp_path / "mixed"
    root.mkdir()
    (root / "1.html").write_text(PAGE, encoding="utf-8")
    (root / "2.png").write_bytes(PNG_HEADER * 10)
    (root / "3.txt").write_bytes(b"")
    (root / "4.jsonl").write_text('{"text": "fictional"}\n{oops\n', encoding="utf-8")
    (root / "5.html").write_text(PAGE, encoding="utf-8")
    kinds = [
        (Path(r.source).name, r.reason if isinstance(r, Failure) else "page") for r in run(root)
    ]
    assert kinds == [
        ("1.html", "page"),
        ("2.png", Reason.BINARY),
        ("3.txt", Reason.EMPTY),
        ("4.jsonl", "page"),
        ("4.jsonl", Reason.MALFORMED_JSON),
        ("5.html", "page"),
    ]


def test_empty_folder_is_reported(tmp_path: Path) -> None:
    (tmp_path / "nothing").mkdir()
    (tmp_path / "nothing" / ".DS_Store").write_bytes(b"\x00\x01")
    assert failure(run(tmp_path / "nothing"), Reason.EMPTY).message == "folder holds no files"


def test_fifo_in_a_folder_is_not_opened(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this platform")
    root = tmp_path / "dir"
    root.mkdir()
    os.mkfifo(root / "pipe")
    assert failure(run(root), Reason.UNSUPPORTED_TYPE).message == "not a regular file"


def test_walk_reports_unlistable_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_tree(tmp_path / "corpus")
    real_scandir = os.scandir

    def scandir(path: str) -> object:
        if path.endswith("b"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    walked = list(walk_files(str(tmp_path / "corpus")))
    assert (str(tmp_path / "corpus" / "b"), "Permission denied") in walked
    assert str(tmp_path / "corpus" / "z.html") in [p for p, _ in walked]


# --- unknown suffixes and XML -------------------------------------------------------------


def test_unknown_suffix_with_markup_is_html(tmp_path: Path) -> None:
    path = tmp_path / "article.php"
    path.write_text(PAGE, encoding="utf-8")
    assert page(run(path)).kind is InputKind.HTML


def test_no_suffix_text_is_a_dump(tmp_path: Path) -> None:
    path = tmp_path / "README"
    path.write_text(REPORT, encoding="utf-8")
    assert page(run(path)).kind is InputKind.TEXT_DUMP


def test_text_with_a_foreign_suffix_is_unsupported(tmp_path: Path) -> None:
    path = tmp_path / "casualties.csv"
    path.write_text("date,place,killed\n2024-01-05,Fictional,3\n", encoding="utf-8")
    found = failure(run(path), Reason.UNSUPPORTED_TYPE)
    assert "'.csv'" in found.message


def test_xml_that_is_not_a_feed(tmp_path: Path) -> None:
    path = tmp_path / "config.xml"
    path.write_text('<?xml version="1.0"?><settings><a>1</a></settings>', encoding="utf-8")
    assert "not an RSS or Atom feed" in failure(run(path), Reason.UNSUPPORTED_TYPE).message


def test_local_feed_with_inline_content(tmp_path: Path) -> None:
    body = f"<p>{REPORT}</p>" * 10
    path = tmp_path / "saved.rss"
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        "<channel><title>newstrace demo (fictional)</title>"
        "<item><title>Fictional shelling</title><link>https://news.example/a</link>"
        "<pubDate>Fri, 05 Jan 2024 23:30:00 +0300</pubDate>"
        f"<content:encoded><![CDATA[{body}]]></content:encoded></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    result = page(run(path))
    assert result.kind is InputKind.HTML
    assert result.raw == body.encode()
    assert result.source == str(path)
    assert result.locator == "item 1"
    assert result.outlet == "newstrace demo (fictional)"
    assert result.published == "2024-01-05"
    assert result.url == "https://news.example/a"


def test_public_api() -> None:
    assert ingest.__all__ == ["STDIN_SOURCE", "Fetcher", "iter_inputs"]
