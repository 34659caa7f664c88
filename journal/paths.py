"""Where journals live by default (the platform's user data folder)."""

from __future__ import annotations

import os
from pathlib import Path

JOURNAL_FILENAME = "journal.refill"

#: Folders that sync services watch; a live journal there risks conflicting copies.
_SYNC_MARKERS = (
    "dropbox",
    "onedrive",
    "google drive",
    "googledrive",
    "my drive",
    "syncthing",
    "icloud",
    "mobile documents",
    "nextcloud",
    "owncloud",
)


def default_journal_path() -> Path:
    """``REFILL_JOURNAL`` if set, else ``<user data dir>/Refill/journal.refill``."""
    override = os.environ.get("REFILL_JOURNAL")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_path

    return user_data_path("Refill", appauthor=False) / JOURNAL_FILENAME


def in_sync_folder(path: Path) -> bool:
    """Whether ``path`` seems to sit inside a cloud-sync folder."""
    lowered = str(path.expanduser().resolve()).lower()
    return any(marker in lowered for marker in _SYNC_MARKERS)
