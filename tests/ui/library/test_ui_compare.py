"""The Compare window on three letters of 2019: the Hong Kong letter of 23 July and two
made here with the same people in other layouts and name forms (tests/letters_2019.py).
The user confirms the suggested matches that are right and rejects the wrong one; the
people in all three and those who joined later are found; the verdicts survive a restart."""

from __future__ import annotations

import letters_2019 as hk
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from uihelp import open_window

from viewer.core.compare.filters import IN_ALL, JOINED_IN
from viewer.ui.library.compare_window import filter_id
from viewer.ui.library.comparison_model import SIGNED_MARK, ComparisonModel


def open_and_wait(qtbot, window, path) -> None:
    window.opening.open_path(path)
    qtbot.waitUntil(lambda: window.state.document.source.path == str(path), timeout=10_000)


def compare_all(qtbot, window):
    """View > Letters, select every letter (Ctrl+A), click Compare Letters..."""
    dock = window.library.dock
    window.library.toggle_action.trigger()
    qtbot.waitUntil(lambda: dock.model.rowCount() == 3)
    dock.table.setFocus()
    qtbot.keyClick(dock.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.mouseClick(dock.compare_button, Qt.MouseButton.LeftButton)
    compare = window.library.compare_window
    qtbot.waitExposed(compare)
    qtbot.waitUntil(lambda: compare.comparison is not None, timeout=15_000)
    return compare


def people_shown(compare, letter: int) -> set[str]:
    """The names, as that letter writes them, of the rows shown."""
    model = compare.model
    return {model.person(r).signed[letter] for r in range(model.rowCount())}


def choose_filter(qtbot, compare, kind, letter=None) -> None:
    box = compare.filter_box
    index = box.findData(filter_id(kind, letter))
    assert index >= 0
    box.setFocus()
    while box.currentIndex() != index:  # step with the arrow keys, as from the keyboard
        key = Qt.Key.Key_Down if box.currentIndex() < index else Qt.Key.Key_Up
        qtbot.keyClick(box, key)


def decide_every_suggestion(qtbot, compare) -> list[str]:
    decided = []
    while compare.comparison.suggestions:
        s = compare.comparison.suggestions[0]
        assert compare.suggestion_list.currentRow() == 0
        assert s.name_a in compare.suggestion_list.item(0).text()
        wrong = hk.is_wrong_match(s.name_a, s.name_b)
        button = compare.reject_button if wrong else compare.confirm_button
        before = compare.comparison
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda b=before: compare.comparison is not b, timeout=10_000)
        decided.append(f"{'reject' if wrong else 'confirm'} {s.name_a} ~ {s.name_b}")
    return decided


def test_three_letters_compared_in_all_and_joined_later_and_verdicts_kept(qtbot, tmp_path):
    june14, june23, july = hk.make_letters(tmp_path)
    window = open_window(qtbot)
    for path in (july, june14, june23):
        open_and_wait(qtbot, window, path)
    compare = compare_all(qtbot, window)
    assert [x.date for x in compare.comparison.letters] == [
        "2019-06-14",
        "2019-06-23",
        "2019-07-23",
    ]
    model = compare.model
    assert model.headerData(1, Qt.Orientation.Horizontal) == "A"
    first_suggestions = len(compare.comparison.suggestions)
    assert compare.suggestion_list.count() == first_suggestions > 0
    choose_filter(qtbot, compare, IN_ALL)
    assert model.rowCount() == 0  # nothing confirmed yet: no name is written alike in all three

    decided = decide_every_suggestion(qtbot, compare)
    assert sum(d.startswith("reject") for d in decided) == 1
    assert compare.suggestion_list.count() == 0
    assert people_shown(compare, 2) == hk.IN_ALL_THREE
    row = next(r for r in range(model.rowCount()) if model.person(r).signed[2] == "黎慶寧")
    assert [model.data(model.index(row, c)) for c in (1, 2, 3)] == [SIGNED_MARK] * 3
    assert model.data(model.index(row, 2), Qt.ItemDataRole.ToolTipRole) == "signed as Peter Lai"

    choose_filter(qtbot, compare, JOINED_IN, 1)
    assert people_shown(compare, 1) == hk.JOINED_IN_JUNE_23
    choose_filter(qtbot, compare, JOINED_IN, 2)
    joined_july = people_shown(compare, 2)
    july_names = {s.name for s in compare.docs[2].signatories}
    assert joined_july == july_names - hk.EARLIER_IN_JULY and joined_july >= hk.NEW_IN_JULY

    qtbot.mouseClick(compare.copy_button, Qt.MouseButton.LeftButton)
    copied = QApplication.clipboard().text()
    assert copied.splitlines()[0].startswith("Person\tA: Urgent appeal")
    assert len([line for line in copied.splitlines() if "\tyes" in line]) == len(joined_july)
    assert copied.splitlines()[-1].startswith("Letter C\t") and "2019" in copied.splitlines()[-1]

    # A restart: a new window, a new library object on the same folder.
    compare.close()
    window.close()
    window2 = open_window(qtbot)
    again = compare_all(qtbot, window2)
    assert again is not compare and again.library is not compare.library
    assert again.comparison.suggestions == ()
    choose_filter(qtbot, again, IN_ALL)
    assert people_shown(again, 2) == hk.IN_ALL_THREE
    cheng = [p.signed for p in again.comparison.people if "A. Cheng" in p.signed]
    assert cheng == [(None, "A. Cheng", None)]  # the rejected match stays rejected


def test_export_writes_csv_with_the_citations(qtbot, tmp_path, monkeypatch):
    june14, june23, july = hk.make_letters(tmp_path)
    window = open_window(qtbot)
    for path in (june14, june23, july):
        open_and_wait(qtbot, window, path)
    compare = compare_all(qtbot, window)
    out = tmp_path / "who-signed.csv"
    from openhelp import stub_save_dialog

    stub_save_dialog(monkeypatch, out)
    qtbot.mouseClick(compare.export_button, Qt.MouseButton.LeftButton)
    text = out.read_text("utf-8")
    assert text.startswith("Person,A: Urgent appeal to the Chief Executive,")
    assert text.rstrip().splitlines()[-3].startswith("Letter A,")
    assert text.count("\n") == len(compare.comparison.people) + 5  # header, blank, 3 citations


def test_fewer_than_two_letters_ticked_shows_nothing(qtbot, tmp_path):
    june14, june23, july = hk.make_letters(tmp_path)
    window = open_window(qtbot)
    for path in (june14, june23, july):
        open_and_wait(qtbot, window, path)
    compare = compare_all(qtbot, window)
    for row in (0, 1):  # untick two of the three with the keyboard
        item = compare.letter_list.item(row)
        compare.letter_list.setCurrentItem(item)
        compare.letter_list.setFocus()
        qtbot.keyClick(compare.letter_list, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: compare.comparison is None)
    assert compare.model.rowCount() == 0 and "Tick two or more" in compare.summary.text()
    assert not compare.copy_button.isEnabled()


def test_the_comparison_model_passes_the_model_tester(qtmodeltester, tmp_path):
    from viewer.core.compare import compare_documents, select_people
    from viewer.core.opening import open_document

    docs = [open_document(p) for p in hk.make_letters(tmp_path)]
    comparison = compare_documents(docs)
    model = ComparisonModel()
    qtmodeltester.check(model)  # empty
    model.show(comparison, select_people(comparison))
    qtmodeltester.check(model)
    model.show(comparison, select_people(comparison, "only-in", 0))
    qtmodeltester.check(model)
