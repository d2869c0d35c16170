"""The chart dock: signatories per country (or role) for the current filter.

A horizontal pyqtgraph bar chart (viewer.ui.chart.bar_chart), value labels through
AxisItem.setTicks, themed to the window's palette. Clicking a bar toggles its value in the
query; hovering says "Malaysia: 60 signatories (38%)".
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from viewer.core.query.engine import Result
from viewer.ui.chart.chart_data import Bar, bar_tooltip, chart_bars, chart_text, universe
from viewer.ui.common.view_state import ViewState
from viewer.ui.common.wording import NOUNS

GROUPINGS = ("country", "role")
MAX_TABLE_ROWS = 500  # the chart as a table lists every value up to this many


class ChartTable(QTreeWidget):
    """The chart as a table (value, signatories, share): Enter or Space filters like a click."""

    activated_bar = Signal(object)  # Bar

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("chartDataTable")
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
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
        self.setHeaderLabels([NOUNS[facet][0].capitalize(), "Signatories", "Share"])
        self.clear()
        total = universe(bars)
        for bar in bars:
            share = f"{bar.count / total:.0%}" if total else ""
            label = bar.label if bar.counted else f"{bar.label} (not in the filter)"
            item = QTreeWidgetItem([label, f"{bar.count:,}", share])
            item.setToolTip(0, bar_tooltip(bar, total))
            for column in (1, 2):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight)
            self.addTopLevelItem(item)
            if bar.label == keep:
                self.setCurrentItem(item)
        self.resizeColumnToContents(1)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Space and self.currentItem() is not None:
            self._activated(self.currentItem())
            return
        super().keyPressEvent(event)

    def _activated(self, item: QTreeWidgetItem) -> None:
        index = self.indexOfTopLevelItem(item)
        if 0 <= index < len(self.bars):
            self.activated_bar.emit(self.bars[index])


class PlotPlaceholder(QWidget):
    """Holds the bar chart's place until pyqtgraph is loaded, just after the first paint."""

    painted = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("chartPlot")
        self.bars: list[Bar] = []

    def rows_that_fit(self) -> int:
        return max(1, self.height() // (self.fontMetrics().height() + 5))

    def show_bars(self, bars: list[Bar]) -> None:
        self.bars = bars

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        self.painted.emit()


class ChartPanel(QWidget):
    """The dock's contents: the grouping selector above the bar chart (or its table)."""

    grouping_changed = Signal(str)
    other_clicked = Signal(str)  # facet: the "Other" bar asks for the picker

    def __init__(self, state: ViewState, parent: QWidget | None = None, defer_plot: bool = False):
        super().__init__(parent)
        self.state = state
        self.grouping = QComboBox(self)
        self.grouping.setObjectName("chartGrouping")
        self.grouping.addItem("Country", "country")
        self.grouping.addItem("Role", "role")
        self.grouping.setAccessibleName("Group the chart by")
        self.grouping.setAccessibleDescription("Count the signatories per country or per role")
        self.grouping.setToolTip("Count signatories per country or per role")
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
        # At start-up the plot (and pyqtgraph, a third of a second of imports) comes just
        # after the window's first paint; the grouping, the table and the counts are there.
        self.plot: QWidget = PlotPlaceholder(self) if defer_plot else self._new_plot()
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
        self.table_toggle.toggled.connect(self._table_toggled)
        self.table.activated_bar.connect(self._bar_clicked)
        if defer_plot:
            self.plot.painted.connect(self._build_plot_soon, Qt.ConnectionType.SingleShotConnection)
        else:
            self._connect_plot()
        state.changed.connect(self.redraw)
        QWidget.setTabOrder(self.grouping, self.table_toggle)
        QWidget.setTabOrder(self.table_toggle, self.table)
        self.redraw()

    def _new_plot(self) -> QWidget:
        from viewer.ui.chart.bar_chart import BarChart  # imports pyqtgraph

        return BarChart(self)

    def _connect_plot(self) -> None:
        self.plot.bar_clicked.connect(self._bar_clicked)
        self.plot.room_changed.connect(self.redraw)

    def _build_plot_soon(self) -> None:
        QTimer.singleShot(0, self._build_plot)  # once the whole first paint is done

    def _build_plot(self) -> None:
        placeholder, self.plot = self.plot, self._new_plot()
        self.layout().replaceWidget(placeholder, self.plot)
        placeholder.deleteLater()
        self._connect_plot()
        self.redraw()

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
        """Group by "country" or "role"."""
        self.grouping.setCurrentIndex(GROUPINGS.index(facet))

    def redraw(self, result: Result | None = None) -> None:
        result = result or self.state.result
        bars = chart_bars(result, self.facet, self.plot.rows_that_fit())
        self.plot.show_bars(bars)
        described = chart_text(chart_bars(result, self.facet, MAX_TABLE_ROWS), self.facet)
        self.plot.setAccessibleDescription(described)
        self.setAccessibleDescription(described)
        if self.as_table:
            self.table.show_bars(chart_bars(result, self.facet, MAX_TABLE_ROWS), self.facet)
        # Nothing to draw: say so rather than show an empty frame.
        self.plot.setVisible(bool(bars) and not self.as_table)
        self.table.setVisible(bool(bars) and self.as_table)
        self.nothing.setVisible(not bars)
        self.hint.setText("Enter filters by a row" if self.as_table else "Click a bar to filter")

    def _table_toggled(self, _on: bool) -> None:
        self.redraw()

    def _grouping_chosen(self) -> None:
        self.redraw()
        self.grouping_changed.emit(self.facet)

    def _bar_clicked(self, bar: Bar) -> None:
        if bar.is_other:
            self.other_clicked.emit(self.facet)
        else:
            self.state.toggle(self.facet, bar.value)


class CountryChartDock(QDockWidget):
    """The dock "Countries" (objectName ``countryChart``) holding the chart panel."""

    def __init__(self, state: ViewState, parent: QWidget | None = None, defer_plot: bool = False):
        super().__init__("Countries", parent)
        self.setObjectName("countryChart")
        self.panel = ChartPanel(state, self, defer_plot)
        self.setWidget(self.panel)
        self.panel.grouping_changed.connect(self._retitle)
        self._retitle(self.panel.facet)

    def _retitle(self, facet: str) -> None:
        title = NOUNS[facet][1].capitalize()
        self.setWindowTitle(title)
        # Qt names the View menu's entry after the title; give it a mnemonic back.
        self.toggleViewAction().setText(f"{title} &Chart")
