"""The left-hand pane: what the letter is (the provenance header), the letter, and the find
bar underneath."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from viewer.core.model import Document
from viewer.ui.letter.find_bar import FindBar
from viewer.ui.letter.letter_view import LetterView
from viewer.ui.letter.provenance_header import ProvenanceHeader

HEADER_SHARE = 4  # the header takes at most a quarter of the pane; the rest scrolls
MIN_HEADER = 48


class LetterPane(QWidget):
    """The provenance header, the letter view and the find bar (hidden until Ctrl+F)."""

    def __init__(self, document: Document, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("letterPane")
        self.header = ProvenanceHeader(self)
        # In a narrow pane the header's wrapped lines would push the letter out of view: it
        # keeps a quarter of the pane and scrolls within it.
        self.header_area = QScrollArea(self)
        self.header_area.setObjectName("provenanceArea")
        self.header_area.setAccessibleName("About this letter")
        self.header_area.setAccessibleDescription(
            "The letter's title, date, addressee, publisher, source and file"
        )
        self.header_area.setFrameShape(QFrame.Shape.NoFrame)
        self.header_area.setWidgetResizable(True)
        self.header_area.setHorizontalScrollBarPolicy(
            self.header_area.horizontalScrollBarPolicy().ScrollBarAlwaysOff
        )
        self.header_area.setWidget(self.header)
        self.view = LetterView(self)
        self.find_bar = FindBar(self.view, self)
        rule = QFrame(self)
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header_area)
        layout.addWidget(rule)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.find_bar)
        # The header follows whatever the view shows (opened, reloaded, relaid out in another
        # theme: seven labels, rebuilt in no time).
        self.view.document_shown.connect(self._show_header)
        self.view.show_document(document)

    def _show_header(self) -> None:
        self.header.show_for(self.view.shown_document)
        QTimer.singleShot(0, self._fit_header)  # once the new labels are laid out

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_header()

    def _fit_header(self) -> None:
        """The header's own height at this width, or a quarter of the pane if that is less."""
        width = max(1, self.header_area.viewport().width())
        layout = self.header.layout()
        if layout.hasHeightForWidth():
            wanted = layout.totalHeightForWidth(width)
        else:
            wanted = self.header.sizeHint().height()
        cap = max(MIN_HEADER, self.height() // HEADER_SHARE)
        if wanted > cap:  # end at a whole line, not across one: the rest is a scroll away
            bottoms = [v.geometry().bottom() + 1 for v in self.header.values.values()]
            cap = max([b for b in bottoms if b <= cap], default=cap)
        self.header_area.setFixedHeight(min(wanted, cap) if self.header.values else 0)
