"""JSON and CSV formats: lossless round trips and clear errors for bad input."""

import json
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from roundtrips import expected, fields

from viewer.core.errors import ParseError
from viewer.core.formats.csv_reader import signatories_from_csv
from viewer.core.formats.csv_writer import neutralise_formula, signatories_to_csv
from viewer.core.formats.decoding import without_controls
from viewer.core.formats.json_document import document_from_json, document_to_json
from viewer.core.formats.letter_layout import parse_text_letter, write_text_letter
from viewer.core.model import Document, ItemList, Letter, Metadata, Paragraph, Signatory, numbered
from viewer.core.opening import open_document, parse_document

# No NUL: the JSON reader refuses it (no other format the viewer writes or reads can hold it).
text = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs",), exclude_characters="\x00"),
    max_size=40,
)
line_text = text.map(lambda s: " ".join(s.split())).filter(bool)
opt = st.none() | line_text


@st.composite
def signatories(draw):
    people = draw(
        st.lists(
            st.builds(
                Signatory,
                name=line_text.filter(lambda s: without_controls(s).strip()),  # else no name
                role=opt,
                country=opt,
                family_name=opt,
                extra=st.lists(
                    st.tuples(line_text, line_text), max_size=2, unique_by=lambda t: t[0]
                ).map(tuple),
            ),
            min_size=1,
            max_size=8,
        )
    )
    return numbered(people)


documents = st.builds(
    Document,
    letter=st.builds(
        Letter,
        addressee=st.lists(line_text, max_size=3).map(tuple),
        date=opt,
        salutation=opt,
        body=st.lists(
            st.one_of(
                st.builds(Paragraph, line_text),
                st.builds(ItemList, st.lists(line_text, min_size=1, max_size=3).map(tuple)),
            ),
            max_size=4,
        ).map(tuple),
        closing=opt,
    ),
    signatories=signatories(),
    metadata=st.builds(
        Metadata,
        title=opt,
        publisher=opt,
        url=opt,
        published_count=st.none() | st.integers(0, 10**6),
    ),
)


@settings(max_examples=150, deadline=None)
@given(documents)
def test_json_round_trip_is_lossless(doc):
    assert document_from_json(document_to_json(doc)) == doc


@settings(max_examples=150, deadline=None)
@given(signatories())
def test_csv_round_trip_keeps_what_a_csv_carries(people):
    # Extra columns named like a known column ("surname", "first name", "role") included.
    back = signatories_from_csv(signatories_to_csv(people, safe=True))
    assert fields(back) == fields(expected(Document(signatories=people), "csv"))


def test_bundled_round_trips_through_json_and_csv(bundled):
    again = document_from_json(document_to_json(bundled))
    assert again.signatories == bundled.signatories
    assert again.letter == bundled.letter
    assert again.metadata == bundled.metadata
    csv_back = signatories_from_csv(signatories_to_csv(bundled.signatories))
    assert csv_back.signatories == bundled.signatories


def test_csv_with_bom_extra_columns_and_aliases():
    data = "\ufeffName,Title,Nationality,Party\nJane Doe,MP,Kenya,Green\nJohn Roe,,,\n"
    doc = signatories_from_csv(data)
    jane, john = doc.signatories
    assert (jane.name, jane.role, jane.country, jane.extra) == (
        "Jane Doe",
        "MP",
        "Kenya",
        (("Party", "Green"),),
    )
    assert (john.role, john.country) == (None, None)


def test_csv_formula_neutralised_when_safe():
    people = (Signatory('=HYPERLINK("x")', "+1", "@home", 1),)
    out = signatories_to_csv(people, safe=True)
    assert "'=HYPERLINK" in out and "'+1" in out and "'@home" in out
    assert neutralise_formula("Jane") == "Jane"
    assert neutralise_formula("-5") == "'-5"


@pytest.mark.parametrize(
    ("data", "name", "fragment"),
    [
        (b"", "empty.txt", "empty"),
        (b"\x00\x01\x02binary\xff", "blob.txt", "binary"),
        (b"Dear Ms R\xc3\xb6\xc3\x9fner,\n\ncaf\xe9\n", "mixed.txt", "not valid UTF-8"),
        (b"role,country\nMP,Kenya\n", "people.csv", "no \u201cname\u201d column"),
        (b'{"schema_version": 1}', "doc.json", "missing field 'signatories'"),
        (b'{"schema_version": 99, "signatories": []}', "doc.json", "newer version"),
        (b"{not json", "doc.json", "malformed"),
        (b"[" * 100_000, "deep.json", "JSON"),
    ],
)
def test_bad_input_gives_a_plain_parse_error(data, name, fragment):
    with pytest.raises(ParseError) as info:
        parse_document(data, name)
    assert fragment in str(info.value)
    assert str(info.value).startswith(name)


def test_invalid_utf8_names_the_line():
    # UTF-8 elsewhere in the file ("ö"), so the stray byte is an error, not another encoding.
    with pytest.raises(ParseError) as info:
        parse_document(b"Dear R\xc3\xb6ssner,\n\nline two\n\xff\n", "x.txt")
    assert info.value.line == 4


def test_fifty_megabytes_without_line_breaks_fails_fast(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"a" * 50_000_000)
    start = time.perf_counter()
    with pytest.raises(ParseError, match="characters long"):
        open_document(path)
    assert time.perf_counter() - start < 1.0


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(ParseError, match="does not exist"):
        open_document(tmp_path / "gone.txt")
    with pytest.raises(ParseError, match="folder"):
        open_document(tmp_path)


def test_json_document_with_family_name(bundled):
    obj = json.loads(document_to_json(bundled))
    obj["signatories"][0]["family_name"] = "Abdul Hamid"
    doc = document_from_json(json.dumps(obj))
    assert doc.signatories[0].family_name == "Abdul Hamid"


@settings(max_examples=300, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000), st.sampled_from(["a.txt", "a.csv", "a.json", "a.md"]))
def test_any_bytes_read_or_raise_parse_error(data, name):
    try:
        doc = parse_document(data, name)
    except ParseError as exc:
        assert str(exc)
    else:
        assert doc.signatories


@settings(max_examples=300, deadline=2000)
@given(st.text(max_size=2000), st.sampled_from(["a.txt", "a.csv", "a.json"]))
def test_any_text_reads_or_raises_parse_error(data, name):
    try:
        doc = parse_document(data.encode("utf-8", "surrogatepass"), name)
    except ParseError as exc:
        assert exc.message
    else:
        assert all(s.name.strip() for s in doc.signatories)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.from_regex(r"[A-Z][a-z]{1,8} [A-Z][a-z]{1,10}", fullmatch=True),
            st.sampled_from(
                [
                    None,
                    ("MP", "Kenya"),
                    ("Senator", "Philippines"),
                    ("Member of the Bundestag", "Germany"),
                ]
            ),
        ),
        min_size=1,
        max_size=10,
    )
)
def test_text_layout_round_trip(entries):
    people = numbered([Signatory(n, *(rc or (None, None))) for n, rc in entries])
    doc = Document(
        letter=Letter(
            ("The Minister",),
            "4 December 2017",
            "Dear Minister,",
            (Paragraph("Please act."),),
            "Yours sincerely,",
        ),
        signatories=people,
    )
    back = parse_text_letter(write_text_letter(doc))
    assert back.letter == doc.letter and back.signatories == doc.signatories
