"""Provenance travels with an export: a subset, reopened, cites the letter it came from."""

from __future__ import annotations

import json

import pytest

from viewer.core.cite import STYLE_IDS, cite_letter
from viewer.core.export import export_file, sidecar_path
from viewer.core.opening import open_document
from viewer.core.provenance import count_line, provenance_lines, signatory_count
from viewer.core.query.engine import Query, QueryEngine
from viewer.core.query.filter_summary import filter_terms

GERMANY_SPAIN = Query(facets={"country": frozenset({"Germany", "Spain"})})


def subset(bundled):
    rows = QueryEngine(bundled).run(GERMANY_SPAIN).rows
    return [bundled.signatories[i] for i in rows]


@pytest.mark.parametrize("fmt", ["json", "csv", "md"])
def test_an_export_of_16_rows_reopened_cites_the_2017_letter(bundled, tmp_path, fmt):
    people = subset(bundled)
    assert len(people) == 16
    path = export_file(
        bundled, people, tmp_path / f"germany-spain.{fmt}", filter_text=filter_terms(GERMANY_SPAIN)
    )
    back = open_document(path)
    assert len(back.signatories) == 16
    for style in STYLE_IDS:  # the default author (APHR) and every fact of the letter
        assert cite_letter(back, style) == cite_letter(bundled, style), style
    assert "(n.d.)" not in cite_letter(back, "apa", "signatories")
    assert signatory_count(back) == "16 of 158 signatories"
    assert count_line(back) == "16 of 158 signatories; filter: country = Germany, Spain"
    assert back.metadata.original_sha256 == bundled.source.sha256
    shown = {line.label: line.text for line in provenance_lines(back)}
    assert shown["Signatories"] == "16 of 158 signatories; filter: country = Germany, Spain"


def test_the_json_export_keeps_the_original_metadata_and_marks_the_subset(bundled, tmp_path):
    path = export_file(bundled, subset(bundled), tmp_path / "s.json", filter_text="country = X")
    meta = json.loads(path.read_text("utf-8"))["metadata"]
    original = {k: v for k, v in vars(bundled.metadata).items() if v is not None}
    assert {k: meta[k] for k in original} == original
    assert (meta["subset_of"], meta["subset_filter"]) == (158, "country = X")


def test_a_csv_export_writes_its_sidecar(bundled, tmp_path):
    path = export_file(bundled, subset(bundled), tmp_path / "people.csv")
    sidecar = sidecar_path(path)
    assert sidecar.name == "people.meta.json"
    meta = json.loads(sidecar.read_text("utf-8"))
    assert meta["publisher"] == "ASEAN Parliamentarians for Human Rights"
    assert meta["subset_of"] == 158 and "subset_filter" not in meta


def test_a_subset_of_a_subset_counts_the_original_letter(bundled, tmp_path):
    first = open_document(export_file(bundled, subset(bundled), tmp_path / "a.json"))
    germans = [s for s in first.signatories if s.country == "Germany"]
    second = open_document(export_file(first, germans, tmp_path / "b.json"))
    assert signatory_count(second) == "11 of 158 signatories"
    assert second.metadata.original_sha256 == bundled.source.sha256


def test_an_export_of_every_row_is_not_a_subset(bundled, tmp_path):
    back = open_document(export_file(bundled, bundled.signatories, tmp_path / "all.json"))
    assert back.metadata.subset_of is None and signatory_count(back) == "158 signatories"


def test_the_provenance_header_of_the_2017_letter(bundled):
    lines = provenance_lines(bundled)
    shown = [(line.label, line.text) for line in lines]
    assert shown[:6] == [
        ("Letter", "Letter to Samdech Techo Hun Sen, Prime Minister of the Kingdom of Cambodia"),
        ("Date", "4 December 2017"),
        ("To", "His Excellency Samdech Techo Hun Sen, Prime Minister, Kingdom of Cambodia"),
        ("Published by", "ASEAN Parliamentarians for Human Rights"),
        ("Source", bundled.metadata.url),
        ("Signatories", "158 signatories"),
    ]
    label, text = shown[6]
    assert label == "File" and text == f"SHA-256 {bundled.source.sha256[:12]}\u2026"
    assert bundled.source.sha256 in lines[6].tooltip


def test_a_letter_with_nothing_to_describe_it_is_headed_by_its_file_name(tmp_path):
    """A list of names with no title, addressee or description: "Letter: Letter" says
    nothing, the file's name does."""
    path = tmp_path / "signatures-2019.csv"
    path.write_text("name,role\nAna Lee,Teacher\nBo Chen,Nurse\n", encoding="utf-8")
    first = provenance_lines(open_document(path))[0]
    assert (first.label, first.text) == ("Letter", "signatures-2019.csv")
