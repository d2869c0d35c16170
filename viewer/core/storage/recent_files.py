"""The files opened last (File > Open Recent): newest first, no repeats, at most ten.

The list lives in the platform's state folder through viewer.core.storage.settings (atomic writes,
a damaged file set aside). It is read again each time it is shown, so two windows, or two
runs, see the same list.
"""

from __future__ import annotations

import os
from pathlib import Path

from viewer.core.storage.settings import (
    MAX_PATH_CHARS,
    MAX_RECENT_FILES,
    RecentFiles,
    SettingsFile,
    recent_files_file,
)


def normal_path(path: str | Path) -> str:
    """An absolute path, as the list stores it (symbolic links kept as the user chose)."""
    return os.path.abspath(os.fspath(path))


def _same(a: str, b: str) -> bool:
    return os.path.normcase(a) == os.path.normcase(b)


def with_added(paths: list[str], path: str | Path, cap: int = MAX_RECENT_FILES) -> list[str]:
    """The list with path first (moved there if it was already in it), cut to cap entries."""
    new = normal_path(path)
    return [new, *(p for p in paths if not _same(p, new))][:cap]


def without(paths: list[str], path: str | Path) -> list[str]:
    """The list without path."""
    gone = normal_path(path)
    return [p for p in paths if not _same(p, gone)]


def still_there(path: str) -> bool:
    """Whether a remembered letter is still there: a file, or a folder of signer files."""
    return os.path.isfile(path) or os.path.isdir(path)


class RecentFileList:
    """Reads and changes the stored list; every change is saved at once."""

    def __init__(self, store: SettingsFile[RecentFiles] | None = None):
        self.store = store or recent_files_file()
        self.notice: str | None = None  # a problem with the file, to tell the user once

    def paths(self) -> list[str]:
        """The stored paths, newest first."""
        value, notice = self.store.load()
        self.notice = self.notice or notice
        return list(value.paths)

    def missing(self) -> list[str]:
        """The stored paths whose file (or signer folder) is no longer there."""
        return [p for p in self.paths() if not still_there(p)]

    def add(self, path: str | Path) -> None:
        """Put path at the top of the list."""
        if len(normal_path(path)) <= MAX_PATH_CHARS:
            self._save(with_added(self.paths(), path))

    def remove(self, path: str | Path) -> None:
        self._save(without(self.paths(), path))

    def remove_missing(self) -> None:
        """Forget the files that are no longer there."""
        self._save([p for p in self.paths() if still_there(p)])

    def clear(self) -> None:
        self._save([])

    def _save(self, paths: list[str]) -> None:
        warning = self.store.save(RecentFiles(paths))
        self.notice = self.notice or warning
