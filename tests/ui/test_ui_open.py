"""Opening letters from the window as a user does: File > Open, a drop, the 2017 letter.

Every open goes through the real path: the Open action with the file dialog stubbed (or a
drop event carrying file URLs), the worker, and the views. Expected counts are the hand
counts of the external letters' README; names are taken from the files' own lines.
"""

from __future__ import annotations

import collections
import re

import pytest
from conftest import BUNDLED_LETTER, EXTERNAL
from openhelp import (
    LOAD_TIMEOUT_MS,
    assert_unchanged,
    drag_over,
    drop_on,
    error_box,
    file_mime,
    open_with_dialog,
    snapshot,
    stub_open_dialog,
)
from PySide6.QtCore import Qt, QUrl
from uihelp import open_window, shown_column, shown_names, type_filter

from viewer.core.export import export_file
from viewer.ui.common.wording import NOT_STATED_LABEL, value_label

NZ = EXTERNAL / "nz_paul_hopkinson_open_letter_2008-10-30.txt"
UK = EXTERNAL / "uk_feminist_scholars_huang_xueqin_2022.txt"
HK = EXTERNAL / "hk_former_officials_legislators_2019-07-23.txt"
HAND_COUNTS = {NZ: 33, UK: 55, HK: 34}  # the external letters' README
# What the chart groups by when the letter opens, and a value it must count.
CHART_GROUPING = {
    NZ: ("extra:affiliation", "University of Canterbury"),
    UK: ("extra:affiliation", "University of Cambridge"),
    HK: ("country", None),
}
# The first and the last entry of each list, as the files write them.
FIRST_AND_LAST = {
    NZ: ("John Minto", "Nigel Hefford"),
    UK: ("Dr. Sarah Abel", "Professor Nira Yuval-Davis"),
    HK: ("王永平", "盧子健"),
}

external = pytest.mark.skipif(not EXTERNAL.is_dir(), reason="no shared external letters")


@pytest.fixture
def window(qtbot):
    return open_window(qtbot)


def chart_bars(window) -> dict[str, int]:
    return {bar.label: bar.count for bar in window.chart.plot.bars if bar.counted}


def assert_shows(window, count: int, countries: int) -> None:
    """Title, status line and table agree on a document of count signatories."""
    people = f"{count:,} {'signatory' if count == 1 else 'signatories'}"
    assert f"\u2014 {people}" in window.windowTitle()
    noun = "country" if countries == 1 else "countries"
    assert window.status_count.text() == f"Showing {count} of {people} \u00b7 {countries} {noun}"
    assert window.table.model().rowCount() == count


# -- the 2017 letter in every format the viewer writes -------------------------------------


@pytest.mark.parametrize("fmt", ["json", "csv", "md"])
def test_the_2017_letter_opens_from_each_export_format(qtbot, window, monkeypatch, tmp_path,
                                                       bundled, fmt):  # fmt: skip
    path = export_file(bundled, bundled.signatories, tmp_path / f"kem-sokha.{fmt}")
    with qtbot.waitSignal(window.opening.loader.succeeded, timeout=LOAD_TIMEOUT_MS):
        stub_open_dialog(monkeypatch, path)
        window.opening.open_action.trigger()
    countries = collections.Counter(s.country or NOT_STATED_LABEL for s in bundled.signatories)
    assert_shows(window, 158, len(bundled.countries))
    assert shown_names(window) == [s.name for s in bundled.signatories]
    assert shown_column(window, 3) == [s.country or NOT_STATED_LABEL for s in bundled.signatories]
    bars = chart_bars(window)
    assert bars.items() <= countries.items()  # the bars that fit, each with its true count
    assert "Malaysia" in bars
    if fmt != "csv":  # JSON and Markdown carry the letter
        assert "Kem Sokha" in window.letter_view.toPlainText()


@external
@pytest.mark.parametrize("path", [NZ, UK, HK], ids=["nz", "uk", "hk"])
def test_external_letters_open_with_their_hand_counts(qtbot, window, monkeypatch, path):
    open_with_dialog(qtbot, window, monkeypatch, path)
    count = HAND_COUNTS[path]
    names = shown_names(window)
    assert len(names) == count
    assert (names[0], names[-1]) == FIRST_AND_LAST[path]
    for name in names:
        assert name == name.strip() and name, repr(name)
        assert "*" not in name and "\\" not in name and "\u00a0" not in name, name
        assert not re.match(r"\d+[.)]", name), name
    # None of the three lists states countries: every entry is "not stated", never guessed.
    assert shown_column(window, 3) == [NOT_STATED_LABEL] * count
    # So the chart counts what the signatories share, if anything, not "Not stated 33".
    grouping, institution = CHART_GROUPING[path]
    assert window.chart.facet == grouping
    facet = window.state.facet(grouping)
    people = window.state.document.signatories
    truth = collections.Counter(value_label(facet.value_of(s)) for s in people)
    bars = chart_bars(window)
    assert bars.items() <= truth.items()
    if institution is None:
        assert bars == {NOT_STATED_LABEL: count}
        assert_shows(window, count, 0)
    else:
        assert institution in bars
        assert window.status_count.text() == (
            f"Showing {count} of {count} signatories \u00b7 {len(truth) - 1} {facet.many}"
        )
    assert window.statusBar().currentMessage() == f"Opened {path.name}: {count} signatories."


@external
def test_external_letter_body_replaces_the_2017_letter(qtbot, window, monkeypatch):
    open_with_dialog(qtbot, window, monkeypatch, UK)
    letter = window.letter_view.toPlainText()
    assert "Dear Mr.Zheng Zeguang" in letter  # as the file writes it
    assert "Kem Sokha" not in letter


def test_open_dialog_offers_letters_and_all_files(qtbot, window, monkeypatch):
    calls = stub_open_dialog(monkeypatch, None)
    window.opening.open_action.trigger()
    (parent, caption, _folder, filters) = calls[0]
    assert parent is window and caption == "Open a Letter"
    first = filters.split(";;")[0]
    for pattern in ("*.txt", "*.md", "*.markdown", "*.json", "*.csv", "*.tsv"):
        assert pattern in first
    assert filters.split(";;")[-1] == "All files (*)"
    assert not window.opening.loader.busy  # cancelled dialog: nothing opens
    assert window.opening.open_action.shortcut().toString() == "Ctrl+O"


def test_the_open_dialog_starts_by_the_letter_opened_last(qtbot, window, monkeypatch, tmp_path):
    (tmp_path / "sub").mkdir()
    small = tmp_path / "sub" / "one.csv"
    small.write_text("name\nAna\n", encoding="utf-8")
    open_with_dialog(qtbot, window, monkeypatch, small)
    calls = stub_open_dialog(monkeypatch, None)
    window.opening.open_action.trigger()
    assert calls[0][2] == str(tmp_path / "sub")


def test_open_the_2017_letter_comes_back_in_one_click(qtbot, window, monkeypatch, tmp_path,
                                                      bundled):  # fmt: skip
    small = tmp_path / "three.csv"
    small.write_text("name,country\nA,Chile\nB,Peru\nC,Chile\n", encoding="utf-8")
    open_with_dialog(qtbot, window, monkeypatch, small)
    assert_shows(window, 3, 2)
    with qtbot.waitSignal(window.opening.loader.succeeded, timeout=LOAD_TIMEOUT_MS):
        window.opening.bundled_action.trigger()
    assert_shows(window, 158, 23)
    assert window.state.document.signatories == bundled.signatories


def test_opening_clears_the_filter_and_keeps_the_sort(qtbot, window, monkeypatch, tmp_path):
    small = tmp_path / "three.csv"
    small.write_text("name,country\nCarla,Chile\nAna,Peru\nBea,Chile\n", encoding="utf-8")
    type_filter(qtbot, window, "malaysia")
    window.state.sort_by("name")
    open_with_dialog(qtbot, window, monkeypatch, small)
    assert window.filter_bar.edit.text() == ""
    assert shown_names(window) == ["Ana", "Bea", "Carla"]


# -- drops ---------------------------------------------------------------------------------


def test_dropping_a_file_on_the_window_opens_it(qtbot, window, tmp_path):
    small = tmp_path / "dropped.csv"
    small.write_text("name,role\nAna,Mayor\nBea,Senator\n", encoding="utf-8")
    with qtbot.waitSignal(window.opening.loader.succeeded, timeout=LOAD_TIMEOUT_MS):
        assert drop_on(window, file_mime(small))
    assert shown_names(window) == ["Ana", "Bea"]
    assert window.state.document.source.path == str(small)


def test_a_file_dropped_on_the_filter_field_opens_rather_than_being_typed(qtbot, window,
                                                                          tmp_path):  # fmt: skip
    small = tmp_path / "dropped.csv"
    small.write_text("name\nAna\n", encoding="utf-8")
    with qtbot.waitSignal(window.opening.loader.succeeded, timeout=LOAD_TIMEOUT_MS):
        assert drop_on(window.filter_bar.edit, file_mime(small))
    assert window.filter_bar.edit.text() == ""
    assert shown_names(window) == ["Ana"]


@pytest.mark.parametrize("part", ["letter", "table", "chart"])
def test_a_file_dropped_on_any_part_opens(qtbot, window, tmp_path, part):
    small = tmp_path / "dropped.csv"
    small.write_text("name\nAna\n", encoding="utf-8")
    target = {
        "letter": window.letter_view.viewport(),
        "table": window.table.viewport(),
        "chart": window.chart.plot.viewport(),
    }[part]
    with qtbot.waitSignal(window.opening.loader.succeeded, timeout=LOAD_TIMEOUT_MS):
        assert drop_on(target, file_mime(small))
    assert shown_names(window) == ["Ana"]


@external
def test_several_files_dropped_open_the_first_and_say_so(qtbot, window, tmp_path):
    with qtbot.waitSignal(window.opening.loader.succeeded, timeout=LOAD_TIMEOUT_MS):
        drop_on(window, file_mime(HK, NZ))
    assert len(shown_names(window)) == HAND_COUNTS[HK]


def test_web_links_are_not_taken(qtbot, window, tmp_path):
    before = snapshot(window)
    assert not drag_over(window, file_mime(urls=[QUrl("https://example.org/letter.txt")]))
    assert not drag_over(window, file_mime(tmp_path / "gone"))  # nothing there
    assert not window.opening.loader.busy
    assert_unchanged(window, before)


# -- bad files -------------------------------------------------------------------------------

BAD_FILES = {
    "binary.txt": (b"GIF89a\x00\x01\x02\x00\x00letter", "binary file", 1),
    "empty.md": (b"", "The file is empty.", None),
    "broken.json": (
        b'{"format": "open-letter", "schema_version": 1,\n"signatories": [\n{"name": "A",}\n',
        "The JSON is malformed",
        3,
    ),
    "no-names.csv": (b"role,country\nSenator,Chile\n", "no \u201cname\u201d column", 1),
    "prose.txt": (b"Just a note to say hello.\nSee you soon.\n", "No list of signatories", None),
    "broken-utf8.txt": ("Caf\u00e9\n".encode() + b"\n\nna\xefve\n", "not valid UTF-8", 4),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_a_bad_file_says_why_and_keeps_the_open_letter(qtbot, window, monkeypatch, tmp_path,
                                                       name):  # fmt: skip
    data, words, line = BAD_FILES[name]
    bad = tmp_path / name
    bad.write_bytes(data)
    type_filter(qtbot, window, "malaysia")  # a view to keep, not just a document
    before = snapshot(window)
    with qtbot.waitSignal(window.opening.loader.failed, timeout=LOAD_TIMEOUT_MS):
        stub_open_dialog(monkeypatch, bad)
        window.opening.open_action.trigger()
    box = error_box(window)
    assert box is not None
    assert box.text() == f"\u201c{name}\u201d could not be opened."
    info = box.informativeText()
    assert words in info
    assert info.startswith(f"{name}, line {line}:" if line else f"{name}:")
    assert "still open" in info
    assert box.textFormat().name == "PlainText"
    assert_unchanged(window, before)
    assert window.filter_bar.edit.text() == "malaysia"
    box.close()


def test_a_file_over_the_size_limit_is_refused_without_reading_it(qtbot, window, monkeypatch,
                                                                  tmp_path):  # fmt: skip
    huge = tmp_path / "huge.csv"
    with huge.open("wb") as f:
        f.truncate(600_000_000)  # sparse: the size is there, the disk space is not used
    before = snapshot(window)
    with qtbot.waitSignal(window.opening.loader.failed, timeout=LOAD_TIMEOUT_MS):
        stub_open_dialog(monkeypatch, huge)
        window.opening.open_action.trigger()
    info = error_box(window).informativeText()
    assert "600 MB" in info and "at most" in info
    assert_unchanged(window, before)


def test_a_missing_file_is_a_plain_message(qtbot, window, monkeypatch, tmp_path):
    before = snapshot(window)
    with qtbot.waitSignal(window.opening.loader.failed, timeout=LOAD_TIMEOUT_MS):
        stub_open_dialog(monkeypatch, tmp_path / "gone.txt")
        window.opening.open_action.trigger()
    assert "does not exist" in error_box(window).informativeText()
    assert_unchanged(window, before)


def test_text_in_another_encoding_opens_with_a_notice(qtbot, window, monkeypatch, tmp_path):
    latin = tmp_path / "latin.csv"
    latin.write_bytes("name,country\nJos\u00e9 P\u00e9rez,Espa\u00f1a\n".encode("cp1252"))
    open_with_dialog(qtbot, window, monkeypatch, latin)
    assert shown_names(window) == ["Jos\u00e9 P\u00e9rez"]
    notice = window.opening.notice
    assert notice.isVisible()
    assert notice.label.text().startswith("1 thing in this file was read with an assumption")


def test_a_letter_read_without_assumptions_shows_no_notice(qtbot, window, monkeypatch):
    open_with_dialog(qtbot, window, monkeypatch, BUNDLED_LETTER)
    assert not window.opening.notice.isVisible()


def test_letter_from_the_command_line_is_added_to_recent(qtbot, tmp_path):
    small = tmp_path / "cli.csv"
    small.write_text("name\nAna\n", encoding="utf-8")
    window = open_window(qtbot, small)
    assert shown_names(window) == ["Ana"]
    assert window.opening.recent.paths() == [str(small)]


def test_file_open_writes_the_recent_list_off_the_gui_thread(qtbot, window, monkeypatch, tmp_path):
    """The list is written with a flush to disk: in the opening job, not on the GUI thread."""
    import threading

    from viewer.core.storage.recent_files import RecentFileList

    small = tmp_path / "later.csv"
    small.write_text("name\nBea\n", encoding="utf-8")
    writers = []
    add = RecentFileList.add

    def recorded(self, path):
        writers.append(threading.current_thread())
        add(self, path)

    monkeypatch.setattr(RecentFileList, "add", recorded)
    open_with_dialog(qtbot, window, monkeypatch, small)
    assert shown_names(window) == ["Bea"]
    assert window.opening.recent.paths()[0] == str(small)
    assert writers and threading.main_thread() not in writers


def test_ctrl_o_asks_for_a_file(qtbot, window, monkeypatch):
    calls = stub_open_dialog(monkeypatch, None)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.table, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert len(calls) == 1
