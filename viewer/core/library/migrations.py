"""The library's schema, one step per version (PRAGMA user_version counts the steps done).

A step is never edited once released: a new need is a new step at the end, so a database
written by any earlier version is brought up to date by running the steps it lacks.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

STEPS: tuple[str, ...] = (
    # 1: the letters opened, one row per file content at a path.
    """
    CREATE TABLE letters (
        id INTEGER PRIMARY KEY,
        path TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        title TEXT NOT NULL,
        date TEXT,
        count INTEGER NOT NULL,
        size INTEGER,
        mtime_ns INTEGER,
        first_opened TEXT NOT NULL,
        last_opened TEXT NOT NULL,
        UNIQUE (path, sha256)
    );
    CREATE TABLE state (key TEXT PRIMARY KEY, value TEXT);
    """,
    # 2: the user's verdicts on suggested matches between two letters' names.
    """
    CREATE TABLE match_decisions (
        letter_a TEXT NOT NULL,
        name_a TEXT NOT NULL,
        letter_b TEXT NOT NULL,
        name_b TEXT NOT NULL,
        same INTEGER NOT NULL CHECK (same IN (0, 1)),
        decided TEXT NOT NULL,
        PRIMARY KEY (letter_a, name_a, letter_b, name_b)
    );
    """,
)

SCHEMA_VERSION = len(STEPS)


class NewerSchema(Exception):
    """The file was written by a newer viewer: its schema is not known here."""


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(
    conn: sqlite3.Connection, target: int | None = None, steps: Sequence[str] = STEPS
) -> int:
    """Run the steps the database lacks (up to target, all by default), each with its version
    bump in one transaction. The annotation store runs its own steps through this too."""
    target = len(steps) if target is None else target
    version = schema_version(conn)
    if version > len(steps):
        raise NewerSchema(f"its schema version {version} is newer than this viewer's")
    for number in range(version + 1, target + 1):
        # executescript commits first; BEGIN ... COMMIT makes the step and its version atomic.
        conn.executescript(f"BEGIN; {steps[number - 1]} PRAGMA user_version = {number}; COMMIT;")
    return schema_version(conn)
