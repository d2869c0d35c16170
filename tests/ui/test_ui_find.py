"""Find in the letter: live, case- and accent-insensitive, every match shown, "3 of 7", wrap."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QPalette
from readhelp import contrast, give_focus
from uihelp import focused, open_window

from viewer.core.folding import fold
from viewer.core.model import Document, ItemList, Letter, Paragraph, Signatory, numbered
from viewer.ui.letter.letter_pane import LetterPane

# Seven ways of writing one name, each once: a find for "rossner" must show all seven.
NAMES = ["Rößner", "ROSSNER", "rössner", "Rossner", "Ro\u0308ssner", "RÖßNER", "rossner"]
LETTER = Letter(
    addressee=("Straße der Republik 1", "Berlin"),
    date="4 December 2017",
    salutation=f"Dear Ms {NAMES[0]},",
    body=(
        Paragraph(f"Æsop and {NAMES[1]} wrote to Mr {NAMES[2]}; straße again."),
        ItemList((f"Ask {NAMES[3]}", f"Then {NAMES[4]} \U0001f600 and {NAMES[5]}")),
        Paragraph(f"Finally {NAMES[6]}.\nA second line."),
    ),
    closing="Yours sincerely,",
)
DOCUMENT = Document(letter=LETTER, signatories=numbered([Signatory("A. Person", "MP", "Spain")]))


@pytest.fixture
def pane(qtbot):
    pane = LetterPane(DOCUMENT)
    qtbot.addWidget(pane)
    pane.resize(700, 600)
    pane.show()
    qtbot.waitExposed(pane)
    pane.find_bar.open_bar()
    return pane


def _matches(view) -> list[str]:
    return [s.cursor.selectedText() for s in view.extraSelections()]


def test_typing_finds_every_spelling_live(qtbot, pane):
    bar, view = pane.find_bar, pane.view
    labels = []
    for char in "rossner":
        qtbot.keyClicks(bar.edit, char)
        labels.append(bar.status.text())
    assert labels[-1] == f"1 of {len(NAMES)}"
    assert labels[0] != labels[-1]  # the count followed the typing
    assert _matches(view) == NAMES
    assert all(fold(m) == "rossner" for m in _matches(view))
    assert bar.current_text() == NAMES[0]
    assert view.textCursor().position() == view.extraSelections()[0].cursor.selectionStart()


def test_accented_query_finds_the_plain_spellings_too(qtbot, pane):
    qtbot.keyClicks(pane.find_bar.edit, "RÖßNER")
    assert pane.find_bar.status.text() == f"1 of {len(NAMES)}"


def test_enter_and_f3_go_on_and_wrap_around(qtbot, pane):
    bar = pane.find_bar
    qtbot.keyClicks(bar.edit, "rossner")
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    qtbot.keyClick(bar.edit, Qt.Key.Key_F3)
    assert bar.status.text() == f"3 of {len(NAMES)}"
    assert bar.current_text() == NAMES[2]
    for _ in range(len(NAMES) - 2):
        qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert bar.status.text() == f"1 of {len(NAMES)}"  # wrapped past the last
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.status.text() == f"{len(NAMES)} of {len(NAMES)}"  # and back past the first
    assert bar.current_text() == NAMES[-1]
    qtbot.keyClick(bar.edit, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert bar.current_text() == NAMES[-2]
    qtbot.mouseClick(bar.previous_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(bar.next_button, Qt.MouseButton.LeftButton)
    assert bar.current_text() == NAMES[-2]


def test_the_current_match_is_drawn_apart_in_palette_colours(qtbot, pane):
    bar, view = pane.find_bar, pane.view
    qtbot.keyClicks(bar.edit, "rossner")
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    palette = view.palette()
    selections = view.extraSelections()
    backgrounds = [s.format.background().color() for s in selections]
    foregrounds = [s.format.foreground().color() for s in selections]
    # Tints of the selection colour under the normal text; the current one also underlined,
    # so it stands out without relying on colour.
    assert {c.name() for c in foregrounds} == {palette.color(QPalette.ColorRole.Text).name()}
    highlight = palette.color(QPalette.ColorRole.Highlight)
    assert abs(backgrounds[1].hsvHue() - highlight.hsvHue()) <= 3
    assert contrast(backgrounds[1], foregrounds[1]) >= 4.5
    underlined = [s.format.fontUnderline() for s in selections]
    assert underlined == [i == 1 for i in range(len(NAMES))]
    others = {c.name() for i, c in enumerate(backgrounds) if i != 1}
    assert len(others) == 1 and backgrounds[1].name() not in others
    assert contrast(backgrounds[0], foregrounds[0]) >= 4.5


def test_positions_stay_right_after_letters_that_fold_longer(qtbot, pane):
    # "Straße", "Æsop" and an emoji come before matches: each must still select its word.
    qtbot.keyClicks(pane.find_bar.edit, "strasse")
    assert _matches(pane.view) == ["Straße", "straße"]
    pane.find_bar.edit.clear()
    qtbot.keyClicks(pane.find_bar.edit, "and RÖßNER")  # QTest types no lowercase ö
    assert _matches(pane.view) == [f"and {NAMES[1]}", f"and {NAMES[5]}"]


def test_a_phrase_is_found_across_a_line_break(qtbot, pane):
    qtbot.keyClicks(pane.find_bar.edit, "rossner. a second")
    assert _matches(pane.view) == [f"{NAMES[6]}.\u2028A second"]


def test_nothing_found_says_so_and_empty_clears(qtbot, pane):
    bar = pane.find_bar
    qtbot.keyClicks(bar.edit, "zzz")
    assert bar.status.text() == "No matches"
    assert pane.view.extraSelections() == []
    bar.edit.clear()
    assert bar.status.text() == ""


def test_esc_closes_clears_the_highlights_and_returns_to_the_letter(qtbot, pane):
    bar, view = pane.find_bar, pane.view
    qtbot.keyClicks(bar.edit, "rossner")
    qtbot.keyClick(bar.edit, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert view.extraSelections() == []
    assert focused() is view
    assert view.textCursor().selectedText() == NAMES[0]  # where the reader was, selected


def test_matches_survive_a_new_layout(qtbot, pane):
    bar, view = pane.find_bar, pane.view
    qtbot.keyClicks(bar.edit, "rossner")
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    view.set_reading_style(type(view.reading_style)(font="sans", zoom=150))
    assert bar.status.text() == f"2 of {len(NAMES)}"
    assert _matches(view) == NAMES


def test_window_f3_finds_again_after_the_bar_was_closed(qtbot, bundled):
    window = open_window(qtbot)
    view = window.letter_view
    text = view.document().toPlainText()
    expected = len(re.findall(r"kem\s+sokha", text, re.IGNORECASE))
    assert expected >= 2
    give_focus(qtbot, view)
    qtbot.keyClick(view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.findChild(object, "findBar")
    qtbot.keyClicks(bar.edit, "KEM SOKHA")
    assert bar.status.text() == f"1 of {expected}"
    qtbot.keyClick(bar.edit, Qt.Key.Key_Escape)
    assert focused() is view
    first = view.textCursor().selectionStart()
    qtbot.keyClick(view, Qt.Key.Key_F3)
    assert bar.isVisible() and bar.status.text() == f"1 of {expected}"  # F3 opens it again
    qtbot.keyClick(bar.edit, Qt.Key.Key_F3)
    assert bar.status.text() == f"2 of {expected}"
    assert view.textCursor().selectionStart() > first
    # The current match is scrolled into the middle part of the pane, not left at an edge.
    middle = view.cursorRect().center().y()
    assert 0.2 * view.viewport().height() <= middle <= 0.8 * view.viewport().height()
    next_keys = window.reading.find_next_action.shortcuts()
    assert QKeySequence(Qt.Key.Key_F3) in next_keys
    assert QKeySequence("Shift+F3") in window.reading.find_previous_action.shortcuts()
