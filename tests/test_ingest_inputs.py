"""iter_inputs as a whole: several targets in order, and it never raises for bad input."""

from __future__ import annotations

import io
import json
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import cast

import httpx
import pytest

from newstrace.errors import Reason
from newstrace.records import Failure, Page
from newstrace.settings import Settings
from newstrace.stages import ingest
from newstrace.stages.ingest import Fetcher, iter_inputs
from newstrace.stages.ingest import files as files_module
from newstrace.stages.ingest.urls import is_url

PAGE = "<html><body><p>This is a fictional test report by newstrace.</p></body></html>"


def test_targets_are_read_in_the_order_given(tmp_path: Path) -> None:
    (tmp_path / "b.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "1", "text": "Fictional."}) + "\n")

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=PAGE.encode(), headers={"Content-Type": "text/html"})

    client = httpx.Client(transport=httpx.MockTransport(handler))
    fetcher = Fetcher(Settings(), client=client, resolver=lambda host, port: ["93.184.215.14"])
    targets = [
        str(tmp_path / "b.html"),
        "https://news.example/x",
        "-",
        str(tmp_path / "a.jsonl"),
        str(tmp_path / "nope"),
    ]
    results = list(
        iter_inputs(targets, Settings(), stdin=io.BytesIO(PAGE.encode()), fetcher=fetcher)
    )
    assert [r.source for r in results] == [
        str(tmp_path / "b.html"),
        "https://news.example/x",
        "<stdin>",
        str(tmp_path / "a.jsonl"),
        str(tmp_path / "nope"),
    ]
    assert [type(r) for r in results] == [Page, Page, Page, Page, Failure]


def test_an_unexpected_error_is_contained(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("1.html", "2.html", "3.html"):
        (tmp_path / name).write_text(PAGE, encoding="utf-8")
    real = files_module._single

    def flaky(file: files_module._Opened, kind: object) -> Iterator[Page | Failure]:
        if file.origin.source.endswith("2.html"):
            raise RuntimeError("simulated bug")
        return real(file, kind)  # type: ignore[arg-type]

    monkeypatch.setattr(files_module, "_single", flaky)
    results = list(iter_inputs([str(tmp_path)], Settings()))
    assert [type(r) for r in results] == [Page, Failure, Page]
    failure = results[1]
    assert isinstance(failure, Failure)
    assert failure.reason is Reason.INTERNAL_ERROR
    assert failure.message == "unexpected RuntimeError: simulated bug"
    assert failure.source == str(tmp_path / "2.html")


def test_default_fetcher_is_closed_when_iteration_ends(monkeypatch: pytest.MonkeyPatch) -> None:
    closed: list[bool] = []
    monkeypatch.setattr(ingest.Fetcher, "close", lambda self: closed.append(True))
    gen = cast(Generator[object], iter_inputs(["-"], Settings(), stdin=io.BytesIO(PAGE.encode())))
    next(gen)
    gen.close()
    assert closed == [True]


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("https://news.example/a", True),
        ("HTTP://NEWS.EXAMPLE/", True),
        ("file:///etc/passwd", True),
        ("javascript:alert(1)", True),
        ("pages/a.html", False),
        ("-", False),
        ("C:/reports/a.html", False),
        ("report:draft.html", False),
    ],
)
def test_is_url(target: str, expected: bool) -> None:
    assert is_url(target) is expected


def test_path_that_looks_like_a_scheme_but_exists(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("data:page.html").write_text(PAGE, encoding="utf-8")
    [result] = list(iter_inputs(["data:page.html"], Settings()))
    assert isinstance(result, Page)
