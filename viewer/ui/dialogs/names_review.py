"""Edit > Names for Citing: each signatory's name, its given and family name as the citations
use them, and how they were decided (stated in the document, the Given Family rule, or as
written, with the reason); a user corrects any row by typing in its Given or Family cell.

Corrections become the signatory's name_parts ("corrected"), so they are kept with the
document: in its JSON export, and in every citation made while the document is open.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTableView, QVBoxLayout, QWidget

from viewer.core.cite.names import CitedName, cited_name
from viewer.core.model import Document, NameParts, Signatory

Index = QModelIndex | QPersistentModelIndex
_ROLE = Qt.ItemDataRole
HEADERS = ("Name", "Given", "Family", "How decided")
GIVEN, FAMILY = 1, 2
CORRECTED = "corrected by you"


class NamesModel(QAbstractTableModel):
    """One row a signatory; Given and Family editable; corrections kept until taken."""

    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self._people = document.signatories
        self._countries = bool(document.countries)
        self.corrections: dict[int, NameParts] = {}

    def cited(self, row: int) -> CitedName:
        return cited_name(self._people[row], self._countries)

    def parts(self, row: int) -> NameParts:
        return self.corrections.get(row) or self.cited(row).parts

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._people)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = _ROLE.DisplayRole):
        if not index.isValid():
            return None
        if role == _ROLE.ToolTipRole and index.column() == len(HEADERS) - 1:
            return self.data(index)  # the whole reason, where the column cuts it short
        if role not in (_ROLE.DisplayRole, _ROLE.EditRole):
            return None
        row, column = index.row(), index.column()
        if column == 0:
            return self._people[row].name
        if column == GIVEN:
            return self.parts(row).given or ""
        if column == FAMILY:
            parts = self.parts(row)
            family = " ".join(p for p in (parts.particle, parts.family) if p)
            return family
        if row in self.corrections:
            return CORRECTED
        c = self.cited(row)
        return f"{c.how} ({c.reason})"

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _ROLE.DisplayRole):
        if role == _ROLE.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HEADERS[section] if 0 <= section < len(HEADERS) else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in (GIVEN, FAMILY):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value, role: int = _ROLE.EditRole) -> bool:
        if not index.isValid() or role != _ROLE.EditRole or index.column() not in (GIVEN, FAMILY):
            return False
        row = index.row()
        text = " ".join(str(value).split()) or None
        old = self.parts(row)
        if index.column() == GIVEN:
            new = replace(old, given=text)
        else:
            new = replace(old, family=text, particle=None)
        self.corrections[row] = new
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))
        return True


def corrected(document: Document, corrections: dict[int, NameParts]) -> Document:
    """The document with the corrected rows' name parts stated (a family name is needed to
    be cited by parts; a correction that clears it leaves the name as written)."""
    if not corrections:
        return document
    people = list(document.signatories)
    for row, parts in corrections.items():
        s: Signatory = people[row]
        people[row] = replace(s, name_parts=parts if parts.family else None, family_name=None)
    return replace(document, signatories=tuple(people))


class NamesDialog(QDialog):
    """The table of names; OK takes the corrections."""

    def __init__(self, document: Document, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Names for Citing")
        self.model = NamesModel(document, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName("Names for citing")
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(False)
        self.table.resizeColumnsToContents()
        note = QLabel(
            "How each name is cited: given and family name where the document states them "
            "or the name is plainly \u201cGiven Family\u201d; otherwise as written. Titles "
            "(Dr., Professor) are never cited. Type in Given or Family to correct a row.",
            self,
        )
        note.setTextFormat(Qt.TextFormat.PlainText)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(760, 520)
