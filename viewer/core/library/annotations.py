"""The user's annotations of letters: a status per signatory, saved views, notes.

Kept per letter, keyed by the document's SHA-256 (the same letter at another path keeps its
annotations; a changed file is another letter), a signatory by its position and name as
written. One SQLite file, ``annotations.sqlite3`` in the platform's data folder, apart from
the library of letters (another branch's viewer/core/library/database.py), so that either
can be set aside without the other. Its schema is versioned by PRAGMA user_version and
brought up to date step by step (STEPS; a step is never edited once released). A file SQLite
cannot read is set aside as ``<name>.corrupt-<time>`` (storage.settings.set_aside) and a new
one started, with one notice; a folder that cannot be written, or a file from a newer viewer,
leaves the file alone and keeps the annotations in memory for the run.
"""

from __future__ import annotations

import datetime as _dt
import json
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from viewer.core.letter_notes import MAX_NOTE, Note
from viewer.core.library.database import (
    BUSY_TIMEOUT_S,
    check_whole,
    commit_without_flush,
    failure_reason,
    is_unwritable,
)
from viewer.core.library.migrations import NewerSchema
from viewer.core.library.migrations import migrate as run_steps
from viewer.core.storage.settings import APP_NAME, set_aside
from viewer.core.verification import SignatoryKey, Verification

FILE_NAME = "annotations.sqlite3"
MAX_VIEW_NAME = 100

STEPS: tuple[str, ...] = (
    # 1: a status, note and source URL per signatory of a letter.
    """
    CREATE TABLE verifications (
        letter TEXT NOT NULL,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        status TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        url TEXT NOT NULL DEFAULT '',
        changed TEXT NOT NULL,
        PRIMARY KEY (letter, position, name)
    );
    """,
    # 2: named views (filter, sort, chart grouping) per letter.
    """
    CREATE TABLE saved_views (
        letter TEXT NOT NULL,
        name TEXT NOT NULL,
        view TEXT NOT NULL,
        saved TEXT NOT NULL,
        PRIMARY KEY (letter, name)
    );
    """,
    # 3: notes on passages of a letter.
    """
    CREATE TABLE notes (
        id INTEGER PRIMARY KEY,
        letter TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        quote TEXT NOT NULL,
        note TEXT NOT NULL,
        created TEXT NOT NULL
    );
    CREATE INDEX notes_by_letter ON notes (letter, start);
    """,
)
SCHEMA_VERSION = len(STEPS)


def data_dir() -> Path:
    """The platform's folder for the user's data (XDG_DATA_HOME/letter-viewer on Linux)."""
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def default_path() -> Path:
    return data_dir() / FILE_NAME


def migrate(conn: sqlite3.Connection, target: int | None = None) -> int:
    """This store's steps, run as the library runs its own."""
    return run_steps(conn, target, STEPS)


@dataclass(frozen=True)
class SavedView:
    """A named filter, sort and chart grouping of one letter."""

    name: str
    text: str = ""
    facets: Mapping[str, tuple[str | None, ...]] = field(default_factory=dict)
    sort_column: str = "position"
    descending: bool = False
    grouping: str = ""

    def to_json(self) -> str:
        obj = {
            "text": self.text,
            "facets": {k: list(v) for k, v in self.facets.items()},
            "sort_column": self.sort_column,
            "descending": self.descending,
            "grouping": self.grouping,
        }
        return json.dumps(obj, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, name: str, text: str) -> SavedView:
        """The view stored as text; ValueError if it is not one (a hand-edited row)."""
        obj = json.loads(text)
        if not isinstance(obj, dict) or not isinstance(obj.get("facets", {}), dict):
            raise ValueError("not a saved view")
        facets = {str(k): tuple(v) for k, v in obj.get("facets", {}).items()}
        return cls(
            name,
            str(obj.get("text", "")),
            facets,
            str(obj.get("sort_column", "position")),
            bool(obj.get("descending", False)),
            str(obj.get("grouping", "")),
        )


class AnnotationStore:
    """The annotations file, open for the run; every change is written at once."""

    def __init__(self, path: Path | None = None):
        self.path = Path(path) if path is not None else default_path()
        self.notice: str | None = None  # what the user should hear about the file, once
        self.in_memory = False
        self.conn = self._open()

    # -- verification ---------------------------------------------------------------------------

    def verifications(self, letter: str) -> dict[SignatoryKey, Verification]:
        """Every status given in a letter, by (position, name)."""
        rows = self.conn.execute(
            "SELECT position, name, status, note, url, changed FROM verifications WHERE letter = ?",
            (letter,),
        )
        found = {}
        for row in rows:
            try:
                found[(row[0], row[1])] = Verification(row[2], row[3], row[4], row[5])
            except ValueError:
                continue  # a status this viewer does not know (a newer one's): left alone
        return found

    def set_verification(
        self, letter: str, keys: Iterable[SignatoryKey], verification: Verification
    ) -> Verification:
        """Give the signatories keys one status, note and URL (blank: forget theirs)."""
        stamped = Verification(verification.status, verification.note, verification.url, _now())
        with self._transaction():
            for position, name in keys:
                if verification.is_blank:
                    self.conn.execute(
                        "DELETE FROM verifications WHERE letter = ? AND position = ? AND name = ?",
                        (letter, position, name),
                    )
                    continue
                self.conn.execute(
                    "INSERT OR REPLACE INTO verifications VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (letter, position, name, stamped.status, stamped.note, stamped.url,
                     stamped.changed),
                )  # fmt: skip
        return stamped

    # -- saved views ------------------------------------------------------------------------------

    def views(self, letter: str) -> dict[str, SavedView]:
        """A letter's saved views by name, in name order."""
        rows = self.conn.execute(
            "SELECT name, view FROM saved_views WHERE letter = ? ORDER BY name COLLATE NOCASE",
            (letter,),
        )
        found = {}
        for name, text in rows:
            try:
                found[name] = SavedView.from_json(name, text)
            except (ValueError, TypeError):
                continue  # unreadable (edited by hand): not offered
        return found

    def save_view(self, letter: str, view: SavedView) -> None:
        """Keep view under its name for the letter, replacing one of that name."""
        name = view.name.strip()
        if not name or len(name) > MAX_VIEW_NAME:
            raise ValueError(f"a view's name is 1 to {MAX_VIEW_NAME} characters")
        with self._transaction():
            self.conn.execute(
                "INSERT OR REPLACE INTO saved_views VALUES (?, ?, ?, ?)",
                (letter, name, view.to_json(), _now()),
            )

    def delete_view(self, letter: str, name: str) -> None:
        with self._transaction():
            self.conn.execute(
                "DELETE FROM saved_views WHERE letter = ? AND name = ?", (letter, name)
            )

    # -- notes ----------------------------------------------------------------------------------

    def notes(self, letter: str) -> list[Note]:
        """A letter's notes in the order of their passages."""
        rows = self.conn.execute(
            'SELECT quote, note, start, "end", created, id FROM notes WHERE letter = ?'
            " ORDER BY start, id",
            (letter,),
        )
        return [Note(*row) for row in rows]

    def add_note(self, letter: str, note: Note) -> Note:
        """Keep a note; the note with its id and time."""
        created = _now()
        with self._transaction():
            cursor = self.conn.execute(
                'INSERT INTO notes (letter, start, "end", quote, note, created)'
                " VALUES (?, ?, ?, ?, ?, ?)",
                (letter, note.start, note.end, note.quote, note.text[:MAX_NOTE], created),
            )
        return Note(note.quote, note.text[:MAX_NOTE], note.start, note.end, created,
                    cursor.lastrowid)  # fmt: skip

    def delete_note(self, letter: str, note_id: int) -> None:
        with self._transaction():
            self.conn.execute("DELETE FROM notes WHERE letter = ? AND id = ?", (letter, note_id))

    def close(self) -> None:
        self.conn.close()

    # -- the file -------------------------------------------------------------------------------

    def _transaction(self) -> _Transaction:
        return _Transaction(self.conn)

    def _open(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = _connect(self.path)
        except (OSError, sqlite3.Error) as exc:
            return self._in_memory(failure_reason(exc))
        try:
            check_whole(conn)
            migrate(conn)
            commit_without_flush(conn)
            return conn
        except NewerSchema:
            conn.close()
            return self._in_memory("it was written by a newer version of the viewer")
        except sqlite3.DatabaseError as exc:
            conn.close()
            if is_unwritable(exc):
                return self._in_memory(failure_reason(exc))
            return self._start_afresh(failure_reason(exc))

    def _start_afresh(self, reason: str) -> sqlite3.Connection:
        kept = set_aside(self.path)
        for extra in ("-journal", "-wal", "-shm"):  # a journal belongs to the file set aside
            side = self.path.with_name(self.path.name + extra)
            if side.exists() and kept is not None:
                side.replace(kept.with_name(kept.name + extra))
        if kept is None:
            return self._in_memory(f"{reason}; it could not be moved aside")
        self.notice = (
            f"Your statuses and saved views could not be read ({reason}); they start empty. "
            f"The old file was kept as {kept.name}."
        )
        try:
            conn = _connect(self.path)
            migrate(conn)
            commit_without_flush(conn)
        except sqlite3.Error as exc:
            return self._in_memory(failure_reason(exc))
        return conn

    def _in_memory(self, reason: str) -> sqlite3.Connection:
        self.in_memory = True
        self.notice = (
            f"Your statuses and saved views cannot be kept in {self.path.parent} ({reason}); "
            "they are kept until you close the viewer."
        )
        conn = sqlite3.connect(":memory:", isolation_level=None)
        migrate(conn)
        return conn


class _Transaction:
    """BEGIN ... COMMIT, or ROLLBACK if the block raised."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def __enter__(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind: Any, *_rest: Any) -> None:
        self.conn.execute("ROLLBACK" if kind is not None else "COMMIT")


def _connect(path: Path) -> sqlite3.Connection:
    # isolation_level=None: transactions are explicit (_Transaction), never implied.
    return sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")
