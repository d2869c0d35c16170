"""The signatory table: the view over SignatoryModel, its header menu and its empty state."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QByteArray, QEvent, QItemSelection, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction, QFontMetrics
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
from viewer.ui.signatories.signatory_model import COLUMN_INDEX, Column, SignatoryModel

WIDTH_SAMPLE = 500  # column widths come from the first entries, never from all of a big list
MAX_WIDTH = {"name": 210, "role": 270}
MAX_EXTRA_WIDTH = 200
# Further columns shown at first: beside name, role and country a laptop's pane holds about
# two more readably; the others wait in the header's menu.
SHOWN_EXTRA_COLUMNS = 2
TableLayout = tuple[QByteArray, int]  # a header's saveState() and the pane width it was made in
MIN_LAST_WIDTH = 80  # what the stretching last column keeps when restored widths are fitted
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
        # Header layouts (widths, order, hidden) of each column set seen, by column_set_key,
        # with the width of the pane they were made in (0: not known).
        self._layouts: dict[str, TableLayout] = {}
        self._fit_below: float | None = None  # fit at the next real width, if under this
        self._natural: dict[int, int] | None = None  # measured widths, while not user-sized
        self._auto: dict[int, int] = {}  # the widths fitting gave them
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

    @property
    def columns(self) -> tuple[Column, ...]:
        """The table's columns now: #, Name, Role, Country and the document's further ones."""
        return self._model.columns

    @property
    def column_key(self) -> str:
        """The name its layout is remembered under (column_set_key of the column keys)."""
        return self._column_key

    def _index_columns(self) -> None:
        self._column_key = column_set_key(tuple(c.key for c in self.columns))
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

    def apply_default_widths(self) -> None:
        """Widths that fit the entries, measured on a bounded sample of them."""
        fm = QFontMetrics(self.font())
        sample = self.state.document.signatories[:WIDTH_SAMPLE]
        pad = 16
        header = self.horizontalHeader()
        last = self._shown_sections()[-1:]
        for i, column in enumerate(self.columns):
            if [i] == last:
                continue  # the last column stretches to the edge; a fixed width would overflow
            missing = column.missing or ""
            texts = [column.title, *(column.value(s) or missing for s in sample)]
            width = max(fm.horizontalAdvance(t) for t in texts) + pad
            if column.key == "position":
                width = fm.horizontalAdvance(str(max(len(sample), 1) * 10)) + pad
            limit = MAX_EXTRA_WIDTH if column.is_extra else MAX_WIDTH.get(column.key, width)
            header.resizeSection(i, min(width, limit))

    def _default_layout(self) -> None:
        """Columns as at first start: in their own order, "#" and the later further columns
        hidden, widths measured."""
        header = self.horizontalHeader()
        for logical in range(header.count()):
            if header.visualIndex(logical) != logical:
                header.moveSection(header.visualIndex(logical), logical)
        extra_seen = 0
        for i, column in enumerate(self.columns):
            hidden = column.key == "position"
            if column.is_extra:
                hidden = extra_seen >= SHOWN_EXTRA_COLUMNS
                extra_seen += 1
            header.setSectionHidden(i, hidden)
        self.apply_default_widths()
        self.sync_column_actions()
        header_sizes = {i: header.sectionSize(i) for i in range(header.count())}
        self._natural, self._auto, self._fit_below = header_sizes, dict(header_sizes), None
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
        _state, width = self._layouts.pop(self._column_key, (None, 0))  # most recent goes last
        if self.isVisible():
            width = self.viewport().width()
        self._layouts[self._column_key] = (self.horizontalHeader().saveState(), width)

    def _apply_layout(self) -> None:
        """The remembered layout of the shown columns, or the default one."""
        saved, width = self._layouts.get(self._column_key, (QByteArray(), 0))
        header = self.horizontalHeader()
        self._natural = None
        restored = not saved.isEmpty() and header.restoreState(saved)
        if not restored or all(header.isSectionHidden(i) for i in range(header.count())):
            self._default_layout()  # none yet, or a damaged one: it must not empty the table
            restored = False
        self.sync_column_actions()
        self._show_sort(self.state.query)
        if restored:  # widths made in a wider pane (or not known to fit) are fitted to this one
            self._fit_below = width or float("inf")
            self.fit_columns()

    def _replace_columns(self) -> None:
        """After a document with other further columns: its actions and its layout."""
        for action in self.column_actions:
            action.deleteLater()
        self.column_actions = self._make_column_actions()
        self._apply_layout()
        self.column_set_changed.emit()

    def fit_columns(self) -> None:
        """Narrow the columns, keeping their proportions, when they are wider than the pane.

        Widths restored from a wider window (or a wider pane) would push the stretching last
        column out of sight behind a horizontal scroll bar: they are fitted once, at the
        first real width. Measured default widths are fitted at every width until the user
        sizes a column, so a window that grows after its first paint gives them back.
        """
        width = self.viewport().width()
        if not self.isVisible() or width <= 0:
            return
        if self._natural is not None:
            self._fit_natural(width)
            return
        if self._fit_below is None:
            return
        below, self._fit_below = self._fit_below, None
        if width >= below:
            return  # the pane the layout was made in: as the user left it
        fixed = self._fixed_sections()
        self._fit(fixed, {i: self.horizontalHeader().sectionSize(i) for i in fixed}, width)

    def _fit_natural(self, width: int) -> None:
        header = self.horizontalHeader()
        fixed = self._fixed_sections()
        if any(header.sectionSize(i) != self._auto.get(i) for i in fixed):
            self._natural = None  # the user has sized a column: the widths are theirs now
            return
        self._fit(fixed, self._natural, width, grow_back=True)
        self._auto.update({i: header.sectionSize(i) for i in fixed})

    def _fixed_sections(self) -> list[int]:
        """The shown sections in header order, but the last (which stretches)."""
        return self._shown_sections()[:-1]

    def _shown_sections(self) -> list[int]:
        header = self.horizontalHeader()
        shown = (header.logicalIndex(v) for v in range(header.count()))
        return [i for i in shown if not header.isSectionHidden(i)]

    def _fit(self, fixed: list[int], wanted: dict[int, int], width: int, grow_back=False) -> None:
        """Size fixed sections to wanted, scaled down to leave the last one its room."""
        header = self.horizontalHeader()
        total = sum(wanted.get(i, header.sectionSize(i)) for i in fixed)
        last_width = max(MIN_LAST_WIDTH, header.defaultSectionSize())
        room = width - last_width
        if not fixed or room <= 0 or (total <= room and not grow_back):
            return
        # A stretched last section is never narrower than the size it was last given.
        header.resizeSection(self._shown_sections()[-1], last_width)
        least = header.minimumSectionSize()
        for i in fixed:
            size = wanted.get(i, header.sectionSize(i))
            header.resizeSection(i, max(least, size * min(room, total) // max(total, 1)))

    # -- columns ------------------------------------------------------------------------------

    def set_column_visible(self, section: int, visible: bool) -> None:
        """Show or hide a column; the last visible column stays."""
        header = self.horizontalHeader()
        shown = [i for i in range(header.count()) if not header.isSectionHidden(i)]
        if not visible and shown == [section]:
            self.column_actions[section].setChecked(True)
            return
        header.setSectionHidden(section, not visible)
        self.column_actions[section].setChecked(visible)
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

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.fit_columns()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._model.refresh_palette()
