"""Foreign JSON and YAML lists of signatories, opened as files (made in tmp_path)."""

from __future__ import annotations

import json

import pytest

from viewer.core.errors import ParseError
from viewer.core.formats import records
from viewer.core.formats.json_document import document_to_json
from viewer.core.opening import open_document, open_folder


def test_a_json_list_of_objects_with_names(tmp_path):
    path = tmp_path / "signers.json"
    path.write_text(json.dumps([
        {"name": "Ana Gomes", "affiliation": "European Parliament", "country": "Portugal"},
        {"Full_Name": "Bob Blackman", "Job Title": "MP", "orcid": 123, "verified": True},
        {"name": "  Carlos   Zarate ", "tags": ["a", "b"], "nested": {"x": 1}},
    ]), encoding="utf-8")  # fmt: skip
    document = open_document(path)
    ana, bob, carlos = document.signatories
    assert (ana.name, ana.country) == ("Ana Gomes", "Portugal")
    assert ana.extra == (("affiliation", "European Parliament"),)
    assert (bob.name, bob.role) == ("Bob Blackman", "MP")
    assert bob.extra == (("orcid", "123"), ("verified", "yes"))
    assert carlos.name == "Carlos Zarate" and carlos.extra_value("tags") == "a, b"
    assert [w.message for w in document.warnings] == [
        "The field \u201cnested\u201d holds nested data and is left out (1 entry)."
    ]
    assert document.source.format == "json" and [s.position for s in document.signatories] == [
        1, 2, 3
    ]  # fmt: skip


def test_a_json_object_holding_its_signatories(tmp_path):
    path = tmp_path / "letter.json"
    path.write_text(json.dumps({
        "title": "Open letter on X", "date": "2021-03-23",
        "signatories": [{"first_name": "Henryk M.", "last_name": "Broder"}, {"role": "x"}],
    }), encoding="utf-8")  # fmt: skip
    document = open_document(path)
    (broder,) = document.signatories
    assert (broder.name, broder.family_name) == ("Henryk M. Broder", "Broder")
    assert (document.metadata.title, document.metadata.date) == ("Open letter on X", "2021-03-23")
    assert "1 entry without a name was left out: 2." in document.warnings[0].message


def test_the_viewers_own_json_still_opens_as_its_own(tmp_path, bundled):
    path = tmp_path / "own.json"
    path.write_text(document_to_json(bundled), encoding="utf-8")
    document = open_document(path)
    assert document.signatories == bundled.signatories and document.letter == bundled.letter


def test_json_that_is_neither_is_a_parse_error_in_the_viewers_words(tmp_path):
    path = tmp_path / "other.json"
    path.write_text(json.dumps({"colour": "blue", "sizes": [1, 2]}), encoding="utf-8")
    with pytest.raises(ParseError, match="not a letter in this viewer's format"):
        open_document(path)


def test_json_with_a_number_too_long_to_read_is_a_parse_error(tmp_path):
    path = tmp_path / "long.json"
    path.write_text('[{"name": "A", "n": ' + "1" * 5000 + "}]", encoding="utf-8")
    with pytest.raises(ParseError, match="value that cannot be read"):
        open_document(path)


def test_a_yaml_list_and_a_yaml_mapping_of_signatories(tmp_path):
    listed = tmp_path / "signers.yaml"
    listed.write_text("- name: Ana\n  link: https://a.example\n- Bob\n- name: Carol\n"
                      "  date: 2021-03-23\n", encoding="utf-8")  # fmt: skip
    document = open_document(listed)
    assert [s.name for s in document.signatories] == ["Ana", "Bob", "Carol"]
    assert document.signatories[2].extra_value("date") == "2021-03-23"
    mapped = tmp_path / "letter.yml"
    mapped.write_text("title: A letter\nsigned:\n  - signatory: Dee\n  - signatory: Eve\n",
                      encoding="utf-8")  # fmt: skip
    assert [s.name for s in open_document(mapped).signatories] == ["Dee", "Eve"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- name: [broken\n", "YAML cannot be read"),
        ("just: a mapping\nof: things\n", "holds no list of signatories"),
        ("!!python/object/apply:os.system ['echo no']\n", "YAML cannot be read"),
        ("- link: x\n- link: y\n", "holds no list of signatories"),
        ("   \n", "empty"),
        ("- name: A\n  signed: 2021-02-30\n", "value that cannot be read"),
        ("- name: !!int abc\n", "value that cannot be read"),
    ],
)
def test_bad_yaml_is_a_parse_error(tmp_path, text, message):
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ParseError, match=message):
        open_document(path)


def test_the_name_key_is_the_one_most_entries_use():
    items = [{"title": "A"}, {"title": "B"}, {"name": "C", "title": "Dr"}]
    assert records.choose_name_key(items) == "title"
    assert [s.name for s in records.records_document(items).signatories] == ["A", "B", "C"]
    assert records.records_document(items).signatories[2].role == "Dr"


def test_a_folder_whose_pages_all_name_their_signer_by_title(tmp_path):
    for n in range(3):
        (tmp_path / f"{n}.md").write_text(f"---\ntitle: Person {n}\n---\n", encoding="utf-8")
    assert [s.name for s in open_folder(tmp_path).signatories] == [f"Person {n}" for n in range(3)]


def test_more_records_than_the_limit_are_refused(monkeypatch):
    monkeypatch.setattr(records, "MAX_SIGNATORIES", 2)
    with pytest.raises(ParseError, match="More than 2 signatories"):
        records.records_document([{"name": "a"}, {"name": "b"}, {"name": "c"}])
