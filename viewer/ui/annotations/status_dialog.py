"""The small dialog that gives selected signatories a status, a note and a source URL."""

from __future__ import annotations

from urllib.parse import urlsplit

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from viewer.core.verification import STATUSES, Verification
from viewer.core.wording import plural

MAX_NOTE = 2000
MAX_URL = 2000
FIELD_CHARS = 48  # a note or an address is read whole at this width, not scrolled


def is_source_url(text: str) -> bool:
    """Whether text is empty or a web address a reader can open (http or https)."""
    if not text:
        return True
    parts = urlsplit(text)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


class StatusDialog(QDialog):
    """Status, note and source of one or more signatories; shows the first one's as it is."""

    def __init__(self, names: list[str], current: Verification, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("statusDialog")
        self.setWindowTitle("Signatory Status")
        form = QFormLayout(self)
        who = names[0] if len(names) == 1 else plural(len(names), "signatory", "signatories")
        self.who = QLabel(f"Status of {who}", self)
        form.addRow(self.who)
        self.status = QComboBox(self)
        self.status.addItems([s.capitalize() for s in STATUSES])
        self.status.setCurrentIndex(STATUSES.index(current.status))
        form.addRow("&Status:", self.status)
        self.note = self._field(current.note, MAX_NOTE, "Why: who confirmed it, what is in doubt")
        form.addRow("&Note:", self.note)
        self.url = self._field(current.url, MAX_URL, "https://\u2026 where it can be checked")
        form.addRow("Source &URL:", self.url)
        self.problem = QLabel("", self)
        self.problem.setObjectName("statusProblem")
        self.problem.hide()
        form.addRow(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.status.setFocus()

    def _field(self, text: str, limit: int, hint: str) -> QLineEdit:
        edit = QLineEdit(text, self)
        edit.setMaxLength(limit)
        edit.setPlaceholderText(hint)
        edit.setClearButtonEnabled(True)
        edit.setMinimumWidth(edit.fontMetrics().averageCharWidth() * FIELD_CHARS)
        return edit

    def verification(self) -> Verification:
        """What the dialog says now."""
        status = STATUSES[self.status.currentIndex()]
        return Verification(status, self.note.text().strip(), self.url.text().strip())

    def accept(self) -> None:
        """Close only with a source that is a web address (or none)."""
        if not is_source_url(self.url.text().strip()):
            self.problem.setText("The source should be a web address (https://\u2026) or empty.")
            self.problem.show()
            self.url.setFocus()
            return
        super().accept()
