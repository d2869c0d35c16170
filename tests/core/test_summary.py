"""The "Signed by ..." line: counted from the document, worded for who signed."""

from viewer.core.model import Document, Signatory, numbered
from viewer.core.wording import signed_by_line


def _doc(*people):
    return Document(signatories=numbered([Signatory(*p) for p in people]))


def test_bundled_letter(bundled):
    n, c = len(bundled.signatories), len(bundled.countries)
    assert signed_by_line(bundled) == f"Signed by {n} parliamentarians from {c} countries"


def test_people_who_are_not_parliamentarians():
    doc = _doc(("A", "Professor", "New Zealand"), ("B", "MP", "New Zealand"))
    assert signed_by_line(doc) == "Signed by 2 people from 1 country"


def test_one_signatory_and_no_countries():
    assert signed_by_line(_doc(("A", "Member of Parliament", None))) == (
        "Signed by 1 parliamentarian"
    )
    assert signed_by_line(_doc(("A",), ("B",))) == "Signed by 2 people"
