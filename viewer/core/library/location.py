"""Where the library's file lives (no SQLite imported here)."""

from __future__ import annotations

from pathlib import Path

import platformdirs

from viewer.core.storage.settings import APP_NAME

LIBRARY_FILE = "library.sqlite3"


def data_dir() -> Path:
    """The platform's folder for the user's data (XDG_DATA_HOME on Linux)."""
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def library_path() -> Path:
    return data_dir() / LIBRARY_FILE
