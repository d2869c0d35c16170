"""Where the library's SQLite file lives and how it is opened safely.

A file that SQLite cannot read as a database (damaged, cut short, not ours) is set aside as
``<name>.corrupt-<time>``, as settings are (viewer.core.storage.settings.set_aside), and an
empty library takes its place, with one notice. A folder that cannot be written, or a file
from a newer viewer, leaves the file alone: the library is then held in memory for the run.
"""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from viewer.core.library.migrations import NewerSchema, migrate
from viewer.core.storage.settings import set_aside

BUSY_TIMEOUT_S = 5.0  # another window of the viewer may be writing


@dataclass
class Opened:
    """A connection ready to use, and at most one notice for the user."""

    conn: sqlite3.Connection
    notice: str | None = None
    in_memory: bool = False


def open_database(path: Path) -> Opened:
    """The library at path, migrated; set aside and started afresh if damaged."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = _connect(path)
    except (OSError, sqlite3.OperationalError) as exc:
        return _in_memory(path, failure_reason(exc))
    try:
        check_whole(conn)
        migrate(conn)
        commit_without_flush(conn)
        return Opened(conn)
    except NewerSchema:
        conn.close()
        return _in_memory(path, "it was written by a newer version of the viewer")
    except sqlite3.DatabaseError as exc:
        conn.close()
        if is_unwritable(exc):
            return _in_memory(path, failure_reason(exc))
        return _start_afresh(path, failure_reason(exc))


def _connect(path: Path) -> sqlite3.Connection:
    # isolation_level=None: transactions are explicit (Library.transaction), never implied.
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
    conn.row_factory = sqlite3.Row
    return conn


def commit_without_flush(conn: sqlite3.Connection) -> None:
    """A commit appends to a write-ahead log without waiting for the disk (WAL, synchronous
    NORMAL); the log is flushed when SQLite folds it back into the file. The window records
    each letter it shows on the GUI thread, and in the default mode every commit waited
    for four flushes to disk: 1 ms on an idle disk, tens of milliseconds while the disk
    was busy writing (the window frozen meanwhile). A power cut may lose the last commits,
    never the file. A database that cannot switch (read-only, or busy in another window)
    keeps its mode."""
    with contextlib.suppress(sqlite3.OperationalError):
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")


def check_whole(conn: sqlite3.Connection) -> None:
    """Raise DatabaseError unless SQLite finds the file whole."""
    row = conn.execute("PRAGMA quick_check").fetchone()
    if row is None or row[0] != "ok":
        raise sqlite3.DatabaseError(f"SQLite finds it damaged ({row[0] if row else 'no answer'})")


def is_unwritable(exc: sqlite3.DatabaseError) -> bool:
    text = str(exc).lower()
    return "readonly" in text or "unable to open" in text


def _start_afresh(path: Path, reason: str) -> Opened:
    kept = set_aside(path)
    for extra in ("-journal", "-wal", "-shm"):  # a journal belongs to the file it set aside
        side = path.with_name(path.name + extra)
        if side.exists() and kept is not None:
            side.replace(kept.with_name(kept.name + extra))
    where = (
        f"The old file was kept as {kept.name}."
        if kept
        else "The old file could not be moved aside; the library is kept in memory."
    )
    notice = f"Your library of letters could not be read ({reason}); it starts empty. {where}"
    if kept is None:
        return Opened(_memory(), notice, in_memory=True)
    try:
        conn = _connect(path)
        migrate(conn)
        commit_without_flush(conn)
    except sqlite3.Error as exc:
        return _in_memory(path, failure_reason(exc))
    return Opened(conn, notice)


def _in_memory(path: Path, reason: str) -> Opened:
    notice = (
        f"Your library of letters cannot be kept in {path.parent} ({reason}); "
        "the letters you open are remembered until you close the viewer."
    )
    return Opened(_memory(), notice, in_memory=True)


def _memory() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.row_factory = sqlite3.Row
    migrate(conn)
    return conn


def failure_reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return str(exc) or type(exc).__name__
