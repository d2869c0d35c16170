"""The library's letters as a table: title, date, signatories, last opened, state.

Search keeps the rows whose title or file name holds every word; sorting is by the column
clicked (date and count compare as dates and numbers, an undated letter last).
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from viewer.core.folding import fold, terms
from viewer.core.library.entry import CHANGED, MISSING, LetterEntry

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("Letter", "Date", "Signatories", "Opened")
TITLE, DATE, COUNT, OPENED = range(len(COLUMNS))
STATE_TEXT = {MISSING: "moved or deleted", CHANGED: "changed since opened"}
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1


class LettersModel(QAbstractTableModel):
    """Rows are library entries that pass the search, in the chosen order."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._all: list[LetterEntry] = []
        self._rows: list[LetterEntry] = []
        self._search: list[str] = []
        self._sort = (OPENED, Qt.SortOrder.DescendingOrder)

    # -- contents ------------------------------------------------------------------------------

    def set_entries(self, entries: list[LetterEntry]) -> None:
        self._all = list(entries)
        self._refill()

    def set_search(self, text: str) -> None:
        self._search = terms(text)
        self._refill()

    def entry(self, row: int) -> LetterEntry:
        return self._rows[row]

    def entries(self) -> list[LetterEntry]:
        return list(self._rows)

    def _refill(self) -> None:
        self.beginResetModel()
        rows = [e for e in self._all if self._matches(e)]
        column, order = self._sort
        rows.sort(key=lambda e: _sort_key(e, column), reverse=order == Qt.SortOrder.DescendingOrder)
        if column == DATE:  # undated letters last, whichever way
            rows.sort(key=lambda e: e.date is None)
        self._rows = rows
        self.endResetModel()

    def _matches(self, entry: LetterEntry) -> bool:
        text = fold(f"{entry.title} {entry.name} {entry.date or ''}")
        return all(t in text for t in self._search)

    # -- Qt model ------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return _cell(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            state = STATE_TEXT.get(entry.status, "")
            return f"{entry.title}\n{entry.path}" + (f"\nThe file was {state}." if state else "")
        if role == Qt.ItemDataRole.FontRole and column == TITLE and entry.status in STATE_TEXT:
            font = QFont()
            font.setItalic(True)  # with the words that say why, not by the look alone
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ENTRY_ROLE:
            return entry.id
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(COLUMNS):
            self._sort = (column, order)
            self._refill()


def _cell(entry: LetterEntry, column: int) -> str:
    if column == TITLE:
        state = STATE_TEXT.get(entry.status)
        return f"{entry.title} ({state})" if state else entry.title
    if column == DATE:
        return entry.date or ""
    if column == COUNT:
        return f"{entry.count:,}"
    return entry.last_opened[:10]


def _sort_key(entry: LetterEntry, column: int):
    if column == DATE:
        return entry.date or ""
    if column == COUNT:
        return entry.count
    if column == OPENED:
        return entry.last_opened
    return fold(entry.title)
