"""The library of letters: recording, moved and changed files, last open, the database file."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest

from viewer.core.library.entry import CHANGED, MISSING, PRESENT
from viewer.core.library.letters import Library, open_library
from viewer.core.library.location import library_path
from viewer.core.library.migrations import SCHEMA_VERSION, STEPS, migrate, schema_version
from viewer.core.opening import open_document

LETTER = "Title: A letter\nDate: 2019-06-14\n\nWe ask for an inquiry.\n\nSigned:\n\n"


def write_letter(path, names):
    path.write_text(LETTER + "\n".join(f"- {n}" for n in names) + "\n", encoding="utf-8")
    return open_document(path)


def test_the_library_lives_in_the_platform_data_folder(_private_dirs):
    library = open_library()
    assert library.path == library_path()
    assert str(library.path).startswith(str(_private_dirs / "xdg_data_home"))
    assert library.path.is_file() and library.notice is None


def test_a_letter_opened_is_remembered_with_its_facts(tmp_path):
    doc = write_letter(tmp_path / "a.md", ["Ann One", "Bo Two", "Cy Three"])
    library = Library(tmp_path / "lib.sqlite3")
    recorded = library.record(doc, when="2026-01-02T03:04:05+00:00")
    assert recorded.notice is None
    library.close()
    (entry,) = Library(tmp_path / "lib.sqlite3").entries()  # a new object: the file kept it
    assert (entry.path, entry.sha256, entry.count) == (
        str(tmp_path / "a.md"),
        doc.source.sha256,
        3,
    )
    assert entry.title == doc.title and entry.date == doc.metadata.date
    assert entry.last_opened == "2026-01-02T03:04:05+00:00" and entry.status == PRESENT


def test_opening_the_same_file_again_is_one_entry(tmp_path):
    library = Library(tmp_path / "lib.sqlite3")
    doc = write_letter(tmp_path / "a.md", ["Ann One", "Bo Two"])
    library.record(doc, when="2026-01-01T00:00:00+00:00")
    again = library.record(doc, when="2026-02-01T00:00:00+00:00")
    assert again.notice is None
    (entry,) = library.entries()
    assert entry.first_opened.startswith("2026-01-01") and entry.last_opened.startswith("2026-02")


def test_a_changed_file_is_said_so_and_the_old_entry_kept(tmp_path):
    library = Library(tmp_path / "lib.sqlite3")
    path = tmp_path / "a.md"
    first = write_letter(path, ["Ann One", "Bo Two"])
    library.record(first)
    second = write_letter(path, ["Ann One", "Bo Two", "Cy Three"])
    assert library.entries()[0].status == CHANGED  # seen before it is opened again
    recorded = library.record(second)
    assert "has changed since you opened it" in recorded.notice
    assert "SHA-256 differs" in recorded.notice
    entries = library.entries()
    assert {e.sha256 for e in entries} == {first.source.sha256, second.source.sha256}
    assert {e.count for e in entries} == {2, 3}
    old = next(e for e in entries if e.sha256 == first.source.sha256)
    assert old.status == CHANGED  # the path holds other bytes now, and the list says so


def test_a_moved_file_is_said_so_and_keeps_its_entry(tmp_path):
    library = Library(tmp_path / "lib.sqlite3")
    doc = write_letter(tmp_path / "a.md", ["Ann One", "Bo Two"])
    first = library.record(doc).entry
    (tmp_path / "a.md").rename(tmp_path / "moved.md")
    assert library.entries()[0].status == MISSING
    moved = library.record(open_document(tmp_path / "moved.md"))
    assert "was opened before at" in moved.notice and str(tmp_path / "a.md") in moved.notice
    (entry,) = library.entries()
    assert entry.id == first.id and entry.path == str(tmp_path / "moved.md")
    assert entry.status == PRESENT


def test_a_copy_elsewhere_is_a_second_entry_with_a_notice(tmp_path):
    library = Library(tmp_path / "lib.sqlite3")
    doc = write_letter(tmp_path / "a.md", ["Ann One", "Bo Two"])
    library.record(doc)
    (tmp_path / "b.md").write_bytes((tmp_path / "a.md").read_bytes())
    copy = library.record(open_document(tmp_path / "b.md"))
    assert "also in the library" in copy.notice
    assert len(library.entries()) == 2


def test_a_touched_file_with_the_same_bytes_is_present(tmp_path):
    library = Library(tmp_path / "lib.sqlite3")
    path = tmp_path / "a.md"
    library.record(write_letter(path, ["Ann One", "Bo Two"]))
    path.write_bytes(path.read_bytes())  # new time, same bytes: hashed, not flagged
    assert library.entries()[0].status == PRESENT


def test_a_document_without_a_file_is_not_recorded(tmp_path, bundled):
    library = Library(tmp_path / "lib.sqlite3")
    unsaved = replace(bundled, source=replace(bundled.source, path=None))
    assert library.record(unsaved) is None
    assert library.entries() == []


def test_the_last_letter_open_is_kept_across_objects(tmp_path):
    library = Library(tmp_path / "lib.sqlite3")
    entry = library.record(write_letter(tmp_path / "a.md", ["Ann One", "Bo Two"])).entry
    assert library.last_open() is None
    library.set_last_open(entry.id)
    assert Library(tmp_path / "lib.sqlite3").last_open().path == entry.path
    library.set_last_open(None)
    assert Library(tmp_path / "lib.sqlite3").last_open() is None


# -- the database file ------------------------------------------------------------------------


def test_a_commit_goes_to_the_write_ahead_log_without_waiting_for_the_disk(tmp_path):
    """The window records every letter it shows on the GUI thread: a commit there must not
    wait for the disk to flush (the window froze for tens of milliseconds on a busy disk)."""
    library = Library(tmp_path / "lib.sqlite3")
    assert library.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert library.conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
    entry = library.record(write_letter(tmp_path / "a.md", ["Ann One", "Bo Two"])).entry
    other_window = Library(tmp_path / "lib.sqlite3")  # sees the commit while the first is open
    assert [e.id for e in other_window.entries()] == [entry.id]
    other_window.close()
    library.close()
    assert not (tmp_path / "lib.sqlite3-wal").exists()  # folded back into the file on close
    assert [e.path for e in Library(tmp_path / "lib.sqlite3").entries()] == [entry.path]


def test_a_new_database_has_the_current_schema(tmp_path):
    library = Library(tmp_path / "lib.sqlite3")
    assert schema_version(library.conn) == SCHEMA_VERSION == len(STEPS)


def test_a_version_1_database_is_migrated_with_its_letters(tmp_path):
    path = tmp_path / "lib.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    assert migrate(conn, target=1) == 1
    conn.execute(
        "INSERT INTO letters (path, sha256, title, date, count, first_opened, last_opened) "
        "VALUES ('/x/a.md', 'abc', 'Old letter', NULL, 5, '2025-01-01', '2025-01-01')"
    )
    conn.close()
    library = Library(path)
    assert library.notice is None
    assert schema_version(library.conn) == SCHEMA_VERSION
    (entry,) = library.entries(check=False)
    assert (entry.title, entry.count) == ("Old letter", 5)
    library.decisions.decide(("abc", "ann one"), ("def", "one ann"), True)  # the v2 table
    assert library.decisions.for_letters({"abc", "def"})


@pytest.mark.parametrize(
    "damage",
    [b"this is not a database at all\n" * 50, b"SQLite format 3\x00" + b"\xff" * 2000, b""],
    ids=["text", "garbage-after-header", "empty"],
)
def test_a_damaged_database_is_set_aside_with_one_notice(tmp_path, damage):
    path = tmp_path / "lib.sqlite3"
    path.write_bytes(damage)
    library = Library(path)
    if damage == b"":
        # SQLite takes an empty file for a new database: nothing lost, nothing to say
        assert library.notice is None
    else:
        kept = list(tmp_path.glob("lib.sqlite3.corrupt-*"))
        assert len(kept) == 1 and kept[0].read_bytes() == damage
        assert "could not be read" in library.notice and kept[0].name in library.notice
    assert not library.in_memory
    assert library.entries() == []
    assert Library(path).notice is None  # the fresh file is good: no second notice


def test_a_database_cut_short_is_set_aside(tmp_path):
    path = tmp_path / "lib.sqlite3"
    library = Library(path)
    for i in range(200):
        doc_path = tmp_path / f"l{i}.md"
        library.record(write_letter(doc_path, [f"Ann {i}", "Bo Two"]))
    library.close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    again = Library(path)
    assert again.notice and "could not be read" in again.notice
    assert list(tmp_path.glob("lib.sqlite3.corrupt-*"))


def test_a_database_from_a_newer_viewer_is_left_alone(tmp_path):
    path = tmp_path / "lib.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = path.read_bytes()
    library = Library(path)
    assert library.in_memory and "newer version" in library.notice
    assert path.read_bytes() == before and not list(tmp_path.glob("*.corrupt-*"))


def test_an_unwritable_folder_keeps_the_library_in_memory(tmp_path):
    blocker = tmp_path / "a-file"  # a file where the folder should be: works even as root
    blocker.write_text("not a folder")
    library = Library(blocker / "data" / "lib.sqlite3")
    assert library.in_memory and "cannot be kept" in library.notice
    doc = write_letter(tmp_path / "a.md", ["Ann One", "Bo Two"])
    assert library.record(doc).entry.count == 2  # still works for this run
    assert [e.count for e in library.entries()] == [2]


def test_a_failed_write_leaves_the_file_as_it_was(tmp_path):
    library = Library(tmp_path / "lib.sqlite3")
    library.record(write_letter(tmp_path / "a.md", ["Ann One", "Bo Two"]))
    with pytest.raises(RuntimeError), library.transaction() as conn:
        conn.execute("DELETE FROM letters")
        raise RuntimeError("the app failed halfway")
    assert len(Library(tmp_path / "lib.sqlite3").entries()) == 1


def test_a_folder_of_signer_files_is_listed_while_it_is_there(tmp_path):
    folder = tmp_path / "signers"
    folder.mkdir()
    for i, name in enumerate(["Ann One", "Bo Two"]):
        (folder / f"{i}.txt").write_text(name + "\n", encoding="utf-8")
    doc = open_document(folder)
    library = Library(tmp_path / "lib.sqlite3")
    entry = library.record(doc).entry
    assert entry.count == len(doc.signatories) and entry.status == PRESENT
    folder.rename(tmp_path / "gone")
    assert library.entries()[0].status == MISSING
