"""The main window (minimal until the window issue lands)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMainWindow, QPlainTextEdit

from viewer.core.bundled import load_bundled
from viewer.core.formats import open_document
from viewer.core.textformat import write_text_letter


class MainWindow(QMainWindow):
    def __init__(self, path: str | Path | None = None):
        super().__init__()
        self.document = open_document(path) if path else load_bundled()
        text = QPlainTextEdit(self)
        text.setObjectName("letterView")
        text.setReadOnly(True)
        text.setPlainText(write_text_letter(self.document))
        self.setCentralWidget(text)
        self.setWindowTitle(
            f"{self.document.title} \u2014 {len(self.document.signatories)} signatories"
        )
        self.resize(1100, 760)
