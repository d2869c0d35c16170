"""The letters the viewer opened: record one, list them, tell which moved or changed.

An entry is one content (SHA-256) at one path. Opening a file whose content differs from
what the library saw at that path adds a new entry beside the old one and says so; a file
found at a new path with the content of an entry whose old path is gone is said to have
moved. Nothing is replaced without a notice.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import hashlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from viewer.core.library.database import open_database
from viewer.core.library.decisions import DecisionStore
from viewer.core.library.entry import CHANGED, MISSING, PRESENT, LetterEntry, Recorded
from viewer.core.library.location import library_path
from viewer.core.model import Document

LAST_OPEN = "last_open"
_HASH_CHUNK = 1 << 20


def now_text() -> str:
    return _dt.datetime.now(_dt.UTC).replace(microsecond=0).isoformat()


def file_sha256(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


class Library:
    """The letters database; every change is one transaction."""

    def __init__(self, path: Path | None = None):
        self.path = Path(path) if path else library_path()
        opened = open_database(self.path)
        self.conn = opened.conn
        self.notice = opened.notice  # to tell the user once
        self.in_memory = opened.in_memory
        self.decisions = DecisionStore(self.conn, self.transaction)

    def close(self) -> None:
        self.conn.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT, rolled back on any error: a write is whole or absent."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # -- recording -----------------------------------------------------------------------------

    def record(self, doc: Document, when: str | None = None) -> Recorded | None:
        """Remember a letter just opened; None for one with no file behind it."""
        if not doc.source.path or not doc.source.sha256:
            return None
        path, sha = os.path.abspath(doc.source.path), doc.source.sha256
        when = when or now_text()
        size, mtime = _stat(path)
        with self.transaction() as conn:
            same = _row(conn, "path = ? AND sha256 = ?", (path, sha))
            notice = None if same else self._notice_for_new(conn, path, sha)
            moved = None if same else self._moved_from(conn, path, sha)
            if same or moved:
                row_id = (same or moved)["id"]
                conn.execute(
                    "UPDATE letters SET path = ?, title = ?, date = ?, count = ?, size = ?, "
                    "mtime_ns = ?, last_opened = ? WHERE id = ?",
                    (path, doc.title, doc.metadata.date, len(doc.signatories), size, mtime,
                     when, row_id),
                )  # fmt: skip
            else:
                row_id = conn.execute(
                    "INSERT INTO letters (path, sha256, title, date, count, size, mtime_ns, "
                    "first_opened, last_opened) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (path, sha, doc.title, doc.metadata.date, len(doc.signatories), size,
                     mtime, when, when),
                ).lastrowid  # fmt: skip
        return Recorded(self.entry(row_id), notice)

    def _notice_for_new(self, conn: sqlite3.Connection, path: str, sha: str) -> str | None:
        name = Path(path).name
        earlier = _row(conn, "path = ? ORDER BY last_opened DESC", (path,))
        if earlier is not None:
            return (
                f"{name} has changed since you opened it on {earlier['last_opened'][:10]} "
                "(its SHA-256 differs): the library lists it as a new letter and keeps the "
                "earlier one."
            )
        elsewhere = _row(conn, "sha256 = ? ORDER BY last_opened DESC", (sha,))
        if elsewhere is None:
            return None
        if os.path.exists(elsewhere["path"]):
            return f"The same letter is also in the library at {elsewhere['path']}."
        return f"{name} was opened before at {elsewhere['path']}; the library now has it here."

    def _moved_from(self, conn: sqlite3.Connection, path: str, sha: str) -> sqlite3.Row | None:
        """An entry of this content whose file is gone from its path (the file moved)."""
        if _row(conn, "path = ?", (path,)) is not None:
            return None  # the path has its own history: the content there changed
        rows = conn.execute(
            "SELECT * FROM letters WHERE sha256 = ? ORDER BY last_opened DESC", (sha,)
        ).fetchall()
        return next((r for r in rows if not os.path.exists(r["path"])), None)

    # -- reading -------------------------------------------------------------------------------

    def entry(self, entry_id: int, check: bool = True) -> LetterEntry | None:
        row = _row(self.conn, "id = ?", (entry_id,))
        return _entry(row, check) if row else None

    def entries(self, check: bool = True) -> list[LetterEntry]:
        """Every letter, the last opened first; check: look at each file's state now."""
        rows = self.conn.execute("SELECT * FROM letters ORDER BY last_opened DESC, id DESC")
        return [_entry(r, check) for r in rows.fetchall()]

    def remove(self, entry_id: int) -> None:
        with self.transaction() as conn:
            conn.execute("DELETE FROM letters WHERE id = ?", (entry_id,))

    # -- the letter open at the end of the last run ----------------------------------------

    def set_last_open(self, entry_id: int | None) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO state (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (LAST_OPEN, None if entry_id is None else str(entry_id)),
            )

    def last_open(self) -> LetterEntry | None:
        row = self.conn.execute("SELECT value FROM state WHERE key = ?", (LAST_OPEN,)).fetchone()
        if row is None or row[0] is None or not str(row[0]).isdigit():
            return None
        return self.entry(int(row[0]))


def open_library() -> Library:
    """The user's library, in the platform's data folder."""
    return Library(library_path())


def _row(conn: sqlite3.Connection, where: str, args: tuple) -> sqlite3.Row | None:
    return conn.execute(f"SELECT * FROM letters WHERE {where} LIMIT 1", args).fetchone()


def _stat(path: str) -> tuple[int | None, int | None]:
    try:
        st = os.stat(path)
    except OSError:
        return None, None
    return st.st_size, st.st_mtime_ns


def _entry(row: sqlite3.Row, check: bool) -> LetterEntry:
    status = _status(row) if check else PRESENT
    return LetterEntry(
        id=row["id"], path=row["path"], sha256=row["sha256"], title=row["title"],
        date=row["date"], count=row["count"], first_opened=row["first_opened"],
        last_opened=row["last_opened"], status=status,
    )  # fmt: skip


def _status(row: sqlite3.Row) -> str:
    """PRESENT, MISSING or CHANGED; the file is hashed only when its size or time moved."""
    size, mtime = _stat(row["path"])
    if size is None:
        return MISSING
    if os.path.isdir(row["path"]):
        return PRESENT  # a folder of signer files: a change is found when it is read again
    if not os.path.isfile(row["path"]):
        return MISSING
    if size == row["size"] and mtime == row["mtime_ns"]:
        return PRESENT
    try:
        return PRESENT if file_sha256(row["path"]) == row["sha256"] else CHANGED
    except OSError:
        return MISSING
