"""A minimal find bar under the letter (Ctrl+F): type, Enter for next, Shift+Enter back, Esc.

The reading issue grows this into live, accent-insensitive find with every match
highlighted; this one finds case-insensitively and wraps around.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTextEdit,
    QToolButton,
    QWidget,
)


class FindEdit(QLineEdit):
    """The search field: Enter finds the next match, Shift+Enter the previous, Esc closes."""

    find_next = Signal(bool)  # backward
    closed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.find_next.emit(bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
            return
        if event.key() == Qt.Key.Key_Escape:
            self.closed.emit()
            return
        super().keyPressEvent(event)


class FindBar(QWidget):
    """Finds text in a QTextEdit; hidden until opened."""

    def __init__(self, target: QTextEdit, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("findBar")
        self.target = target
        self.edit = FindEdit(self)
        self.edit.setObjectName("findEdit")
        self.edit.setPlaceholderText("Find in the letter")
        self.edit.setAccessibleName("Find in the letter")
        self.edit.setClearButtonEnabled(True)
        self.status = QLabel(self)
        self.status.setObjectName("findStatus")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(QLabel("Find:", self))
        layout.addWidget(self.edit, 1)
        layout.addWidget(self._button("\u2191", "Previous match (Shift+Enter)", True))
        layout.addWidget(self._button("\u2193", "Next match (Enter)", False))
        layout.addWidget(self.status)
        close = QToolButton(self)
        close.setText("\u2715")
        close.setToolTip("Close (Esc)")
        close.setAccessibleName("Close the find bar")
        close.clicked.connect(self.close_bar)
        layout.addWidget(close)
        self.edit.textEdited.connect(lambda _text: self.find(backward=False, from_start=True))
        self.edit.find_next.connect(lambda backward: self.find(backward))
        self.edit.closed.connect(self.close_bar)
        self.hide()

    def _button(self, text: str, tip: str, backward: bool) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.clicked.connect(lambda: self.find(backward))
        return button

    def open_bar(self) -> None:
        """Show the bar, seeded with the letter's selected text, ready to type."""
        selected = self.target.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.edit.setText(selected)
        self.show()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.target.setFocus(Qt.FocusReason.OtherFocusReason)

    def find(self, backward: bool = False, from_start: bool = False) -> bool:
        """Select the next (or previous) match, wrapping around; says so if there is none."""
        text = self.edit.text()
        if not text:
            self.status.clear()
            return False
        flags = QTextDocument.FindFlag(0)
        if backward:
            flags |= QTextDocument.FindFlag.FindBackward
        if from_start:
            cursor = self.target.textCursor()
            cursor.setPosition(cursor.selectionStart())
            self.target.setTextCursor(cursor)
        found = self.target.find(text, flags)
        if not found:  # wrap around
            self.target.moveCursor(
                QTextCursor.MoveOperation.End if backward else QTextCursor.MoveOperation.Start
            )
            found = self.target.find(text, flags)
        self.status.setText("" if found else "Not found")
        return found
