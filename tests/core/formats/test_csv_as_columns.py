"""The column reader (numpy, no object per row) reads every CSV it takes exactly as the row
reader does, and leaves every other CSV to it.

Each case is read both ways: csv_columns.table_from_csv on the bytes, and the row reader
(csv_reader.signatories_from_csv) on the decoded text; the documents' signatories must be
equal, field for field. A case the column reader declines (None) must be one the row reader
reads differently or refuses; the plain ones below must be taken, so a column reader that
declined everything would fail here.
"""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from viewer.core.errors import ParseError
from viewer.core.formats import csv_columns
from viewer.core.formats.csv_columns import table_from_csv
from viewer.core.formats.csv_reader import signatories_from_csv
from viewer.core.opening import parse_document
from viewer.core.progress import Cancelled, Progress
from viewer.core.query.engine import Query, QueryEngine
from viewer.core.signatory_table import SignatoryTable


def both(data: bytes):
    """(column reader's document or None, row reader's document or its ParseError)."""
    columns = table_from_csv(data, "letter.csv")
    try:
        rows = signatories_from_csv(data.decode("utf-8-sig"), "letter.csv")
    except ParseError as exc:
        rows = exc
    return columns, rows


def same(data: bytes) -> SignatoryTable | None:
    columns, rows = both(data)
    if columns is None:
        return None
    assert not isinstance(rows, ParseError), rows
    assert isinstance(columns.signatories, SignatoryTable)
    assert tuple(columns.signatories) == rows.signatories
    assert columns.countries == rows.countries
    assert columns.roles == rows.roles
    return columns.signatories


PLAIN = [
    b"name,role,country\nAna,MP,Chile\nBo,,Peru\n",
    b"name,role,country\r\nAna,MP,Chile\r\nBo,Senator,\r\n",  # Windows line ends
    b"\xef\xbb\xbfname;role;country\nAna;MP;Chile\n",  # BOM, semicolons
    b"name\tcountry\nAna\tChile\nBo\tPeru",  # tabs, no final line break
    b'name,role,country\n"Smith, Ana",MP,Chile\n"O""Brien",MP,"Ireland"\n',  # quotes
    b'name,role\n"Ana\nLuisa",MP\nBo,MP\n',  # a line break inside a quoted name
    b"name,role,country\n  Ana  ,  MP ,Chile \n\nBo,MP,Peru\n\n",  # spaces, blank lines
    b"name,role,country\n,,\nAna,MP,Chile\n",  # a row of empty cells
    b"name,party,email\nAna,Greens,a@x.org\nBo,,b@x.org\nCy,Greens,\n",  # further columns
    b"name,role,family name\nAna Diaz,MP,Diaz\nBo Li,MP,\n",  # a family-name column
    b"name,phone\nAna,'+44 20 7946 0000\nBo,'=SUM(A1)\nCy,'plain\n",  # neutralised formulas
    "name,country\nJosé,España\n李明,中国\nÖzil,Türkiye\n".encode(),  # non-ASCII
    b"Name,Role,Country\nAna,MP,Chile\n",  # headers as a spreadsheet writes them
]


@pytest.mark.parametrize("data", PLAIN)
def test_plain_files_are_read_as_columns_exactly_as_row_by_row(data):
    assert same(data) is not None


OTHER = [
    b"name,role,country\nAna,MP\n",  # a short row
    b"name,role\nAna,MP,extra\n",  # a long row
    b"name,role\n,MP\n",  # a row without a name
    b'name,role\nAna "the" Diaz,MP\n',  # a quote inside an unquoted cell
    b'name,role\n"Ana"x,MP\n',  # text after a closing quote
    b'name,role\n"Ana,MP\n',  # an unclosed quote
    b"name,role\rAna,MP\rBo,MP\r",  # old Mac line ends
    "name,role\n\u00a0Ana\u00a0,MP\n".encode(),  # no-break spaces around a name
    "name,role\nAna,MP\u3000\n".encode(),  # an ideographic space after a role
    b"first name,last name\nAna,Diaz\n",  # a name joined from given and family names
    b"name,role\nAna,MP\xe9\n",  # not UTF-8 (Windows-1252)
    b"name,role\nAna,\x01\x02\x03\x04\x05\x06\x07\x08\n",  # control bytes
    b"name,role\n",  # no rows
]


@pytest.mark.parametrize("data", OTHER)
def test_other_files_are_left_to_the_row_reader(data):
    assert table_from_csv(data, "letter.csv") is None


PARTED = (
    b"name,role,country\nAna,MP,Chile\nBo,,Peru\nCy,Senator,Chile\nDi,MP,\nEd,,\n"
    b"Flo,Senator,Peru\nGus,Mayor,Japan\n"
)


@pytest.mark.parametrize("rows_at_a_time", [1, 2, 3, 100])
def test_roles_and_countries_made_in_parts_are_those_made_at_once(monkeypatch, rows_at_a_time):
    # Large files make these columns in parts, one per thread (csv_columns.CATEGORY_ROWS):
    # a label first seen in a later part, or "not stated" in some parts only, keeps its place.
    monkeypatch.setattr(csv_columns, "CATEGORY_ROWS", rows_at_a_time)
    table = same(PARTED)
    assert table is not None
    assert table.roles.labels == ("MP", "Senator", "Mayor")
    assert table.countries.labels == ("Chile", "Peru", "Japan")
    assert [s.role for s in table] == ["MP", None, "Senator", "MP", None, "Senator", "Mayor"]
    for data in PLAIN:
        same(data)


def test_the_opened_document_is_a_table_with_its_provenance(tmp_path):
    data = PLAIN[4]
    doc = parse_document(data, str(tmp_path / "letter.csv"))
    assert isinstance(doc.signatories, SignatoryTable)
    assert doc.source.format == "csv" and doc.source.encoding == "utf-8"
    assert doc.source.sha256 is not None and len(doc.source.sha256) == 64
    old = parse_document(data, str(tmp_path / "letter.csv"), progress=None)
    assert old == doc


def test_a_declined_file_is_read_row_by_row_with_the_line_of_its_fault():
    with pytest.raises(ParseError) as err:
        parse_document(b"name,role,country\nAna,MP,Chile\n,MP,Peru\n", "letter.csv")
    assert err.value.line == 3


def test_cancel_stops_the_column_reader():
    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        table_from_csv(b"name\n" + b"Ana\n" * 10, "letter.csv", progress)


@pytest.mark.parametrize(
    ("step", "not_reached"),
    [
        ("_strip", "_refuse_unicode_spaces"),  # cancelled while trimming the cells
        ("_refuse_unicode_spaces", "_replaced"),
        ("_byte_index", "fold_column"),  # while gathering the names
    ],
)
def test_a_cancel_is_heard_between_the_steps_of_a_column(monkeypatch, step, not_reached):
    """Cancel clicked during one step of the reading: the next step never starts (each
    step of a million rows takes tens of milliseconds; Cancel must answer within 50)."""
    import viewer.core.formats.csv_columns as reader
    import viewer.core.text_column as columns

    progress = Progress()
    module = reader if hasattr(reader, step) else columns
    original = getattr(module, step)

    def cancelled_meanwhile(*args, **kwargs):
        progress.cancel()  # as the Cancel button does, from the GUI thread
        return original(*args, **kwargs)

    reached = []
    later = getattr(reader, not_reached)
    monkeypatch.setattr(module, step, cancelled_meanwhile)
    monkeypatch.setattr(reader, not_reached, lambda *a, **k: reached.append(1) or later(*a, **k))
    data = b"name,role,country\n" + b"Ana Lima,MP,Chile\n" * 100
    with pytest.raises(Cancelled):
        table_from_csv(data, "letter.csv", progress)
    assert not reached


def test_the_engine_answers_the_same_over_a_table_and_over_signatories():
    data = "\n".join(
        ["name,role,country,party"]
        + [
            f"Name {i} Ünal,{'MP' if i % 3 else ''},{['Chile', 'Perú', ''][i % 3]},P{i % 4}"
            for i in range(200)
        ]
    ).encode()
    table = table_from_csv(data, "x.csv")
    rows = signatories_from_csv(data.decode(), "x.csv")
    a, b = QueryEngine(table), QueryEngine(rows)
    assert a.columns.extra_keys == b.columns.extra_keys == ("party",)
    assert [f.key for f in a.facets] == [f.key for f in b.facets]
    for query in (
        Query(text="unal 1"),
        Query(text="peru"),
        Query(facets={"country": {"Chile"}}).sorted_by("name", True),
        Query().sorted_by("role"),
        Query(text="p2").sorted_by("extra:party"),
        Query(facets={"extra:party": {"P1"}}).sorted_by("country", True),
    ):
        ra, rb = a.run(query), b.run(query)
        assert ra.rows.tolist() == rb.rows.tolist(), query
        assert ra.facet_counts == rb.facet_counts


# -- made-up files ---------------------------------------------------------------------

_CELL_CHARS = st.characters(
    codec="utf-8",
    categories=("L", "N", "P", "S", "Zs", "Cc", "M"),
    include_characters=" ,;\t\"'\n\r=+-@\u00a0\u3000",
    exclude_characters="\x00",
)
_CLEAN_CHARS = st.characters(
    codec="utf-8", categories=("L", "N", "Pd", "Po"), include_characters=" ,;\"'=+-"
)
# Mostly cells as people write them (letters, spaces, commas, quotes), some of anything.
cells = st.one_of(*[st.text(_CLEAN_CHARS, max_size=12)] * 7, st.text(_CELL_CHARS, max_size=12))


@st.composite
def csv_files(draw) -> bytes:
    """A CSV as a writer (or a careless hand) makes one: a header with a name column, rows
    written by csv.writer or joined by hand, line ends of either kind, blank lines."""
    extra = draw(st.lists(st.sampled_from(["party", "email", "title", "", "country"]), max_size=3))
    header = ["name", *extra]
    names = st.one_of(st.text(_CLEAN_CHARS, min_size=1, max_size=12), cells)
    row = st.tuples(names, *[cells] * len(extra)).map(list)
    rows = draw(st.lists(row, max_size=8))
    out = io.StringIO()
    if draw(st.booleans()):
        quoting = draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]))
        writer = csv.writer(
            out, lineterminator=draw(st.sampled_from(["\n", "\r\n"])), quoting=quoting
        )
        writer.writerow(header)
        for row in rows:
            writer.writerow(row)
            if draw(st.integers(0, 5)) == 0:
                out.write("\n")
    else:
        out.write(",".join(header) + "\n")
        for row in rows:
            out.write(",".join(row) + draw(st.sampled_from(["\n", "\r\n", ""])))
    return out.getvalue().encode("utf-8", "surrogatepass")


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(csv_files())
def test_made_up_files_read_as_columns_equal_the_rows(data):
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return
    same(data)


def test_most_made_up_files_are_taken():
    """The property above is not empty: written by csv.writer, a file is mostly plain."""
    taken = 0
    for i in range(50):
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["name", "party"])
        writer.writerows([[f"Ana {i}, {j}", f'P "{j % 3}"'] for j in range(20)])
        taken += same(out.getvalue().encode()) is not None
    assert taken == 50


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(csv_files(), st.integers(1, 4))
def test_made_up_files_read_in_parts_equal_the_rows(data, rows_at_a_time):
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(csv_columns, "CATEGORY_ROWS", rows_at_a_time)
        same(data)
