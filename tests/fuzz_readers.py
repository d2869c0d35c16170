"""A longer fuzz run of every reader, every export and the import plan than the suite's
property tests (for developers, and for 10 minutes before each release).

    nice -n 10 .venv/bin/python tests/fuzz_readers.py --minutes 10

Each round feeds hypothesis-generated input to:
- the readers: arbitrary bytes, UTF-8 text and byte mutations of real documents (the
  bundled letter as text, JSON, CSV and Markdown, and the letters of the shared
  external-letters folder). Every reader must return a document or raise ParseError;
- the round trips: what a reader accepted, and arbitrary documents (tests/roundtrips.py),
  exported to JSON, CSV, Markdown and the plain-text layout must reopen as the same
  document, less what the format does not carry;
- the import plan: analyse() and any with_boundary / with_list_end / with_layout on line
  mutations of the real letters and on markup soups must give a plan or a ParseError;
- the settings loader: it must return defaults and a notice, never raise.
A failure is printed with the input that caused it (shrunk by hypothesis), saved as a
regression case in tests/core/regressions/ (tests/core/test_regressions.py runs them all),
and the run exits 1.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # conftest, roundtrips

from conftest import BUNDLED_LETTER, EXTERNAL
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from roundtrips import (
    FORMATS,
    LAYOUT_CHOICES,
    MARKUP_PIECES,
    as_read,
    byte_recipes,
    case_input,
    documents,
    line_recipes,
    plan_outcome,
    regression_case,
    round_trip_difference,
    save_regression,
    seed_files,
)

from viewer.core.errors import ParseError
from viewer.core.model import Document
from viewer.core.opening import parse_document
from viewer.core.storage.settings import SettingsFile, WindowState

NAMES = ["a.txt", "a.md", "a.csv", "a.tsv", "a.json", "a.yaml", "a.pdf", "a.html", "a"]
EXAMPLES = 100  # per check and round
# No "explain" phase: it traces every line run, which makes a failure on a large letter
# take minutes to report.
PHASES = (Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink)


def _check_reader(name: str, data: bytes) -> None:
    """The reader gives a document or a ParseError, and what it gives survives every export."""
    try:
        doc = parse_document(data, name)
    except ParseError as exc:
        assert exc.message
        return
    assert doc.signatories and all(s.name.strip() for s in doc.signatories)
    made_up = doc.source.format == "json"  # a letter made up in JSON: its text is compared
    for fmt in FORMATS:  # by its signatories and metadata (tests/roundtrips.py)
        difference = round_trip_difference(doc, fmt, letter=not made_up)
        assert difference is None, difference


def _round_trip(made: Document, fmt: str) -> None:
    doc = as_read(made)
    if doc is not None:
        difference = round_trip_difference(doc, fmt, letter=False)
        assert difference is None, difference


class _Checks:
    """The checks, each keeping its last failing input as a regression case (hypothesis
    replays the shrunk failing input last, so the case kept is the smallest)."""

    def __init__(self, seeds: dict[str, bytes]):
        self.seeds = seeds
        self.failed: dict | None = None

    def keep(self, case: dict, check, *args) -> None:
        try:
            check(*args)
        except Exception:
            self.failed = case
            raise

    def reader(self, case: dict) -> None:
        self.keep(case, _check_reader, *case_input(case, self.seeds))

    def plan(self, case: dict) -> None:
        name, data = case_input(case, self.seeds)
        text = data.decode("utf-8", "surrogatepass")
        self.keep(case, plan_outcome, text, case["corrections"], name)

    def round_trip(self, made: Document, fmt: str) -> None:
        case = {"kind": "round_trip", "format": fmt, "letter": False}
        doc = as_read(made)
        if doc is not None:
            case = regression_case("round_trip", format=fmt, document=doc, letter=False)
        self.keep(case, _round_trip, made, fmt)


def run(minutes: float) -> int:
    seeds = seed_files(EXTERNAL if EXTERNAL.is_dir() else None, BUNDLED_LETTER)
    names = sorted(seeds)
    letters = [n for n in names if not n.startswith("bundled-export")]
    checks = _Checks(seeds)
    fuzz_settings = settings(max_examples=EXAMPLES, deadline=None, database=None,
                             phases=PHASES, suppress_health_check=list(HealthCheck))  # fmt: skip
    given_bytes = st.one_of(
        st.tuples(st.sampled_from(NAMES), st.binary(max_size=5000)),
        st.tuples(st.sampled_from(NAMES), st.text(max_size=5000).map(str.encode)),
    ).map(lambda c: regression_case("reader", name=c[0], data=c[1]))
    mutations = st.one_of(byte_recipes(st, names), line_recipes(st, letters))
    readers_input = st.one_of(given_bytes, mutations.map(lambda r: {"kind": "reader", "recipe": r}))
    corrections = st.lists(
        st.one_of(
            st.tuples(st.just("boundary"), st.integers(-3, 3000)),
            st.tuples(st.just("end"), st.integers(-3, 3000) | st.none()),
            st.tuples(st.just("layout"), st.sampled_from([*LAYOUT_CHOICES, "columns"])),
        ),
        max_size=4,
    ).map(lambda changes: [list(c) for c in changes])
    soups = st.lists(st.sampled_from(MARKUP_PIECES), max_size=60).map("".join)
    plan_input = st.one_of(
        st.builds(lambda r, c: {"kind": "plan", "recipe": r, "corrections": c},
                  line_recipes(st, letters), corrections),
        st.builds(lambda t, c: {"kind": "plan", "text": t, "corrections": c}, soups, corrections),
    )  # fmt: skip

    @fuzz_settings
    @given(readers_input)
    def readers(case):
        checks.reader(case)

    @fuzz_settings
    @given(documents(st), st.sampled_from(FORMATS))
    def round_trips(made, fmt):
        checks.round_trip(made, fmt)

    @fuzz_settings
    @given(plan_input)
    def plans(case):
        checks.plan(case)

    folder = Path(tempfile.mkdtemp())

    @fuzz_settings
    @given(st.binary(max_size=3000))
    def settings_loader(data):
        path = folder / "state.json"
        path.write_bytes(data)
        value, _notice = SettingsFile(path, WindowState, "window layout").load()
        assert isinstance(value, WindowState)
        for leftover in folder.iterdir():
            os.unlink(leftover)

    deadline = time.monotonic() + minutes * 60
    rounds = 0
    while time.monotonic() < deadline:
        took = []
        for check in (readers, round_trips, plans, settings_loader):
            checks.failed = None
            start = time.monotonic()
            try:
                check()
            except Exception:
                if checks.failed is not None:
                    print(f"saved as {save_regression(checks.failed)}", flush=True)
                raise
            took.append(f"{check.__name__} {time.monotonic() - start:.0f} s")
        rounds += 1
        print(
            f"round {rounds}: {rounds * EXAMPLES * 4} inputs, no failure ({', '.join(took)})",
            flush=True,
        )
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=5.0)
    return run(parser.parse_args().minutes)


if __name__ == "__main__":
    sys.exit(main())
