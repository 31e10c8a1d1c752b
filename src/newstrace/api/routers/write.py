"""Write endpoints (token required): ingest a URL or an uploaded file; edit an outlet label.

Ingest runs the same ``pipeline.ingest`` as the CLI, under the single-writer lock; URL fetching
keeps its refusal of private and loopback addresses (there is no way to lift it from here).
Outlet edits go to the user's outlet YAML file, validated by the registry's own parser, and
re-grade the events that outlet reports at once (``api.regrade``).
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit

import yaml
from fastapi import APIRouter, Depends, File, Form, HTTPException, UploadFile
from pydantic import BaseModel, Field

from newstrace.api.deps import State, require_token
from newstrace.api.regrade import regrade_outlet
from newstrace.outlets import OutletFileError, parse_outlet
from newstrace.pipeline import IngestReport, ingest
from newstrace.records import sha256_hex
from newstrace.stages.ingest.urls import is_url

router = APIRouter(tags=["write (token)"], dependencies=[Depends(require_token)])

_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


@router.post("/ingest", summary="Ingest one URL or one uploaded file into the ledger")
def ingest_one(
    state: State,
    url: Annotated[str | None, Form(max_length=2000)] = None,
    file: Annotated[UploadFile | None, File()] = None,
) -> dict[str, Any]:
    if (url is None) == (file is None):
        raise HTTPException(422, "send exactly one of: url (form field), file (upload)")
    # Private addresses stay refused whatever the server's settings; the user's outlet labels
    # (edited through PUT /api/outlets) count for the grades of what is ingested here.
    settings = state.config.settings.with_overrides(
        fetch_allow_private=False, outlet_files=state.outlet_files
    )
    if url is not None:
        # Only http(s): anything else would make the server read its own files for the caller.
        if urlsplit(url).scheme.lower() not in ("http", "https") or not is_url(url):
            raise HTTPException(422, "url must be an http(s) URL")
        target = url
    else:
        assert file is not None
        target = str(_keep_upload(state.config.upload_dir, file, settings.max_document_bytes))
    with state.writer() as ledger:
        report = ingest([target], ledger, settings)
    return _report(report)


def _keep_upload(folder: Path, upload: UploadFile, cap: int) -> Path:
    """Store the upload beside the ledger under its hash, keeping the suffix the ingest stage
    reads its kind from; the size is capped while reading, not after."""
    data = upload.file.read(cap + 1)
    if len(data) > cap:
        raise HTTPException(413, f"upload over the {cap:,}-byte limit (max_document_bytes)")
    name = _SAFE_NAME.sub("-", Path(upload.filename or "upload.txt").name).strip("-.") or "upload"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{sha256_hex(data)[:16]}-{name[-80:]}"
    if not path.exists():
        path.write_bytes(data)
    return path


def _report(report: IngestReport) -> dict[str, Any]:
    return {
        "run_id": report.run_id,
        "outcomes": dict(report.outcomes),
        "failures": [
            {"source": f.where, "reason": f.reason.value, "message": f.message}
            for f in report.failures
        ],
        "event_mentions": report.event_mentions,
        "events_touched": report.events_touched,
    }


class OutletEdit(BaseModel):
    """A user's label for an outlet. ``basis`` cites the public source of the label."""

    name: str | None = Field(None, min_length=1, max_length=300)
    affiliation: str = Field(min_length=1, max_length=300)
    basis: str = Field("", max_length=1000)
    aliases: list[str] | None = Field(None, max_length=50)
    domains: list[str] | None = Field(None, max_length=50)
    country: str | None = Field(None, max_length=100)
    kind: str | None = Field(None, max_length=100)


@router.put("/outlets/{outlet_id}", summary="Set an outlet's label (stored in the user file)")
def edit_outlet(outlet_id: str, edit: OutletEdit, state: State) -> dict[str, Any]:
    if not re.fullmatch(r"[A-Za-z0-9._-]{1,100}", outlet_id):
        raise HTTPException(422, "outlet id: 1-100 letters, digits, '.', '_' or '-'")
    current = state.registry().get(outlet_id)
    if current is None and edit.name is None:
        raise HTTPException(422, "a new outlet needs a name")
    entry: dict[str, Any] = {
        "id": outlet_id,
        "name": edit.name or (current.name if current else ""),
        "affiliation": edit.affiliation,
        "basis": edit.basis,
        "aliases": edit.aliases if edit.aliases is not None else _kept(current, "aliases"),
        "domains": edit.domains if edit.domains is not None else _kept(current, "domains"),
        "kind": edit.kind or (current.kind if current else "outlet"),
    }
    country = edit.country or (current.country if current else None)
    if country:
        entry["country"] = country
    try:
        outlet = parse_outlet(entry, f"PUT /api/outlets/{outlet_id}")
    except OutletFileError as error:
        raise HTTPException(422, str(error)) from error
    before = state.registry()
    with state.writer() as ledger:  # the write lock: one writer for the file and the ledger
        _save_entry(state.config.outlet_file, entry)
        state.reload_registry()
        regraded = regrade_outlet(ledger, outlet_id, before, state.registry())
    return {"id": outlet.id, "name": outlet.name, "affiliation": outlet.affiliation,
            "basis": outlet.basis, "file": state.config.outlet_file.name,
            "regraded": regraded}  # fmt: skip


def _kept(current: Any, key: str) -> list[str]:
    return list(getattr(current, key)) if current is not None else []


def _save_entry(path: Path, entry: dict[str, Any]) -> None:
    """Replace or add the entry, writing a temp file and renaming it: a crash mid-write must
    not leave a half-written file that stops the registry from loading."""
    data: dict[str, Any] = {"version": 1, "outlets": []}
    if path.exists():
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or data
    outlets = [o for o in data.get("outlets") or [] if o.get("id") != entry["id"]]
    data["outlets"] = [*outlets, entry]
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".outlets-", suffix=".yaml")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write("# Outlet labels edited through the newstrace API (format: README-outlets.md)\n")
        yaml.safe_dump(data, out, allow_unicode=True, sort_keys=False)
    os.replace(temp, path)
