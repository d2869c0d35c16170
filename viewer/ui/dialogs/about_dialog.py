"""Help > About: the version, where the open letter's data comes from, the licences.

Everything is plain text in a read-only text box (selectable, so a reader can copy the
SHA-256 into a report); nothing from the document is ever read as markup or opened as a link.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, qVersion
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from viewer import __version__
from viewer.core.model import Document

LICENCES = (
    "Letter Viewer: MIT licence.",
    "Qt {qt} and PySide6 {pyside} (Qt for Python): GNU Lesser General Public License v3 "
    "(LGPLv3), \u00a9 The Qt Company Ltd. and other contributors.",
    "pyqtgraph {pyqtgraph}: MIT licence, \u00a9 Luke Campagnola and the pyqtgraph contributors.",
    "NumPy {numpy}: BSD 3-Clause licence. platformdirs: MIT licence.",
)


def library_versions() -> dict[str, str]:
    """The versions of the libraries the window runs on."""
    import numpy
    import PySide6

    import pyqtgraph  # isort: skip

    return {
        "qt": qVersion(),
        "pyside": PySide6.__version__,
        "pyqtgraph": pyqtgraph.__version__,
        "numpy": numpy.__version__,
    }


def about_text(document: Document, versions: dict[str, str]) -> str:
    """The About box's text: version, the open document's provenance, the licences."""
    meta, source = document.metadata, document.source
    lines = [
        f"Letter Viewer {__version__}",
        "Reads open letters and their signatories, offline. It never uses the network.",
        "",
        "The open document",
        f"  Title: {document.title}",
    ]
    facts = (
        ("Source file", source.path),
        ("Format", source.format),
        ("SHA-256 of the source", source.sha256),
        ("Publisher", _publisher(meta.publisher, meta.publisher_short)),
        ("Published at", meta.url),
        ("Date of the letter", meta.date),
        ("Signatories", f"{len(document.signatories):,}"),
    )
    lines += [f"  {name}: {value}" for name, value in facts if value]
    lines += ["", "Licences", *(f"  {line.format(**versions)}" for line in LICENCES)]
    return "\n".join(lines)


def _publisher(name: str | None, short: str | None) -> str | None:
    if name and short and short != name:
        return f"{name} ({short})"
    return name or short


class AboutDialog(QDialog):
    """The About box (objectName ``aboutDialog``)."""

    def __init__(self, document: Document, icon: QIcon, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle("About Letter Viewer")
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("aboutText")
        self.text.setReadOnly(True)
        self.text.setPlainText(about_text(document, library_versions()))
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.text.setAccessibleName("About Letter Viewer")
        self.text.setAccessibleDescription(
            "The version, the open document's source and checksum, and the licences"
        )
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont))
        self.text.setTabChangesFocus(True)
        heading = QLabel(f"Letter Viewer {__version__}", self)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        logo = QLabel(self)
        logo.setPixmap(icon.pixmap(QSize(64, 64), self.devicePixelRatioF()))  # sharp on HiDPI
        logo.setAccessibleName("Letter Viewer icon")
        top = QHBoxLayout()
        top.addWidget(logo)
        top.addWidget(heading, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleDescription("Closes this window")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(620, 460)
