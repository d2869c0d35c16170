"""Several letters -> one table of people: exact matches, identifiers, verdicts, filters."""

from __future__ import annotations

import csv
import io

from hypothesis import given
from hypothesis import strategies as st

from viewer.core.compare import compare_documents, select_people
from viewer.core.compare.comparison import letter_sha
from viewer.core.compare.names import match_key
from viewer.core.compare.run import by_date, compare_with_verdicts
from viewer.core.compare.table_text import delimited, plain_table
from viewer.core.library.letters import Library
from viewer.core.model import Document, Metadata, Signatory


def letter(title, names, date=None, extras=None):
    extras = extras or {}
    people = tuple(
        Signatory(n, position=i, extra=tuple(extras.get(n, {}).items()))
        for i, n in enumerate(names, 1)
    )
    return Document(signatories=people, metadata=Metadata(title=title, date=date))


def names_in(comparison, people):
    return {comparison.people[i].name for i in people}


def test_exact_names_are_one_person_with_a_mark_per_letter():
    a = letter("A", ["Ann One", "Bo Two"])
    b = letter("B", ["ANN ONE", "Cy Three"])
    c = compare_documents([a, b])
    assert [p.signed for p in c.people] == [
        ("Ann One", "ANN ONE"),
        ("Bo Two", None),
        (None, "Cy Three"),
    ]
    assert c.suggestions == ()


def test_filters_in_all_only_in_joined_and_left():
    a = letter("June", ["Ann One", "Bo Two", "Di Four"])
    b = letter("July", ["Ann One", "Cy Three", "Di Four"])
    c = letter("August", ["Ann One", "Cy Three", "Ed Five"])
    comp = compare_documents([a, b, c])
    assert names_in(comp, select_people(comp, "in-all")) == {"Ann One"}
    assert names_in(comp, select_people(comp, "only-in", 0)) == {"Bo Two"}
    assert names_in(comp, select_people(comp, "joined-in", 1)) == {"Cy Three"}
    assert names_in(comp, select_people(comp, "joined-in", 2)) == {"Ed Five"}
    assert names_in(comp, select_people(comp, "left-after", 0)) == {"Bo Two"}
    assert names_in(comp, select_people(comp, "left-after", 1)) == {"Di Four"}
    assert len(select_people(comp, "all")) == 5


def test_a_personal_identifier_matches_different_name_forms():
    orcid = "https://orcid.org/0000-0002-1825-0097"
    a = letter("A", ["J. Carberry", "Ann One"], extras={"J. Carberry": {"orcid": orcid}})
    b = letter("B", ["Josiah Carberry"], extras={"Josiah Carberry": {"ORCID iD": orcid[-19:]}})
    comp = compare_documents([a, b])
    person = next(p for p in comp.people if p.signed[1])
    assert person.signed == ("J. Carberry", "Josiah Carberry")


def test_a_url_shared_within_a_letter_is_not_an_identifier():
    org = {"url": "https://www.example.org/"}
    a = letter("A", ["Ann One", "Bo Two"], extras={"Ann One": org, "Bo Two": org})
    b = letter("B", ["Cy Three"], extras={"Cy Three": {"website": "http://example.org"}})
    comp = compare_documents([a, b])
    assert len(comp.people) == 3  # nobody merged on the organisation's address


def test_handles_match_across_letters():
    a = letter("A", ["sara k"], extras={"sara k": {"handle": "@SaraK"}})
    b = letter("B", ["Sara Karimi"], extras={"Sara Karimi": {"GitHub": "sarak"}})
    assert len(compare_documents([a, b]).people) == 1


def test_a_suggestion_is_kept_apart_until_confirmed_and_gone_when_rejected():
    a = letter("A", ["Peter LAI（黎慶寧）", "Ann One"])
    b = letter("B", ["黎慶寧", "Ann One"])
    comp = compare_documents([a, b])
    (s,) = comp.suggestions
    assert {s.name_a, s.name_b} == {"Peter LAI（黎慶寧）", "黎慶寧"}
    assert len(comp.people) == 3
    confirmed = compare_documents([a, b], {s.sides: True})
    assert len(confirmed.people) == 2 and confirmed.suggestions == ()
    lai = next(p for p in confirmed.people if p.confirmed)
    assert lai.signed == ("Peter LAI（黎慶寧）", "黎慶寧") and lai.name == "Peter LAI（黎慶寧）"
    rejected = compare_documents([a, b], {s.sides: False})
    assert len(rejected.people) == 3 and rejected.suggestions == ()


def test_two_people_of_one_letter_are_never_suggested_as_one():
    a = letter("A", ["Peter Lai", "LAI Peter"])
    b = letter("B", ["Peter Lai"])
    comp = compare_documents([a, b])
    assert comp.suggestions == ()


def test_verdicts_kept_in_the_library_apply_after_a_restart(tmp_path):
    a = letter("A", ["LAI Peter", "Ann One"])
    b = letter("B", ["Peter Lai"])
    library = Library(tmp_path / "lib.sqlite3")
    (s,) = compare_with_verdicts([a, b], library.decisions).suggestions
    library.decisions.decide(*s.sides, same=True)
    library.close()
    again = Library(tmp_path / "lib.sqlite3")
    comp = compare_with_verdicts([a, b], again.decisions)
    assert comp.suggestions == () and len(comp.people) == 2
    again.decisions.forget(*s.sides)
    assert len(compare_with_verdicts([a, b], again.decisions).suggestions) == 1


def test_letters_are_ordered_by_date_undated_last():
    docs = [
        letter("c", ["x y"]),
        letter("b", ["x y"], "2019-07-23"),
        letter("a", ["x y"], "2019-06-14"),
    ]
    assert [d.title for d in by_date(docs)] == ["a", "b", "c"]


def test_csv_has_a_column_per_letter_and_the_citations():
    a = letter("June letter", ["Ann One", "=HYPERLINK(1)", "LAI Peter"])
    b = letter("July letter", ["Ann One", "Peter Lai"])
    comp = compare_documents([a, b])
    text = delimited(comp, select_people(comp), ["Cite A.", "Cite B."])
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["Person", "A: June letter", "B: July letter", "Names as written"]
    assert rows[1] == ["Ann One", "yes", "yes", ""]
    assert rows[2][0] == "'=HYPERLINK(1)"  # not run by a spreadsheet
    assert rows[-2:] == [["Letter A", "Cite A."], ["Letter B", "Cite B."]]
    tsv = delimited(comp, select_people(comp, "in-all"), ["Cite A.", "Cite B."], "\t")
    assert tsv.splitlines()[1] == "Ann One\tyes\tyes\t"
    table = plain_table(comp, select_people(comp), ["Cite A.", "Cite B."])
    assert "LAI Peter  ~  B: Peter Lai" in table and "A  3 signatories  Cite A." in table


name = st.text(alphabet="abcdefg ", min_size=1, max_size=8).filter(lambda n: match_key(n))


@given(st.lists(st.lists(name, max_size=8), min_size=2, max_size=4))
def test_every_signatory_is_in_exactly_one_person(lists):
    docs = [letter(f"L{i}", names) for i, names in enumerate(lists)]
    comp = compare_documents(docs)
    for i, names in enumerate(lists):
        keys = {match_key(n) for n in names}
        signed = [p.signed[i] for p in comp.people if p.signed[i] is not None]
        assert {match_key(n) for n in signed} == keys and len(signed) == len(keys)
    assert len({letter_sha(d) for d in docs}) == len({(d.title, *d.signatories) for d in docs})


@given(st.lists(name, min_size=1, max_size=8))
def test_a_letter_compared_with_itself_is_everyone_in_all(names):
    doc = letter("L", names)
    comp = compare_documents([doc, doc])
    assert select_people(comp, "in-all") == list(range(len(comp.people)))


def test_three_letters_of_2019_in_all_and_joined_later(tmp_path):
    import letters_2019 as hk

    from viewer.core.opening import open_document

    docs = by_date([open_document(p) for p in reversed(hk.make_letters(tmp_path))])
    assert [d.metadata.date for d in docs] == ["2019-06-14", "2019-06-23", "2019-07-23"]
    first = compare_documents(docs)
    assert first.suggestions and select_people(first, "in-all") == []
    verdicts = {s.sides: not hk.is_wrong_match(s.name_a, s.name_b) for s in first.suggestions}
    comp = compare_documents(docs, verdicts)
    assert comp.suggestions == ()
    july = {s.name for s in docs[2].signatories}
    assert {comp.people[i].signed[2] for i in select_people(comp, "in-all")} == hk.IN_ALL_THREE
    joined_b = {comp.people[i].signed[1] for i in select_people(comp, "joined-in", 1)}
    assert joined_b == hk.JOINED_IN_JUNE_23
    joined_c = {comp.people[i].signed[2] for i in select_people(comp, "joined-in", 2)}
    assert joined_c == july - hk.EARLIER_IN_JULY and joined_c >= hk.NEW_IN_JULY
    cheng = [p for p in comp.people if "A. Cheng" in p.signed]
    assert [p.signed for p in cheng] == [(None, "A. Cheng", None)]  # the rejected match
