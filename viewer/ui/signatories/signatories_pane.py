"""The right-hand pane: the filter bar above the signatory table."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from viewer.ui.common.view_state import ViewState
from viewer.ui.signatories.filter_bar import FilterBar
from viewer.ui.signatories.signatory_table import SignatoryTable


class SignatoriesPane(QWidget):
    """Filter bar and table; Down or Enter in the filter moves to the table's first row."""

    def __init__(self, state: ViewState, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("signatoriesPane")
        self.filter_bar = FilterBar(state, self)
        self.table = SignatoryTable(state, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.setSpacing(6)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.table, 1)
        self.filter_bar.edit.move_to_results.connect(self.table.focus_first_row)
