"""The filter bar above the table: the text filter, the pickers and the chosen values."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from viewer.core.query.engine import Query, Result
from viewer.core.query.facets import BUILTINS, facet_for_key, in_reading_order
from viewer.ui.common.view_state import ViewState
from viewer.ui.common.wording import NOT_STATED_LABEL, capitalized, literal
from viewer.ui.signatories.facet_picker import FacetPicker

NO_CHOICE_HINT = "No country or role chosen: pick one above, or click a bar in the chart"
MAX_CHIPS = 8  # beyond this the bar says "+N more" (the picker button lists them all)
# Pickers in the row before the rest wait under "More filters" (a wide CSV has many facets);
# a facet with a chosen value always shows its picker.
SHOWN_PICKERS = 4


class FilterEdit(QLineEdit):
    """The text filter: Esc clears it, Down or Enter moves on to the results."""

    move_to_results = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("filterEdit")
        self.setClearButtonEnabled(True)
        self.setAccessibleName("Filter signatories")
        self.describe_fields(())

    def describe_fields(self, extra_keys: tuple[str, ...]) -> None:
        """Say what typing searches: a CSV's further columns (affiliation, ...) are searched
        too; they are named as the file's header writes them."""
        fields = "name, role or country"
        if extra_keys:
            named = ", ".join(extra_keys[:2]) + (", …" if len(extra_keys) > 2 else "")
            fields = f"name, role, country or {named}"
        self.setPlaceholderText(f"Filter by {fields}")
        self.setAccessibleDescription(
            f"Shows the signatories whose {fields} contains every word typed; "
            "Down or Enter goes to the table, Esc clears"
        )
        self.setToolTip(
            f"Shows the signatories whose {fields} contains every word typed "
            "(case and accents ignored). Ctrl+L comes here; Esc clears."
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape and self.text():
            self.clear()
            event.accept()
            return
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.move_to_results.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class HintLabel(QLabel):
    """A line of muted help that ends in "…" where its row is too narrow (the whole text in
    its tooltip); it never widens the pane."""

    def __init__(self, text: str, parent: QWidget | None = None):
        super().__init__(text, parent)
        self.setObjectName("chipsHint")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.setToolTip(text)
        self.setMinimumWidth(1)

    def shown_text(self) -> str:
        """The text as drawn at the label's width."""
        width = self.contentsRect().width()
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, width)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(self.contentsRect(), int(self.alignment()), self.shown_text())


class ChipsBar(QWidget):
    """The chosen values of every facet as removable chips, so a filter is never hidden.

    The row keeps its place and height with nothing chosen (it says how to choose): choosing
    the first value then changes the chips alone, and the table under them neither moves
    nor is laid out and painted again from the top (a country click at 10k rows: 6.0 ->
    5.0-5.4 ms, in-process, alternated).
    """

    def __init__(self, state: ViewState, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("filterChips")
        self.state = state
        self._shown: tuple | None = None
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self.hint = HintLabel(NO_CHOICE_HINT, self)
        self._layout.addWidget(self.hint)
        self.setMinimumHeight(self._chip_height())
        state.changed.connect(self._show_result)
        self._show_result(state.result)

    def _chip_height(self) -> int:
        """The height of a chip, measured on one that is never shown."""
        sample = QToolButton()  # no parent: gone with this function, never in the bar
        sample.setFont(self.font())
        sample.setText("X  \u2715")
        return sample.sizeHint().height()

    def _show_result(self, result: Result) -> None:
        q = result.query
        if self._shown == q.facets:
            return
        self._shown = q.facets
        self._clear()
        budget = MAX_CHIPS
        chosen = q.chosen
        for key in self._in_facet_order(chosen):
            values = sorted(chosen[key], key=lambda v: (v is None, v or ""))
            title = f"{capitalized(facet_for_key(key).many)}:"
            budget = self._add_group(key, title, values, budget)
        if chosen:
            self._layout.addWidget(self._clear_button(q))
        self._layout.addStretch(1)
        self.hint.setVisible(not chosen)
        for i in range(1, self._layout.count()):
            if widget := self._layout.itemAt(i).widget():
                widget.show()  # now: the bar is on screen, where Qt would show them a turn later

    def _in_facet_order(self, keys) -> list[str]:
        """Chosen facets in the pickers' order (the document's), any others after them."""
        order = {f.key: i for i, f in enumerate(self.state.facets)}
        return sorted(in_reading_order(keys), key=lambda k: order.get(k, len(order)))

    def _clear_button(self, q: Query) -> QToolButton:
        named = " and ".join(facet_for_key(k).many for k in self._in_facet_order(q.chosen))
        clear = QToolButton(self)
        clear.setText("Clear all")
        clear.setObjectName("clearChips")
        clear.setToolTip(f"Show every {named.replace(' and ', ' and every ')} again")
        clear.setAccessibleName(f"Clear all chosen {named}")
        clear.setAccessibleDescription(f"Removes every chosen {named} from the filter")
        clear.clicked.connect(lambda: self.state.set_query(q.without_facets()))
        return clear

    def _add_group(self, facet: str, title: str, values: list, budget: int) -> int:
        heading = QLabel(title, self)
        heading.setTextFormat(Qt.TextFormat.PlainText)  # a column's name, as the file writes it
        self._layout.addWidget(heading)
        for value in values[:budget]:
            self._layout.addWidget(self._chip(facet, value))
        hidden = len(values) - min(len(values), budget)
        if hidden:
            self._layout.addWidget(QLabel(f"+{hidden} more", self))
        return max(budget - len(values), 0)

    def _chip(self, facet: str, value: str | None) -> QToolButton:
        label = NOT_STATED_LABEL if value is None else value
        chip = QToolButton(self)
        chip.setText(literal(f"{label}  \u2715"))
        chip.setProperty("chip", True)
        chip.setToolTip(f"Remove \u201c{label}\u201d from the filter")
        chip.setAccessibleName(f"Remove {label} from the filter")
        chip.setAccessibleDescription(f"{label} is chosen; this button takes it out of the filter")
        chip.clicked.connect(lambda: self.state.toggle(facet, value))
        return chip

    def _clear(self) -> None:
        while self._layout.count() > 1:  # the hint, first, stays
            item = self._layout.takeAt(1)
            if widget := item.widget():
                # Hidden now: deleteLater waits for the event loop, and until then the old
                # chip would still be painted under the new one.
                widget.hide()
                widget.deleteLater()

    def buttons(self) -> list[QToolButton]:
        """The chips and the "Clear all" button, left to right."""
        items = (self._layout.itemAt(i).widget() for i in range(self._layout.count()))
        return [w for w in items if isinstance(w, QToolButton)]

    def chip_texts(self) -> list[str]:
        """The chips' captions (for tests and accessibility checks)."""
        return [
            w.text()
            for i in range(self._layout.count())
            if (w := self._layout.itemAt(i).widget()) is not None and w.property("chip")
        ]


class FilterBar(QWidget):
    """Filter field and a picker per facet in one row, the chips below; all speak to the
    ViewState. Country and role have pickers in every document; a document's further facets
    (party, affiliation, group) get theirs when it opens, the first ones in the row and the
    rest offered by a "More filters" button."""

    def __init__(self, state: ViewState, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("filterBar")
        self.state = state
        self.edit = FilterEdit(self)
        self.pickers: dict[str, FacetPicker] = {
            facet.key: FacetPicker(facet.key, state, self) for facet in BUILTINS
        }
        self.country_picker = self.pickers["country"]
        self.role_picker = self.pickers["role"]
        self.chips = ChipsBar(state, self)
        self._revealed: set[str] = set()  # facets the user took from "More filters"
        self._shown_for: tuple | None = None
        self.more = self._more_button()
        self._row = row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        for picker in self.pickers.values():
            row.addWidget(picker)
        row.addWidget(self.more)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(row)
        layout.addWidget(self.chips)
        self.edit.textChanged.connect(state.set_text)
        state.changed.connect(self._show_result)
        state.document_changed.connect(self._show_document)
        state.facets_changed.connect(self._show_pickers)  # the first status given
        self._show_document(state.document)

    def _more_button(self) -> QToolButton:
        more = QToolButton(self)
        more.setObjectName("moreFilters")
        more.setText("More filters")
        more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        more.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        more.setAccessibleName("More filters")
        more.setAccessibleDescription("Lists the letter's other columns a filter can choose from")
        more.setToolTip("Filter by another of the letter's columns")
        more.setMenu(QMenu(more))
        more.hide()
        return more

    def _show_document(self, document) -> None:
        self.edit.describe_fields(self.state.engine.columns.extra_keys)
        self._revealed.clear()
        self._show_pickers()

    def _show_pickers(self) -> None:
        """A picker for each of the document's further facets, after country and role."""
        keys = [f.key for f in self.state.facets]
        for key in [k for k in self.pickers if k not in keys and k not in self._builtin_keys]:
            picker = self.pickers.pop(key)
            picker.hide()
            picker.deleteLater()
        for key in keys:
            if key not in self.pickers:
                self.pickers[key] = picker = FacetPicker(key, self.state, self)
                self._row.insertWidget(self._row.indexOf(self.more), picker)
        self._show_which()

    def _show_which(self) -> None:
        """The first pickers, those with a choice and those asked for; "More filters" for
        the rest."""
        chosen = self.state.query.chosen
        shown_for = (tuple(self.pickers), tuple(chosen), frozenset(self._revealed))
        if shown_for == self._shown_for:
            return  # a keystroke in the filter: nothing to move
        self._shown_for = shown_for
        hidden = []
        for i, (key, picker) in enumerate(self.pickers.items()):
            shown = i < SHOWN_PICKERS or key in chosen or key in self._revealed
            picker.setVisible(shown)
            if not shown:
                hidden.append(key)
        menu = self.more.menu()
        menu.clear()
        for key in hidden:
            action = menu.addAction(f"{literal(self.state.facet(key).label)}\u2026")
            action.triggered.connect(lambda _on=False, k=key: self.open_picker(k))
        self.more.setVisible(bool(hidden))
        self._order_chips()

    def open_picker(self, key: str) -> None:
        """Show a facet's picker in the row (it may have waited under "More filters") and open
        its list."""
        picker = self.pickers.get(key)
        if picker is None:
            return
        if picker.isHidden():
            self._revealed.add(key)
            self._show_which()
            self.layout().activate()  # the picker's place in the row, for its list to open under
        picker.menu().popup(picker.mapToGlobal(QPoint(0, picker.height())))

    @property
    def _builtin_keys(self) -> tuple[str, ...]:
        return tuple(f.key for f in BUILTINS)

    def _show_result(self, result: Result) -> None:
        # The query can change elsewhere (the empty-result button, a restored session).
        if self.edit.text() != result.query.text:
            self.edit.setText(result.query.text)
        self._show_which()
        self._order_chips()

    def _order_chips(self) -> None:
        """Tab goes from the pickers through the chips, as they sit on screen, to the table."""
        controls = [*self.pickers.values(), self.more]
        for first, second in itertools.pairwise(controls):
            QWidget.setTabOrder(first, second)
        before: QWidget = self.more
        for chip in self.chips.buttons():
            QWidget.setTabOrder(before, chip)
            before = chip

    def focus_filter(self) -> None:
        """Ctrl+L: focus the field with its text selected, ready to be replaced."""
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()
