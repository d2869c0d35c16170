"""The left-hand pane: what the letter is (the provenance header), the letter, and the find
bar underneath."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from viewer.core.model import Document
from viewer.ui.letter.find_bar import FindBar
from viewer.ui.letter.letter_view import LetterView
from viewer.ui.letter.provenance_header import ProvenanceHeader


class LetterPane(QWidget):
    """The provenance header, the letter view and the find bar (hidden until Ctrl+F)."""

    def __init__(self, document: Document, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("letterPane")
        self.header = ProvenanceHeader(self)
        self.view = LetterView(self)
        self.find_bar = FindBar(self.view, self)
        rule = QFrame(self)
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(rule)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.find_bar)
        # The header follows whatever the view shows (opened, reloaded, relaid out in another
        # theme: seven labels, rebuilt in no time).
        self.view.document_shown.connect(lambda: self.header.show_for(self.view.shown_document))
        self.view.show_document(document)
