"""The annotation store: statuses and saved views kept per letter, migrated, set aside when
damaged; the Status facet's counts; statuses in the JSON export; a view run as the CLI does."""

from __future__ import annotations

import json
import sqlite3

import pytest

from viewer.core.export import export_text
from viewer.core.letter_notes import Note
from viewer.core.library.annotations import (
    SCHEMA_VERSION,
    STEPS,
    AnnotationStore,
    SavedView,
    default_path,
)
from viewer.core.library.migrations import schema_version
from viewer.core.library.views import annotated_engine, query_of, run_view, view_of
from viewer.core.opening import document_from_file_bytes
from viewer.core.query.engine import Query
from viewer.core.verification import Verification, confirmed_suffix

LETTER = "ab" * 32


def test_statuses_survive_reopening_the_file(tmp_path):
    path = tmp_path / "a.sqlite3"
    store = AnnotationStore(path)
    store.set_verification(
        LETTER, [(1, "Ann"), (2, "Bo")], Verification("confirmed", "rang her", "https://x.org/a")
    )
    store.close()
    again = AnnotationStore(path)
    got = again.verifications(LETTER)
    assert set(got) == {(1, "Ann"), (2, "Bo")}
    assert got[(1, "Ann")].status == "confirmed"
    assert got[(1, "Ann")].note == "rang her"
    assert got[(1, "Ann")].url == "https://x.org/a"
    assert got[(1, "Ann")].changed  # stamped by the store
    assert again.verifications("other letter") == {}
    assert again.notice is None


def test_a_status_is_committed_without_waiting_for_the_disk(tmp_path):
    store = AnnotationStore(tmp_path / "a.sqlite3")  # written on the GUI thread, as the library
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
    store.set_verification(LETTER, [(1, "Ann")], Verification("confirmed", "", ""))
    assert set(AnnotationStore(tmp_path / "a.sqlite3").verifications(LETTER)) == {(1, "Ann")}


def test_blank_status_forgets_the_row(tmp_path):
    store = AnnotationStore(tmp_path / "a.sqlite3")
    store.set_verification(LETTER, [(1, "Ann")], Verification("disputed"))
    store.set_verification(LETTER, [(1, "Ann")], Verification())
    assert store.verifications(LETTER) == {}


def test_unknown_status_is_refused():
    with pytest.raises(ValueError, match="unknown status"):
        Verification("probably")


def test_default_file_is_in_the_data_folder(_private_dirs):
    store = AnnotationStore()
    store.set_verification(LETTER, [(1, "Ann")], Verification("withdrawn"))
    assert default_path().is_file()
    assert str(default_path()).startswith(str(_private_dirs / "xdg_data_home"))


def test_version_one_file_is_migrated_keeping_its_statuses(tmp_path):
    path = tmp_path / "a.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.executescript(f"BEGIN; {STEPS[0]} PRAGMA user_version = 1; COMMIT;")
    conn.execute(
        "INSERT INTO verifications VALUES (?, 3, 'Cy', 'confirmed', 'n', '', '2026-01-01')",
        (LETTER,),
    )
    conn.close()
    store = AnnotationStore(path)
    assert schema_version(store.conn) == SCHEMA_VERSION == 3
    assert store.verifications(LETTER)[(3, "Cy")].status == "confirmed"
    store.save_view(LETTER, SavedView("mine", text="cy"))  # step 2's table is there
    assert list(store.views(LETTER)) == ["mine"]


def test_damaged_file_is_set_aside_and_a_new_one_started(tmp_path):
    path = tmp_path / "a.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 3000)
    store = AnnotationStore(path)
    kept = list(tmp_path.glob("a.sqlite3.corrupt-*"))
    assert len(kept) == 1
    assert kept[0].read_bytes().startswith(b"SQLite format 3")
    assert "could not be read" in store.notice and kept[0].name in store.notice
    assert not store.in_memory
    store.set_verification(LETTER, [(1, "Ann")], Verification("confirmed"))
    store.close()
    assert AnnotationStore(path).verifications(LETTER)[(1, "Ann")].status == "confirmed"


def test_file_from_a_newer_viewer_is_left_alone(tmp_path):
    path = tmp_path / "a.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = path.read_bytes()
    store = AnnotationStore(path)
    assert store.in_memory and "newer version" in store.notice
    store.set_verification(LETTER, [(1, "Ann")], Verification("confirmed"))  # works, in memory
    assert path.read_bytes() == before
    assert not list(tmp_path.glob("*.corrupt-*"))


def test_statuses_count_in_the_status_facet(bundled, tmp_path):
    store = AnnotationStore(tmp_path / "a.sqlite3")
    people = bundled.signatories
    letter = bundled.source.sha256
    store.set_verification(
        letter, [(s.position, s.name) for s in people[:12]], Verification("confirmed")
    )
    store.set_verification(
        letter, [(people[20].position, people[20].name)], Verification("disputed")
    )
    result = annotated_engine(bundled, store).run(Query())
    counts = {c.value: c.count for c in result.facet_counts["status"]}
    assert counts == {"unchecked": len(people) - 13, "confirmed": 12, "disputed": 1}
    assert confirmed_suffix(result) == " \u00b7 12 confirmed"
    disputed = annotated_engine(bundled, store).run(Query(facets={"status": ["disputed"]}))
    assert [people[int(i)].name for i in disputed.rows] == [people[20].name]


def test_json_export_carries_status_note_and_source(bundled):
    first = bundled.signatories[0]
    given = {(first.position, first.name): Verification("disputed", "no reply", "https://e.org")}
    obj = json.loads(export_text(bundled, bundled.signatories[:2], "json", verifications=given))
    entries = obj["signatories"]
    assert entries[0]["verification"] == {
        "status": "disputed",
        "note": "no reply",
        "url": "https://e.org",
    }
    assert "verification" not in entries[1]


def test_saved_view_runs_with_its_filter_and_sort(bundled, tmp_path):
    store = AnnotationStore(tmp_path / "a.sqlite3")
    country = bundled.signatories[0].country
    query = Query(text="", facets={"country": [country]}, sort_column="name", descending=True)
    store.save_view(bundled.source.sha256, view_of("one country", query, "role"))
    view = store.views(bundled.source.sha256)["one country"]
    assert view.grouping == "role"
    assert query_of(view, lambda _c: True) == query
    result = run_view(bundled, "one country", store)
    names = [bundled.signatories[int(i)].name for i in result.rows]
    in_source_order = [s.name for s in bundled.signatories if s.country == country]
    assert sorted(names) == sorted(in_source_order) and len(names) > 1
    assert names[0] == max(in_source_order, key=lambda n: n.casefold())
    assert names != in_source_order
    with pytest.raises(KeyError, match="one country"):
        run_view(bundled, "missing", store)


def test_view_names_are_checked(tmp_path):
    store = AnnotationStore(tmp_path / "a.sqlite3")
    with pytest.raises(ValueError):
        store.save_view(LETTER, SavedView("  "))
    store.save_view(LETTER, SavedView("b"))
    store.save_view(LETTER, SavedView("A"))
    store.delete_view(LETTER, "b")
    assert list(store.views(LETTER)) == ["A"]


def test_notes_are_kept_in_passage_order_and_deleted(tmp_path):
    path = tmp_path / "a.sqlite3"
    store = AnnotationStore(path)
    later = store.add_note(LETTER, Note("the rule of law", "check the date", 300, 315))
    store.add_note(LETTER, Note("Dear Prime Minister", "", 10, 29))
    store.close()
    again = AnnotationStore(path)
    notes = again.notes(LETTER)
    assert [(n.quote, n.text, n.start) for n in notes] == [
        ("Dear Prime Minister", "", 10),
        ("the rule of law", "check the date", 300),
    ]
    assert all(n.created and n.id for n in notes)
    again.delete_note(LETTER, later.id)
    assert [n.quote for n in again.notes(LETTER)] == ["Dear Prime Minister"]
    assert again.notes("another letter") == []


def test_a_note_needs_a_passage():
    with pytest.raises(ValueError):
        Note("  ", "a note on nothing")


def test_notes_in_the_json_and_markdown_exports(bundled):
    notes = [Note("We, the undersigned\nparliamentarians", "who *drafted* it?", 5, 40)]
    obj = json.loads(export_text(bundled, bundled.signatories, "json", notes=notes))
    assert obj["notes"] == [
        {"quote": notes[0].quote, "note": "who *drafted* it?", "start": 5, "end": 40}
    ]
    markdown = export_text(bundled, bundled.signatories, "md", notes=notes)
    section = markdown[markdown.index("## Notes") :]
    assert "> We, the undersigned\n> parliamentarians" in section
    assert "who \\*drafted\\* it?" in section
    # The letter read back from the Markdown still has its signatories and no more.
    again = document_from_file_bytes(markdown.encode("utf-8"), "letter.md")
    assert [s.name for s in again.signatories] == [s.name for s in bundled.signatories]
