"""The Letters dock: the library as a list to search, sort and open from.

A click (or Enter) on a letter opens it through the window's open path (File > Open's); a
letter whose file is gone says so instead. Compare Letters... opens the Compare window with
the selected letters ticked.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from viewer.core.library.entry import LetterEntry
from viewer.ui.library.letters_model import COUNT, DATE, OPENED, TITLE, LettersModel

SORTS = (
    ("Last opened", OPENED, Qt.SortOrder.DescendingOrder),
    ("Date, newest first", DATE, Qt.SortOrder.DescendingOrder),
    ("Date, oldest first", DATE, Qt.SortOrder.AscendingOrder),
    ("Most signatories", COUNT, Qt.SortOrder.DescendingOrder),
    ("Title", TITLE, Qt.SortOrder.AscendingOrder),
)


class LettersTable(QTableView):
    """The list of letters; Enter opens the current one (a click does in the dock)."""

    enter_pressed = Signal()

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.enter_pressed.emit()
            return
        super().keyPressEvent(event)


class LettersDock(QDockWidget):
    """Lists the library; emits open_requested(entry) and compare_requested(ids)."""

    open_requested = Signal(object)  # LetterEntry
    compare_requested = Signal(list)  # entry ids, maybe empty

    def __init__(self, parent: QWidget | None = None):
        super().__init__("Letters", parent)
        self.setObjectName("lettersDock")
        self.model = LettersModel(self)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self._controls())
        layout.addWidget(self._table(), 1)
        self.compare_button = QPushButton("Compare Letters\u2026", body)
        self.compare_button.setObjectName("compareLettersButton")
        self.compare_button.setToolTip("Who signed which of the selected letters")
        self.compare_button.setAccessibleName("Compare letters")
        self.compare_button.setAccessibleDescription(
            "Opens the Compare window with the selected letters: who signed which"
        )
        self.compare_button.clicked.connect(self._compare)
        self.empty_label = QLabel("Letters you open are listed here.", body)
        self.empty_label.setObjectName("lettersEmpty")
        self.empty_label.setWordWrap(True)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.compare_button)
        self.setWidget(body)

    def _controls(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setObjectName("lettersSearch")
        self.search.setPlaceholderText("Search letters")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search the letters")
        self.search.setAccessibleDescription("Words of the title, file name or date to look for")
        self.search.textChanged.connect(self.model.set_search)
        self.sort_box = QComboBox(self)
        self.sort_box.setObjectName("lettersSort")
        self.sort_box.setAccessibleName("Sort the letters")
        self.sort_box.setAccessibleDescription("By when opened, by date or by signatories")
        for text, _column, _order in SORTS:
            self.sort_box.addItem(text)
        self.sort_box.currentIndexChanged.connect(self._sort)
        row.addWidget(self.search, 1)
        row.addWidget(self.sort_box)
        return row

    def _table(self) -> QTableView:
        table = self.table = LettersTable(self)
        table.setObjectName("lettersTable")
        table.setModel(self.model)
        table.setAccessibleName("Letters in the library")
        table.setAccessibleDescription(
            "Every letter opened; a click or Enter opens it, Ctrl+click selects letters to compare"
        )
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.hideSection(OPENED)  # the order says it; a narrow dock keeps the title
        table.clicked.connect(self._clicked)
        table.enter_pressed.connect(self._open_current)
        return table

    def show_entries(self, entries: list[LetterEntry]) -> None:
        self.model.set_entries(entries)
        self.empty_label.setVisible(not entries)
        self.compare_button.setEnabled(len(entries) >= 2)

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.entry(r).id for r in rows]

    def _sort(self, choice: int) -> None:
        _text, column, order = SORTS[choice]
        self.model.sort(column, order)

    def _clicked(self, index) -> None:
        """A plain click opens; Ctrl or Shift with it only selects (letters to compare)."""
        held = QApplication.keyboardModifiers()
        if held & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier):
            return
        self.open_requested.emit(self.model.entry(index.row()))

    def _open_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.open_requested.emit(self.model.entry(index.row()))

    def _compare(self) -> None:
        self.compare_requested.emit(self.selected_ids())
