"""Facet pickers (country, role, party ...): a button opening a checkable list with counts."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QEvent, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QListView, QMenu, QPushButton, QWidget, QWidgetAction

from viewer.core.query.engine import FacetCount, Query, Result
from viewer.core.query.facets import facet_for_key
from viewer.ui.common.palette import muted_text
from viewer.ui.common.view_state import ViewState
from viewer.ui.common.wording import NOT_STATED_LABEL, capitalized, literal

Index = QModelIndex | QPersistentModelIndex
_ROLE = Qt.ItemDataRole
VISIBLE_ROWS = 16
MAX_CAPTION = 22  # characters of a chosen value shown on the button


def picker_entries(
    counts: tuple[FacetCount, ...], chosen: frozenset[str | None]
) -> list[tuple[str | None, int]]:
    """(value, count) rows for a picker: most first, chosen ones kept at 0, not stated last."""
    entries = [(c.value, c.count) for c in counts if c.value is not None]
    present = {c.value for c in counts}
    entries += [(v, 0) for v in sorted(v for v in chosen if v is not None and v not in present)]
    stated_missing = sum(c.count for c in counts if c.value is None)
    if stated_missing or None in chosen:
        entries.append((None, stated_missing))
    return entries


class FacetListModel(QAbstractListModel):
    """Row 0 is "All"; then one row per value with its count, checked when chosen."""

    def __init__(self, facet: str, parent=None):
        super().__init__(parent)
        self.facet = facet
        self._entries: list[tuple[str | None, int]] = []
        self._chosen: frozenset[str | None] = frozenset()
        self._total = 0
        self._muted = muted_text()
        self._italic = QFont()
        self._italic.setItalic(True)

    def set_counts(self, counts: tuple[FacetCount, ...], chosen: frozenset[str | None]) -> None:
        """Show new counts; only check marks change if the rows are the same."""
        entries = picker_entries(counts, chosen)
        total = sum(c.count for c in counts)
        if entries == self._entries and total == self._total:
            self._chosen = chosen
            if self.rowCount():
                self.dataChanged.emit(
                    self.index(0), self.index(self.rowCount() - 1), [_ROLE.CheckStateRole]
                )
            return
        self.beginResetModel()
        self._entries, self._chosen, self._total = entries, chosen, total
        self.endResetModel()

    def refresh_palette(self) -> None:
        """Recompute the muted "not stated" colour after a theme change."""
        self._muted = muted_text()

    def value_at(self, row: int) -> tuple[bool, str | None]:
        """(is_all, value) of a row."""
        if row == 0:
            return True, None
        return False, self._entries[row - 1][0]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries) + 1

    def data(self, index: Index, role: int = _ROLE.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        row = index.row()
        value, count = (None, self._total) if row == 0 else self._entries[row - 1]
        if role == _ROLE.DisplayRole:
            return f"{self._label(row, value)} ({count:,})"
        if role == _ROLE.CheckStateRole:
            on = not self._chosen if row == 0 else value in self._chosen
            return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        if row and value is None and role == _ROLE.ForegroundRole:
            return self._muted
        if row and value is None and role == _ROLE.FontRole:
            return self._italic
        if role == _ROLE.ToolTipRole:
            return self._tooltip(row, value, count)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def _label(self, row: int, value: str | None) -> str:
        if row == 0:
            return f"All {facet_for_key(self.facet).many}"
        return NOT_STATED_LABEL if value is None else value

    def _tooltip(self, row: int, value: str | None, count: int) -> str:
        people = "signatory" if count == 1 else "signatories"
        if row == 0:
            return f"Show every {facet_for_key(self.facet).one} ({count:,} {people})"
        return f"{self._label(row, value)}: {count:,} {people}"


class FacetPicker(QPushButton):
    """A button naming what is chosen; its menu is a checkable list of values with counts."""

    def __init__(self, facet: str, state: ViewState, parent: QWidget | None = None):
        super().__init__(parent)
        self.facet = facet
        self.state = state
        self.setObjectName(f"{facet}Filter")  # "countryFilter", "extra:partyFilter"
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(f"Filter by {facet_for_key(facet).one}")
        self.setAccessibleDescription(
            f"Opens a list of the {facet_for_key(facet).many} with their counts; "
            "Space or Enter chooses one, Esc closes the list"
        )
        self.model = FacetListModel(facet, self)
        self.list_view = self._make_list()
        menu = QMenu(self)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.list_view)
        menu.addAction(action)
        menu.aboutToShow.connect(self._fit_list)
        self.setMenu(menu)
        state.changed.connect(self._show_result)
        self._show_result(state.result)

    def _make_list(self) -> QListView:
        view = QListView()
        view.setObjectName(f"{self.facet}PickerList")
        view.setModel(self.model)
        view.setUniformItemSizes(True)
        view.setAccessibleName(f"Choose {facet_for_key(self.facet).many}")
        view.setAccessibleDescription(
            f"Every {facet_for_key(self.facet).one} with its number of signatories; "
            "Space or Enter adds it to the filter or takes it out"
        )
        view.clicked.connect(lambda index: self.toggle_row(index.row()))
        view.installEventFilter(self)
        return view

    def toggle_row(self, row: int) -> None:
        """What a click on a row does: "All" clears the filter, a value toggles."""
        is_all, value = self.model.value_at(row)
        if is_all:
            self.state.set_facet(self.facet, frozenset())
        else:
            self.state.toggle(self.facet, value)

    def eventFilter(self, watched, event) -> bool:
        # Space or Enter on a row toggles it, as a click does; the menu stays open.
        if (
            watched is self.list_view
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            current = self.list_view.currentIndex()
            if current.isValid():
                self.toggle_row(current.row())
            return True
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.model.refresh_palette()

    def _fill_list(self) -> None:
        result = self.state.result
        self.model.set_counts(
            result.facet_counts[self.facet], result.query.facet_values(self.facet)
        )

    def _fit_list(self) -> None:
        self._fill_list()
        rows = min(self.model.rowCount(), VISIBLE_ROWS)
        height = max(self.list_view.sizeHintForRow(0), 1) * rows + 2 * self.list_view.frameWidth()
        width = max(self.list_view.sizeHintForColumn(0) + 40, self.width(), 220)
        self.list_view.setFixedSize(width, height + 4)
        if not self.list_view.currentIndex().isValid():
            self.list_view.setCurrentIndex(self.model.index(0))
        self.list_view.setFocus()

    def _show_result(self, result: Result) -> None:
        # The list is filled when it is seen: typing never rebuilds a hidden list.
        if self.menu().isVisible():
            self._fill_list()
        self.setText(literal(picker_text(self.facet, result.query)))
        self.setToolTip(f"Choose which {facet_for_key(self.facet).many} to show")


def picker_text(facet: str, query: Query) -> str:
    """The button's caption: "Country: all", "Country: Germany", "Countries: 2 chosen"."""
    shown = facet_for_key(facet)
    chosen = query.facet_values(facet)
    if not chosen:
        return f"{shown.label}: all"
    if len(chosen) == 1:
        (value,) = chosen
        label = NOT_STATED_LABEL.lower() if value is None else value
        if len(label) > MAX_CAPTION:
            label = label[: MAX_CAPTION - 1].rstrip() + "\u2026"
        return f"{shown.label}: {label}"
    return f"{capitalized(shown.many)}: {len(chosen)} chosen"
