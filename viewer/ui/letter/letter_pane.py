"""The left-hand pane: the letter with its find bar underneath."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from viewer.core.model import Document
from viewer.ui.letter.find_bar import FindBar
from viewer.ui.letter.letter_view import LetterView


class LetterPane(QWidget):
    """The letter view and the find bar (hidden until Ctrl+F)."""

    def __init__(self, document: Document, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("letterPane")
        self.view = LetterView(self)
        self.find_bar = FindBar(self.view, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.find_bar)
        self.view.show_document(document)
