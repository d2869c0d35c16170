"""The chart dock: signatories per value of a facet (country, role, party ...) for the filter.

A horizontal pyqtgraph bar chart (viewer.ui.chart.bar_chart), value labels through
AxisItem.setTicks, themed to the window's palette. Clicking a bar toggles its value in the
query; hovering says "Malaysia: 60 signatories (38.0%)".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from viewer.core.query.engine import Result
from viewer.core.query.facets import chart_grouping, facet_for_key
from viewer.ui.chart.chart_data import (
    Bar,
    bar_tooltip,
    chart_bars,
    chart_text,
    share_text,
    universe,
)
from viewer.ui.common.view_state import ViewState
from viewer.ui.common.wording import capitalized

if TYPE_CHECKING:  # pyqtgraph loads with the first plot built
    from viewer.ui.chart.bar_chart import BarChart

MAX_TABLE_ROWS = 500  # the chart as a table lists every value up to this many


class WrappingDelegate(QStyledItemDelegate):
    """Row heights for text wrapped at the column's width (a tree view measures unwrapped)."""

    def __init__(self, view: QTreeWidget):
        super().__init__(view)
        self.view = view

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:
        wrapped = QStyleOptionViewItem(option)
        self.initStyleOption(wrapped, index)
        wrapped.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        # The style wraps only within a valid rectangle: the column's width, any height.
        wrapped.rect = QRect(0, 0, self.view.columnWidth(index.column()), 1 << 16)
        kind = QStyle.ContentsType.CT_ItemViewItem
        return self.view.style().sizeFromContents(kind, wrapped, QSize(), self.view)


class ChartTable(QTreeWidget):
    """The chart as a table (value, signatories, share): Enter or Space filters like a click."""

    activated_bar = Signal(object)  # Bar

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("chartDataTable")
        self.setRootIsDecorated(False)
        # Whole names: long ones wrap onto more lines rather than end in "...".
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setColumnCount(3)  # value, signatories, share: the modes below need the columns
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.setItemDelegate(WrappingDelegate(self))
        header.sectionResized.connect(self.scheduleDelayedItemsLayout)  # heights follow widths
        self.setAccessibleName("Chart as a table")
        self.setAccessibleDescription(
            "One row per bar of the chart with its count and share; "
            "Enter or Space filters by that row, as a click on the bar does"
        )
        self.bars: list[Bar] = []
        self.itemActivated.connect(self._activated)

    def show_bars(self, bars: list[Bar], facet: str) -> None:
        """One row per bar; the current row stays on the same value where it can."""
        current = self.currentItem()
        keep = self.bars[self.indexOfTopLevelItem(current)].label if current else None
        self.bars = bars
        self.setHeaderLabels([facet_for_key(facet).label, "Signatories", "Share"])
        self.clear()
        total = universe(bars)
        for bar in bars:
            share = share_text(bar.count, total)
            label = bar.label if bar.counted else f"{bar.label} (not in the filter)"
            item = QTreeWidgetItem([label, f"{bar.count:,}", share])
            item.setToolTip(0, bar_tooltip(bar, total))
            for column in (1, 2):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight)
            self.addTopLevelItem(item)
            if bar.label == keep:
                self.setCurrentItem(item)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Space and self.currentItem() is not None:
            self._activated(self.currentItem())
            return
        super().keyPressEvent(event)

    def _activated(self, item: QTreeWidgetItem) -> None:
        index = self.indexOfTopLevelItem(item)
        if 0 <= index < len(self.bars):
            self.activated_bar.emit(self.bars[index])


class ChartPanel(QWidget):
    """The dock's contents: the grouping selector above the bar chart (or its table)."""

    grouping_changed = Signal(str)  # facet key
    facets_changed = Signal()  # another document: other facets to group by
    other_clicked = Signal(str)  # facet: the "Other" bar asks for the picker

    def __init__(self, state: ViewState, parent: QWidget | None = None):
        super().__init__(parent)
        self.state = state
        self.wanted = "country"  # the grouping the user chose last (kept across documents)
        self._choosing = False  # True while the grouping follows a document, not the user
        self.grouping = QComboBox(self)
        self.grouping.setObjectName("chartGrouping")
        self.grouping.setAccessibleName("Group the chart by")
        self.grouping.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._fill_grouping()
        self.table_toggle = QToolButton(self)
        self.table_toggle.setObjectName("chartTableToggle")
        self.table_toggle.setText("&Table")
        self.table_toggle.setCheckable(True)
        self.table_toggle.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.table_toggle.setToolTip("Show the chart's numbers as a table (for reading aloud)")
        self.table_toggle.setAccessibleName("Show the chart as a table")
        self.table_toggle.setAccessibleDescription(
            "Switches between the bar chart and a table of the same numbers"
        )
        # The plot is part of the window's first frame (pyqtgraph imported with it).
        self.plot = self._new_plot()
        self.table = ChartTable(self)
        self.table.hide()
        self.nothing = QLabel("No signatories to count", self)
        self.nothing.setObjectName("chartEmpty")
        self.nothing.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.nothing.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.nothing.hide()
        self.hint = QLabel("Click a bar to filter", self)
        self.hint.setObjectName("chartHint")
        self.hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._lay_out()
        self.grouping.currentIndexChanged.connect(self._grouping_chosen)
        state.document_changed.connect(self._show_document)
        state.facets_changed.connect(self._show_facets)
        self.table_toggle.toggled.connect(self._table_toggled)
        self.table.activated_bar.connect(self._bar_clicked)
        self.plot.bar_clicked.connect(self._bar_clicked)
        self.plot.room_changed.connect(self.redraw)
        state.changed.connect(self.redraw)
        QWidget.setTabOrder(self.grouping, self.table_toggle)
        QWidget.setTabOrder(self.table_toggle, self.table)
        self.redraw()

    def _new_plot(self) -> BarChart:
        from viewer.ui.chart.bar_chart import BarChart  # imports pyqtgraph

        return BarChart(self)

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.setContentsMargins(6, 4, 6, 0)
        label = QLabel("&Group by:", self)
        label.setBuddy(self.grouping)
        top.addWidget(label)
        top.addWidget(self.grouping)
        top.addStretch(1)
        top.addWidget(self.hint)
        top.addWidget(self.table_toggle)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.nothing, 1)

    @property
    def facet(self) -> str:
        return self.grouping.currentData()

    @property
    def as_table(self) -> bool:
        return self.table_toggle.isChecked()

    def set_grouping(self, facet: str) -> None:
        """Group by a facet (its key), as the user asks: "country", "extra:party".

        A facet the document lacks (a grouping restored from another document) is kept as the
        wish for the next document that has it; this one shows its own best grouping.
        """
        index = self.grouping.findData(facet)
        self.wanted = facet
        if index < 0:
            self._show_best_grouping()
        else:
            self.grouping.setCurrentIndex(index)

    def restore_grouping(self, facet: str) -> None:
        """The grouping saved last time as the wish; shown if it suits this document."""
        self.wanted = facet
        self._show_best_grouping()

    def _show_best_grouping(self) -> None:
        self._choosing = True
        try:
            self.grouping.setCurrentIndex(max(self.grouping.findData(self._best_grouping()), 0))
        finally:
            self._choosing = False

    def _best_grouping(self) -> str:
        columns = self.state.engine.columns
        return chart_grouping(self.state.facets, columns.groupable(), self.wanted)

    def _fill_grouping(self) -> None:
        """One entry per facet of the document: Country, Role, then Party, Group ..."""
        blocked = self.grouping.blockSignals(True)
        self.grouping.clear()
        for facet in self.state.facets:
            self.grouping.addItem(facet.label, facet.key)
        nouns = [f.one for f in self.state.facets]
        said = ", ".join(nouns[:-1]) + f" or per {nouns[-1]}"
        self.grouping.setAccessibleDescription(f"Count the signatories per {said}")
        self.grouping.setToolTip(f"Count signatories per {said}")
        self.grouping.blockSignals(blocked)

    def _show_document(self, _document) -> None:
        """Another document: its facets to group by, and the grouping that suits it."""
        before = self.facet
        self._fill_grouping()  # the signals blocked: the combo is at its first entry
        self.facets_changed.emit()
        self._show_best_grouping()
        if self.facet != before and self.grouping.currentIndex() == 0:
            self.grouping_changed.emit(self.facet)  # the index did not move: say so anyway

    def _show_facets(self) -> None:
        """A facet joined the document's (the user's Status): offered, the grouping kept."""
        before = self.facet
        self._fill_grouping()
        self.facets_changed.emit()
        self._choosing = True
        try:
            self.grouping.setCurrentIndex(max(self.grouping.findData(before), 0))
        finally:
            self._choosing = False

    def redraw(self, result: Result | None = None) -> None:
        result = result or self.state.result
        listed = chart_bars(result, self.facet, MAX_TABLE_ROWS)  # the description, the table
        fit = self.plot.rows_that_fit()
        # Values that all fit, none folded, come out the same at either length: made once.
        whole = len(listed) <= fit and not (listed and listed[-1].is_other)
        bars = listed if whole else chart_bars(result, self.facet, fit)
        self.plot.show_bars(bars)
        described = chart_text(listed, self.facet)
        self.plot.setAccessibleDescription(described)
        self.setAccessibleDescription(described)
        if self.as_table:
            self.table.show_bars(listed, self.facet)
        # Nothing to draw: say so rather than show an empty frame.
        self.plot.setVisible(bool(bars) and not self.as_table)
        self.table.setVisible(bool(bars) and self.as_table)
        self.nothing.setVisible(not bars)
        self.hint.setText("Enter filters by a row" if self.as_table else "Click a bar to filter")

    def _table_toggled(self, _on: bool) -> None:
        self.redraw()

    def _grouping_chosen(self) -> None:
        if not self._choosing:
            self.wanted = self.facet  # the user's choice (the combo, a shortcut)
        self.redraw()
        self.grouping_changed.emit(self.facet)

    def _bar_clicked(self, bar: Bar) -> None:
        if bar.is_other:
            self.other_clicked.emit(self.facet)
        else:
            self.state.toggle(self.facet, bar.value)


class CountryChartDock(QDockWidget):
    """The dock "Countries" (objectName ``countryChart``) holding the chart panel."""

    def __init__(self, state: ViewState, parent: QWidget | None = None):
        super().__init__("Countries", parent)
        self.setObjectName("countryChart")
        self.panel = ChartPanel(state, self)
        self.setWidget(self.panel)
        self.panel.grouping_changed.connect(self._retitle)
        self._retitle(self.panel.facet)

    def _retitle(self, facet: str) -> None:
        title = capitalized(facet_for_key(facet).many)
        self.setWindowTitle(title)
        # Qt names the View menu's entry after the title; give it a mnemonic back.
        self.toggleViewAction().setText(f"{title} &Chart")
