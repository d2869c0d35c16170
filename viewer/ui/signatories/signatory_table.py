"""The signatory table: the view over SignatoryModel, its header menu and its empty state."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np
from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from viewer.core.formats.column_names import column_set_key
from viewer.core.model import Signatory
from viewer.core.query.engine import Query, Result, extra_sort_key
from viewer.core.query.facets import facet_for_key, in_reading_order
from viewer.ui.common.view_state import ViewState
from viewer.ui.signatories.cell_delegate import CellDelegate
from viewer.ui.signatories.column_widths import fitted_widths, wanted_for_drag
from viewer.ui.signatories.focus_frame import focus_frame_colour, paint_focus_frame
from viewer.ui.signatories.signatory_model import COLUMN_INDEX, Column, SignatoryModel

WIDTH_SAMPLE = 500  # column widths come from the first entries, never from all of a big list
# Widths a column asks for at first; where the pane has room to spare, an elided column is
# widened up to its whole entries (at most MAX_FULL_WIDTH), rather than leave the room empty.
MAX_WIDTH = {"name": 210, "role": 270}
MAX_EXTRA_WIDTH = 200
MAX_FULL_WIDTH = 600
PAD = 16  # around a cell's text
# Further columns shown at first: beside name, role and country a laptop's pane holds about
# two more readably; the others wait in the header's menu.
SHOWN_EXTRA_COLUMNS = 2
# A header's saveState(), the pane width it was made in and the keys of the columns the user
# sized by dragging (the others take their measured widths in any pane).
TableLayout = tuple[QByteArray, int, frozenset[str]]
MIN_LAST_WIDTH = 80  # the least the stretching last column is left when widths are fitted
UNSTATED_MARK = "\x00unstated"  # in a column set's name: the columns no entry states
MAX_SELECTION_RUNS = 2000  # beyond this a selection is not carried over to a new result


def next_sort(query: Query, column: str) -> tuple[str, bool]:
    """The sort a click on a column's header asks for.

    A new column sorts ascending, a second click descending, a third returns to the
    letter's own order; the "#" column itself toggles between the two source orders.
    """
    if column == "position":
        return "position", query.sort_column == "position" and not query.descending
    if query.sort_column != column:
        return column, False
    if not query.descending:
        return column, True
    return "position", False


class EmptyResultPanel(QWidget):
    """Shown over the table when nothing matches: says so and offers to clear the filter."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("emptyResult")
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # the text quotes what the user typed
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.clear_button = QPushButton("Clear filter", self)
        self.clear_button.setObjectName("clearFilterButton")
        self.clear_button.setToolTip("Show every signatory again")
        self.clear_button.setAccessibleName("Clear the filter")
        self.clear_button.setAccessibleDescription(
            "Clears the filter so that every signatory shows"
        )
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.hide()

    def show_for(self, query: Query) -> None:
        self.label.setText(empty_message(query))
        self.show()
        self.raise_()


def empty_message(query: Query) -> str:
    """ "No signatory matches 'xyz'" with what else narrows the list."""
    text = query.text.strip()
    chosen = [facet_for_key(key).many for key in in_reading_order(query.chosen)]
    if text and chosen:
        return f"No signatory matches \u201c{text}\u201d among the chosen {' and '.join(chosen)}."
    if text:
        return f"No signatory matches \u201c{text}\u201d."
    return f"No signatory matches the chosen {' and '.join(chosen)}."


class SignatoryTable(QTableView):
    """The table of signatories; sorting and clearing go back to the ViewState as queries."""

    columns_changed = Signal()
    column_set_changed = Signal()  # another document brought other columns: new actions

    def __init__(self, state: ViewState, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("signatoryTable")
        self.state = state
        self._model = SignatoryModel(
            state.document.signatories, state.result, self, extra_keys=state.extra_keys
        )
        self._model.sort_requested = state.sort_by
        self.setModel(self._model)
        self.setItemDelegate(CellDelegate(self._model, self))  # one Python call a cell
        # Header layouts (widths, order, hidden) of each column set seen, by column_set_key,
        # with the width of the pane they were made in (0: not known).
        self._layouts: dict[str, TableLayout] = {}
        # Every section's wanted width: measured, or as the user dragged it (then in _sized);
        # the pane gets them scaled down when they do not fit, see fit_columns.
        self._wanted: dict[int, int] = {}
        self._full: dict[int, int] = {}  # the width of a column's whole entries (the sample's)
        self._widths_of: object = None  # the document _widths were measured on (_entry_widths)
        self._widths_key: tuple = ()
        self._widths: list[int] = []
        self._sized: set[int] = set()
        self._fitting = False  # True while the table itself sizes sections
        # The header paints each section asking "is this whole column selected?", which
        # Qt answers by asking the model's flags() for every row: seconds for a big
        # selection. Our header never shows selection, so it gets a selection of its own.
        self.horizontalHeader().setSelectionModel(QItemSelectionModel(self._model, self))
        self._configure()
        self._index_columns()
        self.column_actions = self._make_column_actions()
        self.context_actions: list[QAction] = []  # further entries of the rows' context menu
        self.empty_panel = EmptyResultPanel(self)
        self.empty_panel.clear_button.clicked.connect(state.clear_filters)
        self._default_layout()
        state.changed.connect(self._show_result)
        state.document_changed.connect(self._show_document)
        self._show_result(state.result)

    # -- set-up -------------------------------------------------------------------------------

    def _configure(self) -> None:
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setShowGrid(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)  # Tab leaves the table, on to the chart
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setAccessibleName("Signatories")
        self.setAccessibleDescription(
            "The signatories the filter shows, one per row: name, role and country; "
            "click a column header to sort"
        )
        rows = self.verticalHeader()
        rows.hide()
        # One fixed height for every row: the view never asks a million rows for a size hint.
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(QFontMetrics(self.font()).height() + 8)
        header = self.horizontalHeader()
        header.setSectionsMovable(True)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        header.sectionClicked.connect(self._header_clicked)
        header.sectionResized.connect(self._section_resized)
        header.sectionMoved.connect(self.fit_columns)  # another column may be last now

    @property
    def columns(self) -> tuple[Column, ...]:
        """The table's columns now: #, Name, Role, Country and the document's further ones."""
        return self._model.columns

    @property
    def column_key(self) -> str:
        """The name its layout is remembered under (column_set_key of the column keys)."""
        return self._column_key

    def _index_columns(self) -> None:
        keys = tuple(c.key for c in self.columns)
        unstated = self.unstated_columns()
        # The columns no entry states are part of the set's name, so a letter without roles
        # remembers its own layout (Role hidden, or shown if the user asks) apart from others.
        self._column_key = column_set_key((*keys, UNSTATED_MARK, *unstated) if unstated else keys)
        self._sort_section = {c.sort_column: i for i, c in enumerate(self.columns)}

    def _make_column_actions(self) -> list[QAction]:
        actions = []
        for i, column in enumerate(self.columns):
            title = "&Source position (#)" if column.key == "position" else f"&{column.title}"
            action = QAction(title, self, checkable=True)
            action.setChecked(not self.horizontalHeader().isSectionHidden(i))
            action.toggled.connect(lambda on, i=i: self.set_column_visible(i, on))
            actions.append(action)
        return actions

    def unstated_columns(self) -> tuple[str, ...]:
        """Keys of the letter's own columns (role, country) that no entry states."""
        if not self.state.document.signatories:
            return ()
        categories = self.state.engine.columns.category
        return tuple(
            c.key
            for c in self.columns
            if not c.is_extra and c.key in categories and categories[c.key].labels == [None]
        )

    def _measure(self) -> None:
        """Each column's wanted and whole width, measured on a bounded sample of the entries;
        columns the user sized keep their width."""
        header = self.horizontalHeader()
        for i, (column, width) in enumerate(zip(self.columns, self._entry_widths(), strict=True)):
            limit = MAX_EXTRA_WIDTH if column.is_extra else MAX_WIDTH.get(column.key, width)
            self._full[i] = min(width, max(limit, MAX_FULL_WIDTH))
            if i not in self._sized:
                self._wanted[i] = min(width, limit)
            else:
                self._wanted.setdefault(i, header.sectionSize(i))

    def _entry_widths(self) -> list[int]:
        """Each column's width for its title and sampled entries; kept while the document,
        the columns and the font stay (the start measures once for the default layout and
        again for the restored one)."""
        doc, font = self.state.document, self.font()
        key = (tuple(c.key for c in self.columns), font.key())
        if self._widths_of is doc and self._widths_key == key:
            return self._widths
        fm = QFontMetrics(font)
        sample = doc.signatories[:WIDTH_SAMPLE]
        widths = []
        for column in self.columns:
            missing = column.missing or ""
            texts = [column.title, *(column.value(s) or missing for s in sample)]
            width = max(fm.horizontalAdvance(t) for t in texts) + PAD
            if column.key == "position":
                width = fm.horizontalAdvance(str(max(len(sample), 1) * 10)) + PAD
            widths.append(width)
        self._widths_of, self._widths_key, self._widths = doc, key, widths
        return widths

    def _default_layout(self) -> None:
        """Columns as at first start: in their own order, "#" and the later further columns
        hidden, widths measured."""
        header = self.horizontalHeader()
        for logical in range(header.count()):
            if header.visualIndex(logical) != logical:
                header.moveSection(header.visualIndex(logical), logical)
        extra_seen = 0
        unstated = self.unstated_columns()
        for i, column in enumerate(self.columns):
            hidden = column.key == "position" or column.key in unstated
            if column.is_extra:
                hidden = extra_seen >= SHOWN_EXTRA_COLUMNS
                extra_seen += 1
            with self._self_sizing():
                header.setSectionHidden(i, hidden)
        if all(header.isSectionHidden(i) for i in range(header.count())):
            with self._self_sizing():
                header.setSectionHidden(COLUMN_INDEX["name"], False)
        self._sized, self._wanted = set(), {}
        self._measure()
        self.sync_column_actions()
        self.fit_columns()

    # -- layouts per column set ---------------------------------------------------------------

    def restore_layouts(self, layouts: dict[str, TableLayout]) -> None:
        """Take the header layouts saved per column set; apply the one of the columns shown."""
        self._layouts = dict(layouts)
        self._apply_layout()

    def layouts(self) -> dict[str, TableLayout]:
        """Every column set's header layout and pane width, the one shown last (most recent)."""
        self._stash_layout()
        return dict(self._layouts)

    def _stash_layout(self) -> None:
        _old = self._layouts.pop(self._column_key, (None, 0, frozenset()))  # most recent last
        width = self.viewport().width() if self.isVisible() else _old[1]
        header = self.horizontalHeader()
        with self._self_sizing():  # the user's widths are saved as wanted, not as fitted
            sizes = {i: header.sectionSize(i) for i in self._sized}
            for i in self._sized:
                header.resizeSection(i, self._wanted.get(i, sizes[i]))
            state = header.saveState()
            for i, size in sizes.items():
                header.resizeSection(i, size)
        sized = frozenset(self.columns[i].key for i in self._sized)
        self._layouts[self._column_key] = (state, width, sized)

    def _apply_layout(self) -> None:
        """The remembered layout of the shown columns, or the default one."""
        saved, _width, sized = self._layouts.get(self._column_key, (QByteArray(), 0, frozenset()))
        header = self.horizontalHeader()
        with self._self_sizing():
            restored = not saved.isEmpty() and header.restoreState(saved)
        if not restored or all(header.isSectionHidden(i) for i in range(header.count())):
            self._default_layout()  # none yet, or a damaged one: it must not empty the table
        else:
            keys = {c.key: i for i, c in enumerate(self.columns)}
            self._sized = {keys[k] for k in sized if k in keys}
            self._wanted = {i: header.sectionSize(i) for i in self._sized}
            self._measure()
            self.fit_columns()
        self.sync_column_actions()
        self._show_sort(self.state.query)

    def _replace_columns(self) -> None:
        """After a document with other further columns: its actions and its layout."""
        for action in self.column_actions:
            action.deleteLater()
        self.column_actions = self._make_column_actions()
        self._apply_layout()
        self.column_set_changed.emit()

    def fit_columns(self) -> None:
        """Give the shown columns their wanted widths in this pane, at every size of it.

        Wanted widths that do not fit are scaled down together, keeping their proportions
        (a width the user dragged stays the same share of the row), so that the stretching
        last column stays in sight with no horizontal scroll bar. Room to spare goes first to
        measured columns that elide their entries, up to their whole width.
        """
        width = self.viewport().width()
        shown = self._shown_sections()
        if not self.isVisible() or width <= 0 or not shown:
            return
        header = self.horizontalHeader()
        least = header.minimumSectionSize()
        wanted, last_wanted = self._row_wants(shown)
        whole = {i: n for i, n in self._full.items() if i not in self._sized}
        sizes = fitted_widths(wanted, last_wanted, width, least, whole)
        with self._self_sizing():
            # A stretched last section is never narrower than the size it was last given.
            header.resizeSection(shown[-1], max(least, width - sum(sizes.values())))
            for i, size in sizes.items():
                header.resizeSection(i, size)

    def _row_wants(self, shown: list[int]) -> tuple[dict[int, int], int]:
        """The wanted widths of the shown sections but the last, and what the last asks."""
        header = self.horizontalHeader()
        wanted = {i: self._wanted.get(i, header.sectionSize(i)) for i in shown[:-1]}
        return wanted, max(MIN_LAST_WIDTH, self._full.get(shown[-1], MIN_LAST_WIDTH))

    @contextmanager
    def _self_sizing(self) -> Iterator[None]:
        """Sections sized by the table itself, not dragged by the user, within this block."""
        before, self._fitting = self._fitting, True
        try:
            yield
        finally:
            self._fitting = before

    def _section_resized(self, section: int, _old: int, new: int) -> None:
        """A width the user dragged: wanted from now on, as a share of the row when scaled."""
        if self._fitting or not self.isVisible():
            return
        shown = self._shown_sections()
        if not shown or section == shown[-1] or self.horizontalHeader().isSectionHidden(section):
            return  # the last column stretches: its width follows the others
        self._sized.add(section)
        wanted, last_wanted = self._row_wants(shown)
        width, least = self.viewport().width(), self.horizontalHeader().minimumSectionSize()
        self._wanted[section] = wanted_for_drag(section, new, wanted, last_wanted, width, least)

    def _shown_sections(self) -> list[int]:
        header = self.horizontalHeader()
        shown = (header.logicalIndex(v) for v in range(header.count()))
        return [i for i in shown if not header.isSectionHidden(i)]

    # -- columns ------------------------------------------------------------------------------

    def set_column_visible(self, section: int, visible: bool) -> None:
        """Show or hide a column; the last visible column stays."""
        header = self.horizontalHeader()
        shown = [i for i in range(header.count()) if not header.isSectionHidden(i)]
        if not visible and shown == [section]:
            self.column_actions[section].setChecked(True)
            return
        with self._self_sizing():  # Qt reports a shown section as resized: no user drag
            header.setSectionHidden(section, not visible)
        self.column_actions[section].setChecked(visible)
        self.fit_columns()
        self.columns_changed.emit()

    def visible_extra_keys(self) -> tuple[str, ...]:
        """The further columns shown, in the order the header shows them."""
        header = self.horizontalHeader()
        keys = []
        for visual in range(header.count()):
            logical = header.logicalIndex(visual)
            column = self.columns[logical]
            if column.is_extra and not header.isSectionHidden(logical):
                keys.append(extra_sort_key(column.sort_column) or "")
        return tuple(keys)

    def reset_columns(self) -> None:
        """Columns as at first start: order, visibility and widths."""
        self._default_layout()
        self._show_sort(self.state.query)

    def sync_column_actions(self) -> None:
        """Make the menu's check marks follow the header (after a restored layout)."""
        header = self.horizontalHeader()
        for i, action in enumerate(self.column_actions):
            action.blockSignals(True)
            action.setChecked(not header.isSectionHidden(i))
            action.blockSignals(False)

    def _header_menu(self, pos) -> None:
        menu = QMenu(self)
        menu.addSection("Columns")
        for action in self.column_actions:
            menu.addAction(action)
        menu.exec(self.horizontalHeader().mapToGlobal(pos))

    # -- sorting ---------------------------------------------------------------------------------

    def _header_clicked(self, section: int) -> None:
        column, descending = next_sort(self.state.query, self.columns[section].sort_column)
        self.state.sort_by(column, descending)
        self._show_sort(self.state.query)  # the header flipped its own arrow; put ours back

    def _show_sort(self, query: Query) -> None:
        order = Qt.SortOrder.DescendingOrder if query.descending else Qt.SortOrder.AscendingOrder
        section = self._sort_section.get(query.sort_column, COLUMN_INDEX["position"])
        self.horizontalHeader().setSortIndicator(section, order)

    # -- results -------------------------------------------------------------------------------

    def _show_result(self, result: Result) -> None:
        kept = self._selection_mask()
        self._model.set_result(result)
        if kept is not None:
            self._select_rows_in(kept)
        self._show_sort(result.query)
        if len(result) == 0:
            self._place_empty_panel()
            self.empty_panel.show_for(result.query)
        else:
            self.empty_panel.hide()

    def _show_document(self, document) -> None:
        """Another document: its rows, and its columns with their remembered layout."""
        self._stash_layout()
        old_key = self._column_key
        self._model.set_result(self.state.result, document.signatories, self.state.extra_keys)
        self._index_columns()
        if self._column_key != old_key:
            self._replace_columns()

    def _selection_mask(self) -> np.ndarray | None:
        """Which of the document's signatories are selected (None: nothing is)."""
        ranges = self.selectionModel().selection()
        if ranges.isEmpty():
            return None
        shown = self._model.source_rows()
        mask = np.zeros(self._model.signatory_count(), dtype=bool)
        for r in ranges:
            mask[shown[r.top() : r.bottom() + 1]] = True
        return mask

    def _select_rows_in(self, mask: np.ndarray) -> None:
        """Select again the signatories that were selected, where they are now shown.

        A sort or another filter keeps the user's selection: one vectorised lookup, then
        one selection range per run of adjacent rows. A selection scattered into very many
        runs is let go, since Qt would spend seconds merging the ranges.
        """
        rows = self._model.source_rows()
        if mask.size != self._model.signatory_count() or rows.size == 0:
            return
        display = np.flatnonzero(mask[rows])
        if display.size == 0:
            return
        breaks = np.flatnonzero(np.diff(display) != 1)
        if breaks.size >= MAX_SELECTION_RUNS:
            return
        starts = np.concatenate(([display[0]], display[breaks + 1]))
        ends = np.concatenate((display[breaks], [display[-1]]))
        last = self._model.columnCount() - 1
        selection = QItemSelection()
        for start, end in zip(starts.tolist(), ends.tolist(), strict=True):
            selection.select(self._model.index(start, 0), self._model.index(end, last))
        self.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def signatory_at(self, row: int) -> Signatory:
        return self._model.signatory(row)

    def selected_rows(self) -> np.ndarray:
        """The selected table rows, in display order, read from the selection's ranges.

        QItemSelectionModel.selectedRows() asks the model about every cell of the
        selection (seconds at 100k rows); the ranges give the same rows at once.
        """
        ranges = self.selectionModel().selection()
        if ranges.isEmpty():
            return np.empty(0, dtype=np.intp)
        # A mask, not np.unique over the ranges: milliseconds for a million rows, not a second.
        mask = np.zeros(self._model.rowCount(), dtype=bool)
        for r in ranges:
            mask[r.top() : r.bottom() + 1] = True
        return np.flatnonzero(mask)

    def selected_signatories(self) -> list[Signatory]:
        """The selected rows' signatories, in display order."""
        return [self._model.signatory(r) for r in self.selected_rows().tolist()]

    def focus_first_row(self) -> None:
        """Move the keyboard focus to the first shown row and select it."""
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        if self._model.rowCount() == 0:
            return
        first = self._model.index(0, self._first_visible_column())
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.selectionModel().setCurrentIndex(first, flags)
        self.scrollTo(first)

    def _first_visible_column(self) -> int:
        header = self.horizontalHeader()
        return header.logicalIndex(
            next(
                v
                for v in range(header.count())
                if not header.isSectionHidden(header.logicalIndex(v))
            )
        )

    # -- layout ----------------------------------------------------------------------------------

    def _place_empty_panel(self) -> None:
        self.empty_panel.setGeometry(self.viewport().geometry())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place_empty_panel()
        self.fit_columns()

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        row = self._current_row_rect()
        if row is not None:
            painter = QPainter(self.viewport())
            paint_focus_frame(painter, row, focus_frame_colour(self.palette()))
            painter.end()

    def _current_row_rect(self) -> QRect | None:
        """The current row's rectangle in the viewport while the table has the focus."""
        current = self.currentIndex()
        if not self.hasFocus() or not current.isValid():
            return None
        top = self.rowViewportPosition(current.row())
        if top < 0 and top + self.rowHeight(current.row()) <= 0:
            return None
        width = min(self.horizontalHeader().length(), self.viewport().width())
        return QRect(-self.horizontalOffset(), top, width, self.rowHeight(current.row()))

    def currentChanged(self, current, previous) -> None:
        super().currentChanged(current, previous)
        self.viewport().update()  # the frame moves with the current row

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        self.viewport().update()

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.viewport().update()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.fit_columns()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._model.refresh_palette()
        elif event.type() == QEvent.Type.FontChange and self._full:
            self._measure()  # a zoomed table measures its entries again
            self.fit_columns()
