"""CSV files of signatories as spreadsheets save them: other column names, other delimiters."""

from __future__ import annotations

import pytest

from viewer.core.errors import ParseError
from viewer.core.formats.csv_reader import signatories_from_csv
from viewer.core.opening import parse_document
from viewer.core.query.engine import Query, QueryEngine


@pytest.mark.parametrize(
    ("header", "row"),
    [
        ("Name,Title,Nationality", "Jane Doe,MP,Kenya"),
        ("Full name,Position,Country", "Jane Doe,MP,Kenya"),
        ("signatory,job title,country/region", "Jane Doe,MP,Kenya"),
        ("NAME , Occupation , Nation", "Jane Doe,MP,Kenya"),
        ("姓名,職位,國家", "Jane Doe,MP,Kenya"),
    ],
)
def test_header_aliases(header, row):
    (jane,) = signatories_from_csv(f"{header}\n{row}\n").signatories
    assert (jane.name, jane.role, jane.country) == ("Jane Doe", "MP", "Kenya")


def test_affiliation_institution_and_party_are_kept_as_extra_columns():
    text = "name,affiliation,institution,party,role\nJane Doe,UCL,Dept X,Green,Professor\n"
    (jane,) = signatories_from_csv(text).signatories
    assert jane.role == "Professor"
    assert jane.extra == (("affiliation", "UCL"), ("institution", "Dept X"), ("party", "Green"))


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_semicolon_and_tab_delimited(delimiter):
    text = delimiter.join(["Name", "Role", "Country"]) + "\n"
    text += delimiter.join(["Doe, Jane", "MP", "Kenya"]) + "\n"
    (jane,) = signatories_from_csv(text).signatories
    assert (jane.name, jane.role, jane.country) == ("Doe, Jane", "MP", "Kenya")


def test_commas_win_when_the_header_has_them():
    (row,) = signatories_from_csv('name,"role; notes"\nJane Doe,MP; whip\n').signatories
    assert (row.name, row.role) == ("Jane Doe", None)
    assert row.extra == (("role; notes", "MP; whip"),)


def test_tsv_file_opens(tmp_path):
    doc = parse_document(b"name\tcountry\nJane Doe\tKenya\n", "people.tsv")
    assert doc.signatories[0].country == "Kenya" and doc.source.format == "csv"


def test_first_and_last_name_columns():
    text = "First name;Last name;Country\nJane;Doe;Kenya\n;Roe;\n"
    jane, roe = signatories_from_csv(text).signatories
    assert (jane.name, jane.family_name, jane.country) == ("Jane Doe", "Doe", "Kenya")
    assert (roe.name, roe.family_name) == ("Roe", "Roe")
    with pytest.raises(ParseError, match="no name") as info:
        signatories_from_csv("First name,Last name,Role\nJane,,\n,,MP\n")
    assert info.value.line == 3


def test_search_finds_extra_columns():
    doc = signatories_from_csv("name,affiliation\nJane Doe,University of Leeds\nJo Roe,SOAS\n")
    result = QueryEngine(doc).run(Query(text="leeds"))
    assert [doc.signatories[i].name for i in result.rows] == ["Jane Doe"]
