"""What the API derives from ``Settings``: the write token, the user's outlet file, uploads.

The token and outlet file are settings (``NEWSTRACE_API_TOKEN``, ``NEWSTRACE_USER_OUTLET_FILE``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from newstrace.settings import Settings


@dataclass(frozen=True, slots=True)
class ApiConfig:
    settings: Settings
    # None disables every write endpoint: a server started without a token is read-only.
    token: str | None = None
    # Where outlet label edits are written; None = "<ledger>.outlets.yaml" beside the ledger, so
    # edits travel with the ledger they were made for.
    user_outlet_file: Path | None = None

    @property
    def outlet_file(self) -> Path:
        if self.user_outlet_file is not None:
            return self.user_outlet_file
        return self.settings.db.with_name(self.settings.db.name + ".outlets.yaml")

    @property
    def upload_dir(self) -> Path:
        """Uploads are kept beside the ledger so a document's ``source`` stays a real path."""
        return self.settings.db.with_name(self.settings.db.name + ".uploads")


def api_config(settings: Settings) -> ApiConfig:
    token = (settings.api_token or "").strip() or None
    return ApiConfig(settings, token, settings.user_outlet_file)
