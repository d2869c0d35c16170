"""The filter bar above the table: the text filter, the pickers and the chosen values."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from viewer.core.query.engine import Query, Result
from viewer.ui.common.view_state import ViewState
from viewer.ui.common.wording import NOT_STATED_LABEL
from viewer.ui.signatories.facet_picker import FacetPicker

MAX_CHIPS = 8  # beyond this the bar says "+N more" (the picker button lists them all)


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


class ChipsBar(QWidget):
    """The chosen countries and roles as removable chips, so a filter is never hidden."""

    def __init__(self, state: ViewState, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("filterChips")
        self.state = state
        self._shown: tuple[frozenset, frozenset] | None = None
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        state.changed.connect(self._show_result)
        self._show_result(state.result)

    def _show_result(self, result: Result) -> None:
        q = result.query
        if self._shown == (q.countries, q.roles):
            return
        self._shown = (q.countries, q.roles)
        self._clear()
        budget = MAX_CHIPS
        for facet, title in (("country", "Countries:"), ("role", "Roles:")):
            values = sorted(q.facet_values(facet), key=lambda v: (v is None, v or ""))
            if values:
                budget = self._add_group(facet, title, values, budget)
        if q.countries or q.roles:
            clear = QToolButton(self)
            clear.setText("Clear all")
            clear.setObjectName("clearChips")
            clear.setToolTip("Show every country and role again")
            clear.setAccessibleName("Clear all chosen countries and roles")
            clear.setAccessibleDescription("Removes every country and role from the filter")
            clear.clicked.connect(lambda: self._clear_facets(q))
            self._layout.addWidget(clear)
        self._layout.addStretch(1)
        self.setVisible(bool(q.countries or q.roles))

    def _add_group(self, facet: str, title: str, values: list, budget: int) -> int:
        self._layout.addWidget(QLabel(title, self))
        for value in values[:budget]:
            self._layout.addWidget(self._chip(facet, value))
        hidden = len(values) - min(len(values), budget)
        if hidden:
            self._layout.addWidget(QLabel(f"+{hidden} more", self))
        return max(budget - len(values), 0)

    def _chip(self, facet: str, value: str | None) -> QToolButton:
        label = NOT_STATED_LABEL if value is None else value
        chip = QToolButton(self)
        chip.setText(f"{label}  \u2715")
        chip.setProperty("chip", True)
        chip.setToolTip(f"Remove \u201c{label}\u201d from the filter")
        chip.setAccessibleName(f"Remove {label} from the filter")
        chip.setAccessibleDescription(f"{label} is chosen; this button takes it out of the filter")
        chip.clicked.connect(lambda: self.state.toggle(facet, value))
        return chip

    def _clear_facets(self, q: Query) -> None:
        self.state.set_query(q.with_facet("country", frozenset()).with_facet("role", frozenset()))

    def _clear(self) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
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
    """Filter field and pickers in one row, the chips below; all speak to the ViewState."""

    def __init__(self, state: ViewState, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("filterBar")
        self.state = state
        self.edit = FilterEdit(self)
        self.country_picker = FacetPicker("country", state, self)
        self.role_picker = FacetPicker("role", state, self)
        self.chips = ChipsBar(state, self)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.country_picker)
        row.addWidget(self.role_picker)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(row)
        layout.addWidget(self.chips)
        self.edit.textChanged.connect(state.set_text)
        state.changed.connect(self._show_result)
        state.document_changed.connect(self._show_document)
        self._show_document(state.document)

    def _show_document(self, document) -> None:
        self.edit.describe_fields(self.state.engine.columns.extra_keys)

    def _show_result(self, result: Result) -> None:
        # The query can change elsewhere (the empty-result button, a restored session).
        if self.edit.text() != result.query.text:
            self.edit.setText(result.query.text)
        self._order_chips()

    def _order_chips(self) -> None:
        """Tab goes from the pickers through the chips, as they sit on screen, to the table."""
        before: QWidget = self.role_picker
        for chip in self.chips.buttons():
            QWidget.setTabOrder(before, chip)
            before = chip

    def focus_filter(self) -> None:
        """Ctrl+L: focus the field with its text selected, ready to be replaced."""
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()
