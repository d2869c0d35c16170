"""The status line's count ("Showing 3 of 7 signatories · 2 countries"), kept from laying out
the window again at every keystroke."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

QWIDGETSIZE_MAX = (1 << 24) - 1


class CountLabel(QLabel):
    """A plain-text label of a fixed size that only grows, its text flush right.

    A label whose text changes width asks its parent to lay out again; in the status bar that
    lays out the whole window, a fraction of a millisecond of each keystroke (issue 15). At a
    fixed size Qt asks nothing; the size grows when a longer count needs it and is fitted
    afresh for another document (fit()).
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._refit = True

    def show_text(self, text: str) -> None:
        """Show text, growing the label if it does not fit."""
        if text == self.text() and not self._refit:
            return
        self.setText(text)
        if not self.isVisible():
            return  # not laid out yet: the status bar gives it its height first
        width = max(self.sizeHint().width(), 0 if self._refit else self.width())
        if self._refit or width != self.width() or self.minimumSize() != self.maximumSize():
            self.setMinimumSize(0, 0)
            self.setMaximumSize(QWIDGETSIZE_MAX, QWIDGETSIZE_MAX)
            self.setFixedSize(width, self.height())  # the height the status bar gave it
        self._refit = False

    def fit(self) -> None:
        """Fit the label to its next text (another document: other counts)."""
        self._refit = True
