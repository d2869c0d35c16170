"""The rows an import plan read, as a thin table model for the Review Import dialog."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from viewer.core.textimport.plan import ImportPlan
from viewer.core.textimport.section_rows import ImportRow
from viewer.ui.common.wording import NOT_STATED_LABEL

Index = QModelIndex | QPersistentModelIndex
_ROLE = Qt.ItemDataRole
HEADERS = ("#", "Lines", "Name", "Role", "Country", "More")


def line_span(row: ImportRow) -> str:
    """ "12" or "12\u201313"."""
    if row.first_line == row.last_line:
        return f"{row.first_line:,}"
    return f"{row.first_line:,}\u2013{row.last_line:,}"


class ReviewRowsModel(QAbstractTableModel):
    """One row a signatory as the plan reads it, with the lines it came from."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: tuple[ImportRow, ...] = ()

    def set_plan(self, plan: ImportPlan) -> None:
        self.beginResetModel()
        self._rows = plan.rows
        self.endResetModel()

    def import_row(self, row: int) -> ImportRow:
        return self._rows[row]

    def row_of_line(self, line: int) -> int | None:
        """The row whose lines include line (rows are in line order)."""
        lo, hi = 0, len(self._rows)
        while lo < hi:
            mid = (lo + hi) // 2
            if self._rows[mid].last_line < line:
                lo = mid + 1
            else:
                hi = mid
        if lo < len(self._rows) and self._rows[lo].first_line <= line:
            return lo
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = _ROLE.DisplayRole):
        if not index.isValid():
            return None
        if role == _ROLE.DisplayRole:
            return self._text(self._rows[index.row()], index.row(), index.column())
        if role == _ROLE.ToolTipRole and index.column() > 1:
            return self._rows[index.row()].source
        if role == _ROLE.TextAlignmentRole and index.column() in (0, 1):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, row: ImportRow, number: int, column: int) -> str:
        s = row.signatory
        if column == 0:
            return f"{number + 1:,}"
        if column == 1:
            return line_span(row)
        if column == 2:
            return s.name
        if column == 3:
            return s.role or NOT_STATED_LABEL
        if column == 4:
            return s.country or NOT_STATED_LABEL
        return "; ".join(f"{key}: {value}" for key, value in s.extra)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _ROLE.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == _ROLE.DisplayRole:
            return HEADERS[section]
        return None
