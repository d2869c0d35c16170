"""Properties of the importer over generated input: it reads or says why, and never crashes."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from viewer.core.errors import ParseError
from viewer.core.export import markdown_letter
from viewer.core.model import Document, Signatory, numbered
from viewer.core.opening import parse_document
from viewer.core.textimport.plan import analyse
from viewer.core.textimport.section_rows import LAYOUTS

# Lines real letters are made of, including the awkward ones, mixed with arbitrary text.
PIECES = [
    "Yours sincerely,", "Signed:", "Signatories", "COSIGNATORIES (in order)", "聯署人：34 人",
    "签名人：王永平、方敏生", "1. Dr Jane Doe, MP, Kenya", "2. John Roe", "12\\. Ann Lee",
    "- Jane Doe (France)", "* Ann Lee - Senator", "| Name | Role |", "| --- | --- |",
    "| A B | C |", "Jane Doe", "Member of Parliament, Malaysia", "---", "# Title", "Dear X,",
    "Below is the open letter:", "\\* a footnote", "[1] http://example.org", "ENDS", "", "  ",
    " 王永平   ", "Kenya", "**Academics:**", "Dr Megan Clayton University of Canterbury\\*  ",
    "a.b {c:d}", "<figure>", "![](x.png)", "(3) Jim Bo", "Prof X, University of Y, UK",
    "\u00a0", "Advertisement - scroll to continue reading", "title: x", "Name\u00a0Two\\",
]  # fmt: skip
letters = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=30)), max_size=25).map(
    "\n".join
)


def _clean(value: str) -> bool:
    return value == value.strip() and "  " not in value and "\u00a0" not in value


@settings(max_examples=200, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000), st.sampled_from(["a.txt", "a.md", "a.markdown", "a"]))
def test_any_bytes_read_or_raise_parse_error(data, name):
    try:
        doc = parse_document(data, name)
    except ParseError as exc:
        assert exc.message and exc.path == name
    else:
        assert doc.signatories


@settings(max_examples=250, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(letters, st.sampled_from(["a.txt", "a.md"]))
def test_letter_like_text_reads_clean_or_raises_parse_error(text, name):
    try:
        doc = parse_document(text.encode("utf-8", "surrogatepass"), name)
    except ParseError as exc:
        assert exc.message
        return
    for s in doc.signatories:
        assert s.name and _clean(s.name), s
        assert not s.name.startswith(("*", "- ")) and "\\*" not in s.name, s
        assert all(_clean(v) for v in (s.role, s.country) if v is not None), s
    assert [s.position for s in doc.signatories] == list(range(1, len(doc.signatories) + 1))


@settings(max_examples=100, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(letters, st.data())
def test_any_boundary_a_user_picks_gives_a_plan(text, data):
    plan = analyse(text)
    count = text.count("\n") + 1
    line = data.draw(st.integers(1, count))
    moved = plan.with_boundary(line)
    assert moved.boundary is None or moved.boundary >= 1
    assert all(row.first_line >= line for row in moved.rows)
    layout = data.draw(st.sampled_from(LAYOUTS))
    assert moved.with_layout(layout).layout in (layout, None)


names = st.from_regex(r"[A-Z][a-z]{1,8}( [A-Z]\.)? [A-Z][a-z]{1,10}", fullmatch=True)
# Invisible format characters (soft hyphens, zero-width spaces) are removed on import.
printable = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Cf"))
fields = st.none() | st.text(printable, min_size=1, max_size=20).map(lambda s: " ".join(s.split()))
fields = fields.map(lambda s: s or None)


@settings(max_examples=80, deadline=2000)
@given(st.lists(st.tuples(names, fields, fields), min_size=1, max_size=8))
def test_markdown_export_reads_back_to_the_same_signatories(entries):
    people = numbered([Signatory(n, r, c) for n, r, c in entries])
    doc = Document(signatories=people)
    assert analyse(markdown_letter(doc, people)).signatories == people
