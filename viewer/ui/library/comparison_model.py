"""A comparison as a table: one row per person shown, a column per letter (signed or not)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from viewer.core.compare import Comparison
from viewer.core.compare.comparison import Person

Index = QModelIndex | QPersistentModelIndex
SIGNED_MARK = "\u2713"  # ✓
PERSON_ROLE = Qt.ItemDataRole.UserRole + 1


class ComparisonModel(QAbstractTableModel):
    """Columns: Person, then one per compared letter (✓ where the person signed it)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.comparison: Comparison | None = None
        self.rows: list[int] = []

    def show(self, comparison: Comparison | None, rows: list[int]) -> None:
        self.beginResetModel()
        self.comparison = comparison
        self.rows = list(rows) if comparison else []
        self.endResetModel()

    def person(self, row: int) -> Person:
        assert self.comparison is not None
        return self.comparison.people[self.rows[row]]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self.comparison is None:
            return 0
        return 1 + len(self.comparison.letters)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or self.comparison is None:
            return None
        if not 0 <= section < self.columnCount():
            return None
        if section == 0:
            return "Person" if role == Qt.ItemDataRole.DisplayRole else None
        letter = self.comparison.letters[section - 1]
        if role == Qt.ItemDataRole.DisplayRole:
            return letter.label
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{letter.label}: {letter.title}" + (f" ({letter.date})" if letter.date else "")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        person = self.person(index.row())
        column = index.column()
        if column == 0:
            return _person_data(person, role)
        if not 0 < column <= len(person.signed):
            return None
        signed = person.signed[column - 1]
        if role == Qt.ItemDataRole.DisplayRole:
            return SIGNED_MARK if signed is not None else ""
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"signed as {signed}" if signed is not None else "did not sign"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


def _person_data(person: Person, role: int):
    if role == Qt.ItemDataRole.DisplayRole:
        return person.name
    if role == Qt.ItemDataRole.ToolTipRole:
        forms = sorted({s for s in person.signed if s is not None})
        text = "\n".join(forms)
        return text + ("\n(matched by your confirmation)" if person.confirmed else "")
    return None
