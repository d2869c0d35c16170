"""What the importer assumed about the open file: a notice in the status bar and its details.

"3 things in this file were read with assumptions \u2014 Details\u2026" stays in the status bar
while the document is open; Details lists them with their lines (as plain text), and offers
Review Import for text and Markdown letters.
"""

from __future__ import annotations

from pathlib import PurePath

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from viewer.core.model import Document, ImportWarning


def notice_text(count: int, where: str = "file") -> str:
    """ "1 thing in this file was read with an assumption", "3 things ... assumptions";
    where is "folder" for a folder of signer files."""
    if count == 1:
        return f"1 thing in this {where} was read with an assumption"
    return f"{count:,} things in this {where} were read with assumptions"


def note_line(warning: ImportWarning) -> str:
    """ "Line 44: Took line 44 ..." or the message alone."""
    return f"Line {warning.line:,}: {warning.message}" if warning.line else warning.message


def can_review(document: Document) -> bool:
    """Review Import is for letters read from text or Markdown files."""
    return document.source.format == "text" and bool(document.source.path)


class ImportNotice(QWidget):
    """The status bar's notice; hidden for a document read without assumptions."""

    details_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("importNotice")
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.details_button = QToolButton(self)
        self.details_button.setObjectName("importDetails")
        self.details_button.setText("Details\u2026")
        self.details_button.setAutoRaise(True)
        self.details_button.setToolTip("What was assumed, line by line")
        self.details_button.setAccessibleName("Details of the import")
        self.details_button.setAccessibleDescription(
            "Lists what the viewer assumed while reading this file, line by line"
        )
        self.details_button.clicked.connect(self.details_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.setSpacing(2)
        layout.addWidget(self.label)
        layout.addWidget(self.details_button)
        self.hide()

    def show_for(self, document: Document) -> None:
        """Say how many assumptions the document carries, or hide."""
        count = len(document.warnings)
        where = "folder" if document.source.format == "folder" else "file"
        self.label.setText(f"{notice_text(count, where)} \u2014")
        self.setVisible(count > 0)


class ImportNotesDialog(QDialog):
    """The document's warnings, one a row with its line; Review Import for text letters."""

    review_requested = Signal()

    def __init__(self, document: Document, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("importNotesDialog")
        name = PurePath(document.source.path).name if document.source.path else document.title
        self.setWindowTitle(f"How {name} Was Read")
        intro = QLabel(
            f"While reading \u201c{name}\u201d, the viewer assumed the following. Check the "
            "signatories these lines concern; Review Import lets you correct where the list "
            "starts and ends and how it is laid out.",
            self,
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        self.notes = self._list(document)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.review_button = buttons.addButton(
            "&Review Import\u2026", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.review_button.setVisible(can_review(document))
        self.review_button.clicked.connect(self._review)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.notes, 1)
        layout.addWidget(buttons)
        self.resize(720, 360)

    def _list(self, document: Document) -> QPlainTextEdit:
        notes = QPlainTextEdit(self)
        notes.setObjectName("importNotes")
        notes.setReadOnly(True)  # plain text: the notes quote the file's own lines
        notes.setPlainText("\n\n".join(note_line(w) for w in document.warnings))
        return notes

    def messages(self) -> list[str]:
        """The notes as shown, one for each warning."""
        return self.notes.toPlainText().split("\n\n")

    def _review(self) -> None:
        self.accept()
        self.review_requested.emit()
