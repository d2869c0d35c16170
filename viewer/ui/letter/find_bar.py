"""The find bar under the letter (Ctrl+F): live, case- and accent-insensitive, every match shown.

Matching is viewer.core.query.text_find's (the filter's folding, mapped back to the letter's own
characters); the matches are drawn as ExtraSelections in colours taken from the palette, the
current one as a selection. Enter or F3 goes to the next match, Shift+Enter or Shift+F3 to the
previous, both wrapping around; Esc closes the bar, selects the current match in the letter
and gives the focus back to the letter.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTextEdit,
    QToolButton,
    QWidget,
)

from viewer.core.query.text_find import find_spans, match_label, utf16_positions
from viewer.ui.common.palette import find_colours

IN_WIDGET_KEYS = (
    ("Enter or F3", "next match"),
    ("Shift+Enter or Shift+F3", "previous match"),
    ("Esc", "close the find bar, back to the letter"),
)


class FindEdit(QLineEdit):
    """The search field: Enter finds the next match, Shift+Enter the previous, Esc closes."""

    step = Signal(bool)  # backward
    closed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, shift = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F3):
            self.step.emit(shift)
            return
        if key == Qt.Key.Key_Escape:
            self.closed.emit()
            return
        super().keyPressEvent(event)


class FindBar(QWidget):
    """Finds text in a QTextEdit; hidden until opened."""

    def __init__(self, target: QTextEdit, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("findBar")
        self.target = target
        self.spans: list[tuple[int, int]] = []  # document positions of every match
        self.current: int | None = None
        self._anchor = 0  # where the search started: typing finds the first match after it
        self._build()
        self.edit.textChanged.connect(self._text_changed)
        self.edit.step.connect(self.step)
        self.edit.closed.connect(self.close_bar)
        # A letter laid out anew (zoom, font, theme) is a new document: find in it again.
        shown = getattr(target, "document_shown", None)
        if shown is not None:
            shown.connect(self.search)
        self.hide()

    def _build(self) -> None:
        self.edit = FindEdit(self)
        self.edit.setObjectName("findEdit")
        self.edit.setPlaceholderText("Find in the letter")
        self.edit.setAccessibleName("Find in the letter")
        self.edit.setAccessibleDescription(
            "Type to find words in the letter; case and accents are ignored. "
            "Enter for the next match, Shift+Enter for the previous, Esc to close."
        )
        self.edit.setToolTip("Case and accents are ignored: \u201crossner\u201d finds Rößner")
        self.edit.setClearButtonEnabled(True)
        self.status = QLabel(self)
        self.status.setObjectName("findStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setMinimumWidth(self.fontMetrics().horizontalAdvance("888 of 888") + 8)
        self.previous_button = self._button(
            "findPrevious", "\u2191", "Previous match (Shift+Enter, Shift+F3)", True
        )
        self.next_button = self._button("findNext", "\u2193", "Next match (Enter, F3)", False)
        self.close_button = QToolButton(self)
        self.close_button.setObjectName("findClose")
        self.close_button.setText("\u2715")
        self.close_button.setToolTip("Close the find bar (Esc)")
        self.close_button.setAccessibleName("Close the find bar")
        self.close_button.setAccessibleDescription("Hides the find bar; the letter gets the focus")
        self.close_button.clicked.connect(self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        label = QLabel("Find:", self)
        label.setBuddy(self.edit)
        layout.addWidget(label)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.close_button)

    def _button(self, name: str, text: str, tip: str, backward: bool) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip.split(" (")[0])
        button.setAccessibleDescription(
            f"Goes to the {tip.split(' ')[0].lower()} match, "
            "wrapping around at the end of the letter"
        )
        button.clicked.connect(lambda: self.step(backward))
        return button

    # -- commands ---------------------------------------------------------------------------------

    def open_bar(self) -> None:
        """Show the bar, seeded with the letter's selected text, ready to type."""
        cursor = self.target.textCursor()
        selected = cursor.selectedText()
        self._anchor = cursor.selectionStart()
        self.show()
        if selected and "\u2029" not in selected and selected != self.edit.text():
            self.edit.setText(selected)  # searches through textChanged
        else:
            self.search()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def close_bar(self) -> None:
        """Hide the bar and its highlights; the current match is left selected in the letter."""
        self.hide()
        self.target.setExtraSelections([])
        if self.current is not None and self.current < len(self.spans):
            self.target.setTextCursor(self._cursor(*self.spans[self.current]))
        self.target.setFocus(Qt.FocusReason.OtherFocusReason)

    def current_text(self) -> str:
        """The text of the current match ("" if there is none)."""
        if self.current is None:
            return ""
        return self._cursor(*self.spans[self.current]).selectedText()

    def step(self, backward: bool = False) -> bool:
        """Go to the next (or previous) match, wrapping around; False if there is none."""
        if not self.isVisible():
            self.open_bar()
            return bool(self.spans)
        if not self.spans:
            return False
        if self.current is None:
            self.current = self._first_after(self.target.textCursor().selectionStart())
        else:
            self.current = (self.current + (-1 if backward else 1)) % len(self.spans)
        self._show()
        return True

    def search(self) -> None:
        """Find the field's text again in the letter as it is now (after typing or a relayout)."""
        if not self.isVisible():
            return
        text = self.target.document().toRawText()
        to16 = utf16_positions(text)
        self.spans = [(to16(s), to16(e)) for s, e in find_spans(text, self.edit.text())]
        self.current = self._first_after(self._anchor) if self.spans else None
        self._show()

    # -- showing ----------------------------------------------------------------------------------

    def _text_changed(self, _text: str) -> None:
        self.search()

    def _first_after(self, position: int) -> int:
        return next((i for i, (s, _) in enumerate(self.spans) if s >= position), 0)

    def _show(self) -> None:
        """Every match tinted, the current one selected and scrolled to, "3 of 7" beside."""
        has_text = bool(self.edit.text().strip())
        self.status.setText(match_label(self.current, len(self.spans)) if has_text else "")
        self.status.setAccessibleName(self.status.text())
        tint, text, strong, strong_text = find_colours(self.target.palette())
        selections = []
        for i, (start, end) in enumerate(self.spans):
            selection = QTextEdit.ExtraSelection()
            selection.cursor = self._cursor(start, end)
            fmt = QTextCharFormat()
            chosen = i == self.current
            fmt.setBackground(strong if chosen else tint)
            fmt.setForeground(strong_text if chosen else text)
            if chosen:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setUnderlineColor(strong_text)
            selection.format = fmt
            selections.append(selection)
        self.target.setExtraSelections(selections)
        if self.current is not None:
            # The cursor goes to the match without selecting it: a selection would paint over
            # the highlight in the selection's colours. Closing the bar selects it.
            start, _end = self.spans[self.current]
            self.target.setTextCursor(self._cursor(start, start))
            self._centre_current()
            self._anchor = start

    def _centre_current(self) -> None:
        """Scroll so the current match sits mid-pane, unless it is already well in view."""
        rect = self.target.cursorRect()
        height = self.target.viewport().height()
        if height * 0.2 <= rect.center().y() <= height * 0.8:
            return
        bar = self.target.verticalScrollBar()
        bar.setValue(bar.value() + rect.center().y() - height // 2)

    def _cursor(self, start: int, end: int) -> QTextCursor:
        cursor = QTextCursor(self.target.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.isVisible():
            self._show()  # the highlight colours come from the palette
