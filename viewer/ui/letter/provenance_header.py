"""The header at the top of the letter pane: what the letter is and where it came from.

Title (or the description citations use), date, addressee, publisher, source URL, the count
("16 of 158 signatories; filter: ..." for an exported subset) and the file's SHA-256 in
short (the whole one in a tooltip), from viewer.core.provenance. Every value is shown as
plain text, never as markup, and can be selected with the mouse to copy.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget

from viewer.core.model import Document
from viewer.core.provenance import provenance_lines
from viewer.ui.common.palette import muted_text

MARGIN = 10


def plain_label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    # A long URL wraps only at its hyphens and slashes: it must not set the pane's (and the
    # window's) minimum width; an explicit minimum overrides the label's own.
    label.setMinimumWidth(1)
    return label


class ProvenanceHeader(QFrame):
    """A small two-column table: label, text; rebuilt for each document shown."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("provenanceHeader")
        self.setAccessibleName("About this letter")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(MARGIN, MARGIN // 2, MARGIN, MARGIN // 2)
        self.grid.setHorizontalSpacing(MARGIN)
        self.grid.setVerticalSpacing(2)
        self.grid.setColumnStretch(1, 1)
        self.values: dict[str, QLabel] = {}

    def show_for(self, document: Document | None) -> None:
        """The lines of document (none for None)."""
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.values = {}
        if document is None:
            return
        for row, line in enumerate(provenance_lines(document)):
            name = plain_label(line.label, self)
            name.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            name.setWordWrap(False)  # "Published by" on one line
            name.setMinimumWidth(name.sizeHint().width())
            palette = name.palette()
            palette.setColor(name.foregroundRole(), muted_text(self.palette()))
            name.setPalette(palette)
            value = plain_label(line.text, self)
            value.setAccessibleName(line.label)
            value.setToolTip(line.tooltip or line.text)  # all of it, where the pane is narrow
            if row == 0:
                bold = QFont(value.font())
                bold.setWeight(QFont.Weight.DemiBold)
                value.setFont(bold)
            self.grid.addWidget(name, row, 0)
            self.grid.addWidget(value, row, 1)
            self.values[line.label] = value
