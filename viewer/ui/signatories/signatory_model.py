"""The table model: a thin window onto the current Result.

rowCount is the number of rows the query shows; data() looks one row up in the document.
Nothing here walks the rows: a new Result is a model reset, and the view asks only for
the rows on screen. The table paints its cells through cell_delegate.CellDelegate, which
reads cell() once per cell instead of asking data() for seven roles.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QFont, QFontMetrics

from viewer.core.formats.column_names import extra_column_title
from viewer.core.model import Signatory
from viewer.core.query.engine import Result, extra_sort_column, extra_sort_key
from viewer.core.signatory_table import SignatoryTable
from viewer.ui.common.palette import muted_text
from viewer.ui.common.wording import NOT_STATED_LABEL

Index = QModelIndex | QPersistentModelIndex
_ROLE = Qt.ItemDataRole
# Roles as the plain ints Qt passes to data(); the only ones it answers.
_DISPLAY = int(_ROLE.DisplayRole)
_TOOLTIP = int(_ROLE.ToolTipRole)
_ALIGNMENT = int(_ROLE.TextAlignmentRole)
_FOREGROUND = int(_ROLE.ForegroundRole)
_FONT = int(_ROLE.FontRole)
_ANSWERED = frozenset({_DISPLAY, _TOOLTIP, _ALIGNMENT, _FOREGROUND, _FONT})
MAX_CACHED_ROWS = 2048  # rows whose texts data() keeps: a few pages' worth
CELL_BLOCK = 32  # rows whose texts are made together (a page shows about thirty)


@dataclass(frozen=True)
class Column:
    """One table column: its header, what it shows, the query sort it stands for.

    ``missing`` is what a cell without a value shows: "Not stated", muted and italic, for
    the letter's own fields; nothing for a further column, most of whose cells may be empty.
    """

    key: str
    title: str
    value: Callable[[Signatory], str | None]
    sort_column: str
    tooltip: str
    missing: str | None = NOT_STATED_LABEL

    @property
    def is_extra(self) -> bool:
        return extra_sort_key(self.sort_column) is not None


COLUMNS: tuple[Column, ...] = (
    Column("position", "#", lambda s: str(s.position), "position", "Place in the letter's list"),
    Column("name", "Name", lambda s: s.name, "name", "Name as written in the letter"),
    Column("role", "Role", lambda s: s.role, "role", "Role as written in the letter"),
    Column("country", "Country", lambda s: s.country, "country", "Country as written"),
)
COLUMN_INDEX = {c.key: i for i, c in enumerate(COLUMNS)}


def extra_column(key: str) -> Column:
    """The table column of a further field of the file (an "affiliation" column of a CSV)."""
    column = extra_sort_column(key)
    return Column(
        column,
        extra_column_title(key),
        lambda s: s.extra_value(key),
        column,
        f"\u201c{key}\u201d as written in the file",
        missing=None,
    )


def columns_for(extra_keys: tuple[str, ...]) -> tuple[Column, ...]:
    """#, Name, Role, Country, then one column per further field, in the file's order."""
    return COLUMNS + tuple(extra_column(k) for k in extra_keys)


def table_values(
    table: SignatoryTable, columns: tuple[Column, ...], rows: np.ndarray
) -> list[tuple[str | None, ...]]:
    """Each row's values (Column.value of its Signatory) read from the table's columns a
    column at a time, without making a Signatory per row: a filtered page's rows are
    scattered through the document, and each one made alone cost more than its paint."""
    at = rows.tolist()
    extras = dict(table.extras)
    made: list[list[str | None]] = []
    for column in columns:
        if column.key == "position":
            made.append([str(i + 1) for i in at])  # the table numbers rows as read
        elif column.key == "name":
            made.append([table.names.text(i) for i in at])
        elif column.key in ("role", "country"):
            made.append(
                _category_values(table.roles if column.key == "role" else table.countries, rows)
            )
        else:
            text = extras.get(extra_sort_key(column.sort_column) or "")
            made.append([None] * len(at) if text is None else [text.text(i) or None for i in at])
    return list(zip(*made, strict=True))


def _category_values(categories, rows: np.ndarray) -> list[str | None]:
    if categories is None:
        return [None] * rows.size
    labels = (*categories.labels, None)  # the last id is "not stated"
    return [labels[i] for i in categories.ids[rows].tolist()]


class SignatoryModel(QAbstractTableModel):
    """Rows of the current Result; columns #, Name, Role, Country and the further fields."""

    def __init__(
        self,
        signatories: tuple[Signatory, ...],
        result: Result,
        parent=None,
        extra_keys: tuple[str, ...] = (),
    ):
        super().__init__(parent)
        self._signatories = signatories
        self._rows: np.ndarray = result.rows
        self._row_count = int(self._rows.size)  # asked for many times a paint
        self._muted = muted_text()
        self.muted_brush = QBrush(self._muted)
        self._set_italic(QFont())
        self.sort_requested: Callable[[str, bool], None] | None = None
        self._cells: dict[int, tuple[tuple[str, ...], tuple[bool, ...]]] = {}
        self._set_columns(columns_for(extra_keys))

    def _set_columns(self, columns: tuple[Column, ...]) -> None:
        # data() runs hundreds of times a paint: everything it needs per column is a list
        # indexed by the column number, made here once per column set.
        self.columns = columns
        self._column_count = len(columns)
        self._cells = {}
        self._values = [c.value for c in columns]
        self._missing = [c.missing for c in columns]
        self._extra_keys = tuple(extra_sort_key(c.sort_column) or "" for c in columns if c.is_extra)
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        self.alignments = tuple(right if c.key == "position" else None for c in columns)
        self._alignment = [None if a is None else int(a) for a in self.alignments]

    @property
    def extra_keys(self) -> tuple[str, ...]:
        """The further fields shown as columns after Country."""
        return self._extra_keys

    # -- updates ----------------------------------------------------------------------------------

    def set_result(
        self,
        result: Result,
        signatories: tuple[Signatory, ...] | None = None,
        extra_keys: tuple[str, ...] | None = None,
    ) -> None:
        """Show a new Result (and, with a new document, its signatories and further
        columns): one model reset."""
        self.beginResetModel()
        if signatories is not None:
            self._signatories = signatories
        if extra_keys is not None and extra_keys != self._extra_keys:
            self._set_columns(columns_for(extra_keys))
        self._rows = result.rows
        self._row_count = int(self._rows.size)
        self._cells = {}
        self.endResetModel()

    def refresh_palette(self) -> None:
        """Recompute the muted colour after a theme change and repaint."""
        self._muted = muted_text()
        self.muted_brush = QBrush(self._muted)
        if self.rowCount():
            last = self.index(self.rowCount() - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last, [_ROLE.ForegroundRole])

    def set_font(self, font: QFont) -> None:
        """Draw "Not stated" in the italic of this font (the table's, after a zoom)."""
        self._set_italic(font)
        if self.rowCount():
            last = self.index(self.rowCount() - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last, [_ROLE.FontRole])

    def _set_italic(self, font: QFont) -> None:
        self._italic = QFont(font)
        self._italic.setItalic(True)
        self.italic_metrics = QFontMetrics(self._italic)

    @property
    def italic(self) -> QFont:
        """The font of a "Not stated" cell."""
        return self._italic

    def cell(self, row: int, column: int) -> tuple[str, bool]:
        """A cell's text as shown, and whether it stands for a value not stated (muted,
        italic)."""
        texts, missing = self.row_cells(row)
        return texts[column], missing[column]

    def row_cells(self, row: int) -> tuple[tuple[str, ...], tuple[bool, ...]]:
        """A row's texts as shown and, for each, whether it stands for a value not stated:
        what a paint needs of the row's cells (CellDelegate), in one call."""
        cells = self._cells.get(row)
        return cells if cells is not None else self._row_cells(row)

    def signatory(self, row: int) -> Signatory:
        """The signatory shown in a table row."""
        return self._signatories[int(self._rows[row])]

    def signatory_count(self) -> int:
        """All of the document's signatories, shown or not."""
        return len(self._signatories)

    def source_rows(self) -> np.ndarray:
        """Indices into the document's signatories, in display order."""
        return self._rows

    # -- Qt model interface ----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._row_count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        # Qt's own index() asks rowCount() and columnCount() first: two calls into Python for
        # every cell a view paints, where this is one.
        if 0 <= row < self._row_count and 0 <= column < self._column_count and not parent.isValid():
            return self.createIndex(row, column)
        return QModelIndex()

    def data(self, index: Index, role: int = _DISPLAY):
        # A page of the table asks about seven roles of each of its cells, several hundred
        # calls a repaint (issue 6's keystroke): roles we never answer return at once, and
        # a row's texts are worked out once and kept until the rows change.
        if role not in _ANSWERED or not index.isValid():
            return None
        if role == _TOOLTIP:
            return entry_tooltip(self.signatory(index.row()))
        if role == _ALIGNMENT:
            return self._alignment[index.column()]
        row = index.row()
        cells = self._cells.get(row)
        if cells is None:
            cells = self._row_cells(row)
        if role == _DISPLAY:
            return cells[0][index.column()]
        if cells[1][index.column()]:  # shown as "Not stated": muted, italic
            return self._muted if role == _FOREGROUND else self._italic
        return None

    def _row_cells(self, row: int) -> tuple[tuple[str, ...], tuple[bool, ...]]:
        """A row's texts as shown, and which of them stand for a value not stated; made for
        the block of rows around it at once (a page is painted a few blocks at a time)."""
        if len(self._cells) >= MAX_CACHED_ROWS:  # scrolling through a million rows
            self._cells.clear()
        first = row - row % CELL_BLOCK
        source = self._rows[first : first + CELL_BLOCK]
        if isinstance(self._signatories, SignatoryTable):
            rows_values = table_values(self._signatories, self.columns, source)
        else:
            made = (self._signatories[i] for i in source.tolist())
            rows_values = [[value(s) for value in self._values] for s in made]
        for at, values in enumerate(rows_values, start=first):
            pairs = tuple(zip(values, self._missing, strict=True))
            texts = tuple(v if v is not None else (m or "") for v, m in pairs)
            missing = tuple(v is None and m is not None for v, m in pairs)
            self._cells[at] = (texts, missing)
        return self._cells[row]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _ROLE.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == _ROLE.DisplayRole:
            return self.columns[section].title
        if role == _ROLE.ToolTipRole:
            return self.columns[section].tooltip
        return None

    # flags(): QAbstractTableModel's own (enabled, selectable, never has children) is what
    # the table needs, and answered in C++ it costs nothing per painted cell.

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting is a new query; the view state runs it and resets this model."""
        if self.sort_requested is not None and 0 <= column < len(self.columns):
            descending = order == Qt.SortOrder.DescendingOrder
            self.sort_requested(self.columns[column].sort_column, descending)


MAX_TOOLTIP_EXTRAS = 8  # further fields a row's tooltip lists; a tooltip is not a page
MAX_TOOLTIP_VALUE = 200  # characters of one further field in a tooltip


def entry_tooltip(s: Signatory) -> str:
    """The full entry as rich text, every field escaped (file text is never markup)."""
    role = html.escape(s.role) if s.role else f"<i>role {NOT_STATED_LABEL.lower()}</i>"
    country = html.escape(s.country) if s.country else f"<i>country {NOT_STATED_LABEL.lower()}</i>"
    extras = "".join(
        f"<br>{html.escape(extra_column_title(key))}: {html.escape(_clip(value))}"
        for key, value in s.extra[:MAX_TOOLTIP_EXTRAS]
    )
    return (
        f"<b>{html.escape(s.name)}</b><br>{role}<br>{country}{extras}"
        f"<br><small>No. {s.position} in the letter's list</small>"
    )


def _clip(text: str) -> str:
    return text if len(text) <= MAX_TOOLTIP_VALUE else text[: MAX_TOOLTIP_VALUE - 1] + "\u2026"
