"""The CSV reader, a slice of rows at a time, reads what a plain csv.reader over the whole
text says the file holds: the same signatories, or the same error at the same line.

The reference below follows the rules as the README states them (the header names the
columns; cells are trimmed; an empty cell is "not stated"; blank rows are skipped; other
columns are kept as extra fields; a row without a name is an error at its line), with
csv.reader over io.StringIO(text) and nothing of the reader under test.
"""

from __future__ import annotations

import csv
import io
import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from viewer.core.errors import ParseError
from viewer.core.formats import csv_reader
from viewer.core.formats.csv_reader import signatories_from_csv
from viewer.core.model import Signatory, signatories_from_columns
from viewer.core.progress import Progress

HEADERS = ("name", "role", "country", "party")  # party: an extra column


def reference(text: str, delimiter: str) -> list[tuple] | tuple[str, int]:
    """(name, role, country, position, extra) per signatory, or ("error", line)."""
    rows = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), delimiter=delimiter)
    header = [h.strip() for h in next(rows)]
    people = []
    for row in rows:
        if not "".join(row).strip():
            continue
        cells = {h: (row[i].strip() if i < len(row) else "") for i, h in enumerate(header)}
        if not cells["name"]:
            return ("error", rows.line_num)
        extra = (("party", cells["party"]),) if cells.get("party") else ()
        people.append(
            (
                cells["name"],
                cells.get("role") or None,
                cells.get("country") or None,
                len(people) + 1,
                extra,
            )
        )
    return people or ("error", 2)  # a header and no signatories: said at line 2


def ours(text: str | list[str]) -> list[tuple] | tuple[str, int]:
    try:
        doc = signatories_from_csv(text, "t.csv")
    except ParseError as exc:
        return ("error", exc.line)
    return [(s.name, s.role, s.country, s.position, s.extra) for s in doc.signatories]


cell_text = st.text(alphabet='ab é,;"\r\n\t', max_size=8)
plain = st.text(alphabet="abcé -", min_size=1, max_size=8).filter(lambda t: t.strip())


@st.composite
def csv_files(draw) -> tuple[str, str]:
    """A CSV text with a header of some of HEADERS (name always), and its delimiter."""
    delimiter = draw(st.sampled_from([",", ";"]))
    columns = ["name", *draw(st.lists(st.sampled_from(HEADERS[1:]), min_size=1, unique=True))]
    columns = draw(st.permutations(columns))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator=newline)
    writer.writerow(columns)
    for _ in range(draw(st.integers(1, 12))):
        kind = draw(st.sampled_from(["person", "person", "person", "blank", "short", "odd"]))
        if kind == "blank":
            out.write(draw(st.sampled_from(["", " "])) + newline)
        elif kind == "short":  # fewer cells than the header: the rest are not stated
            writer.writerow([draw(plain)])
        else:
            row = {c: draw(cell_text if kind == "odd" else plain) for c in columns}
            writer.writerow([row[c] for c in columns])
    bom = draw(st.sampled_from(["", "\ufeff"]))
    return bom + out.getvalue(), delimiter


@pytest.fixture
def small_slices(monkeypatch):
    """Slices of a few rows and characters, so that every file is read in many of them."""
    monkeypatch.setattr(csv_reader, "ROWS_PER_SLICE", 3)
    monkeypatch.setattr(csv_reader, "TEXT_SLICE", 5)


@settings(
    max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(file=csv_files())
def test_rows_read_in_slices_are_those_of_one_plain_reader(small_slices, file):
    text, delimiter = file
    assert ours(text) == reference(text, delimiter)


@settings(max_examples=200, deadline=None)
@given(file=csv_files())
def test_rows_read_in_whole_slices_are_the_same(file):
    text, delimiter = file
    assert ours(text) == reference(text, delimiter)


def test_a_row_without_a_name_after_quoted_line_breaks_names_its_own_line(small_slices):
    text = 'name,role\nA,"two\r\nlines"\nB,x\r\n"C","three\rline\nbreaks"\n,nobody\n'
    with pytest.raises(ParseError) as caught:
        signatories_from_csv(text)
    assert caught.value.line == 8  # header 1, A 2-3, B 4, C 5-7, the nameless row 8


def test_progress_of_a_large_csv_increases_to_one(monkeypatch):
    monkeypatch.setattr(csv_reader, "ROWS_PER_SLICE", 100)
    monkeypatch.setattr(csv_reader, "TEXT_SLICE", 1000)
    text = "name,role\n" + "".join(f"Person {i},Senator\n" for i in range(2000))
    seen: list[float] = []
    doc = signatories_from_csv(text, progress=Progress(lambda _s, f: seen.append(f)))
    assert len(doc.signatories) == 2000
    assert len(seen) >= 10 and seen == sorted(seen) and seen[-1] == 1.0


def test_roles_and_countries_are_one_string_per_value():
    text = "name,role,country\n" + "".join(f"P{i},Sen{'ator'},Ch{'ile'}\n" for i in range(5))
    people = signatories_from_csv(text).signatories
    assert len({id(p.role) for p in people}) == 1 and len({id(p.country) for p in people}) == 1


def test_signatories_made_by_columns_equal_those_made_one_by_one():
    made = signatories_from_columns(
        ["A", "B"], ["MP", None], [None, "Peru"], [1, 2], [None, "Bee"], [(), (("party", "X"),)]
    )
    assert made == [
        Signatory("A", "MP", None, 1),
        Signatory(name="B", country="Peru", position=2, family_name="Bee", extra=(("party", "X"),)),
    ]
    assert hash(made[1]) == hash(Signatory("B", None, "Peru", 2, "Bee", (("party", "X"),)))


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(file=csv_files(), cuts=st.sets(st.integers(0, 30)))
def test_text_in_pieces_reads_as_the_whole_text(small_slices, file, cuts):
    """Pieces that end at a line's end, as a large file is decoded (Decoded.pieces)."""
    text, _delimiter = file
    line_ends = [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    ends = [end for k, end in enumerate(line_ends) if k in cuts and end < len(text)]
    pieces = [text[a:b] for a, b in itertools.pairwise([0, *ends, len(text)])]
    assert "".join(pieces) == text
    assert ours(pieces) == ours(text)
