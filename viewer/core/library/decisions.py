"""The user's verdicts on suggested matches: these two names in these two letters are, or
are not, one person. Keyed by the letters' SHA-256, so a verdict follows a letter that
moves and does not carry over to a changed one."""

from __future__ import annotations

import datetime as _dt
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager

# One side of a match: (the letter's SHA-256, the name's match key).
Side = tuple[str, str]
Pair = tuple[Side, Side]


def pair_key(a: Side, b: Side) -> Pair:
    """The pair in one order, whichever side came first."""
    return (a, b) if a <= b else (b, a)


class DecisionStore:
    """Reads and writes match_decisions; a Mapping-like view for the comparison."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        transaction: Callable[[], AbstractContextManager[sqlite3.Connection]],
    ):
        self._conn = conn
        self._transaction = transaction

    def decide(self, a: Side, b: Side, same: bool) -> None:
        (la, na), (lb, nb) = pair_key(a, b)
        when = _dt.datetime.now(_dt.UTC).replace(microsecond=0).isoformat()
        with self._transaction() as conn:
            conn.execute(
                "INSERT INTO match_decisions VALUES (?, ?, ?, ?, ?, ?) "
                "ON CONFLICT DO UPDATE SET same = excluded.same, decided = excluded.decided",
                (la, na, lb, nb, int(same), when),
            )

    def forget(self, a: Side, b: Side) -> None:
        (la, na), (lb, nb) = pair_key(a, b)
        with self._transaction() as conn:
            conn.execute(
                "DELETE FROM match_decisions WHERE letter_a = ? AND name_a = ? "
                "AND letter_b = ? AND name_b = ?",
                (la, na, lb, nb),
            )

    def for_letters(self, shas: set[str]) -> dict[Pair, bool]:
        """Every verdict between two of these letters."""
        found: dict[Pair, bool] = {}
        for row in self._rows():
            if row["letter_a"] in shas and row["letter_b"] in shas:
                pair = ((row["letter_a"], row["name_a"]), (row["letter_b"], row["name_b"]))
                found[pair] = bool(row["same"])
        return found

    def _rows(self) -> Iterator[sqlite3.Row]:
        yield from self._conn.execute("SELECT * FROM match_decisions")
