"""Opening in reported steps (viewer.core.opening): the same documents as open_document,
progress by the megabyte, and a stop at the next check once cancelled."""

from __future__ import annotations

import itertools
import os

import pytest
from conftest import BUNDLED_LETTER, EXTERNAL

from viewer.core.errors import ParseError
from viewer.core.export import export_file
from viewer.core.formats import file_bytes
from viewer.core.formats.file_bytes import read_file_bytes
from viewer.core.opening import (
    INDEXING,
    PARSING,
    READING,
    STAGE_SHARES,
    load_file,
    load_plan,
    open_document,
    plan_file,
    review_plan,
    source_lines,
)
from viewer.core.progress import Cancelled, Progress
from viewer.core.query.engine import Query
from viewer.core.textimport.plan import analyse

EXTERNAL_FILES = sorted(EXTERNAL.glob("*.txt")) if EXTERNAL.is_dir() else []


@pytest.mark.parametrize("path", [BUNDLED_LETTER, *EXTERNAL_FILES], ids=lambda p: p.name)
def test_load_file_gives_what_open_document_gives(path):
    loaded = load_file(path)
    assert loaded.document == open_document(path)
    assert loaded.engine.run(Query()).total == len(loaded.document.signatories)
    assert loaded.plan is None


@pytest.mark.parametrize("fmt", ["csv", "json", "md"])
def test_exports_load_as_they_open(bundled, tmp_path, fmt):
    path = export_file(bundled, bundled.signatories, tmp_path / f"x.{fmt}")
    assert load_file(path).document == open_document(path)


def test_stages_are_reported_in_order_with_the_fraction_read(tmp_path, monkeypatch):
    monkeypatch.setattr(file_bytes, "READ_CHUNK", 1000)
    path = tmp_path / "many.csv"
    path.write_text("name\n" + "".join(f"Person {i}\n" for i in range(2000)), encoding="utf-8")
    seen: list[tuple[str, float]] = []
    load_file(path, Progress(lambda stage, f: seen.append((stage, f))))
    reading = [f for stage, f in seen if stage == READING]
    size = path.stat().st_size
    assert len(reading) == 1 + -(-size // 1000)  # the stage's start, then one report a chunk
    assert reading == sorted(reading) and reading[-1] == pytest.approx(STAGE_SHARES[READING])
    assert [stage for stage, _ in itertools.groupby(s for s, _f in seen)] == [
        READING,
        PARSING,
        INDEXING,
    ]  # each stage once, in order
    fractions = [f for _s, f in seen]  # of the whole open: they rise to 1 across the stages
    assert fractions == sorted(fractions) and fractions[-1] == pytest.approx(1.0)


def test_a_cancel_stops_at_the_next_chunk(tmp_path, monkeypatch):
    monkeypatch.setattr(file_bytes, "READ_CHUNK", 100)
    path = tmp_path / "many.csv"
    path.write_text("name\n" + "x\n" * 5000, encoding="utf-8")
    reports = []

    def report(_stage: str, fraction: float) -> None:
        reports.append(fraction)
        if len(reports) == 3:
            progress.cancel()

    progress = Progress(report)
    with pytest.raises(Cancelled):
        load_file(path, progress)
    assert len(reports) == 3  # it read no further than the chunk after the cancel


def test_read_in_chunks_gives_the_same_bytes(tmp_path, monkeypatch):
    monkeypatch.setattr(file_bytes, "READ_CHUNK", 7)
    path = tmp_path / "b.bin"
    path.write_bytes(bytes(range(256)) * 3)
    fractions = []
    data = read_file_bytes(path, progress=Progress(lambda _stage, f: fractions.append(f)))
    assert data == path.read_bytes()
    assert fractions == [min(done, 768) / 768 for done in range(7, 768 + 7, 7)]


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_file_without_a_size_is_cut_at_the_limit():
    with pytest.raises(ParseError, match="at most"):
        read_file_bytes("/dev/zero", limit=3_000_000, progress=Progress())


def test_a_bad_file_raises_parse_error_from_the_same_place(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "open-letter",\n', encoding="utf-8")
    with pytest.raises(ParseError) as loaded:
        load_file(bad)
    with pytest.raises(ParseError) as opened:
        open_document(bad)
    assert str(loaded.value) == str(opened.value)


def test_a_reviewed_plan_loads_with_its_plan():
    plan = plan_file(BUNDLED_LETTER)
    loaded = load_plan(plan)
    assert loaded.plan is plan
    assert loaded.document == open_document(BUNDLED_LETTER)
    assert review_plan(BUNDLED_LETTER) == plan


def test_a_plan_without_rows_is_a_parse_error():
    plan = analyse("Dear Minister,\n\nPlease act.\n", "note.txt")
    with pytest.raises(ParseError, match="No list of signatories"):
        load_plan(plan)


def test_source_lines_count_as_the_importer_counts():
    text = "---\ntitle: T\n---\nDear A,\r\n\r\nText.\rSigned:\n\nAna Ruiz, Mayor\u2028x\n"
    plan = analyse(text, "t.md")
    lines = source_lines(plan)
    assert lines[:4] == ["---", "title: T", "---", "Dear A,"]
    assert lines[plan.boundary - 1] == "Signed:"
    assert lines[plan.list_start - 1].startswith("Ana Ruiz")


def test_review_plan_reports_reading_then_parsing_to_the_end(tmp_path, monkeypatch):
    monkeypatch.setattr(file_bytes, "READ_CHUNK", 100)
    path = tmp_path / "letter.txt"
    path.write_bytes(BUNDLED_LETTER.read_bytes())
    seen: list[tuple[str, float]] = []
    plan = review_plan(path, Progress(lambda stage, f: seen.append((stage, f))))
    assert plan == plan_file(path)
    assert [stage for stage, _ in itertools.groupby(s for s, _f in seen)] == [READING, PARSING]
    assert len([s for s, _f in seen if s == READING]) == 1 + -(-path.stat().st_size // 100)
    fractions = [f for _s, f in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
