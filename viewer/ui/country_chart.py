"""The chart dock: signatories per country (or role) for the current filter.

A horizontal pyqtgraph bar chart, one BarGraphItem updated with setOpts, labels through
AxisItem.setTicks, themed to the window's palette. Clicking a bar toggles its value in the
query; hovering says "Malaysia: 60 signatories (38%)".
"""

from __future__ import annotations

import html

import numpy as np
from PySide6.QtCore import QEvent, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QToolTip,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

import pyqtgraph as pg  # after PySide6, so pyqtgraph binds to it  # isort: skip
from viewer.core.query import Result
from viewer.ui.chart_data import Bar, bar_tooltip, chart_bars, chart_text, universe
from viewer.ui.labels import NOUNS
from viewer.ui.palette import mix, muted_text
from viewer.ui.view_state import ViewState

pg.setConfigOptions(antialias=True)

BAR_HEIGHT = 0.72  # of a row; the rest is the gap between bars
MAX_LABEL_PX = 200  # longer names are elided on the axis (the tooltip has them whole)
GROUPINGS = ("country", "role")
MAX_TABLE_ROWS = 500  # the chart as a table lists every value up to this many


class ChartColours:
    """The chart's colours, all taken from the palette."""

    def __init__(self, palette: QPalette):
        role = QPalette.ColorRole
        self.background = palette.color(role.Base)
        self.text = palette.color(role.Text)
        self.muted = muted_text(palette)
        highlight = palette.color(role.Highlight)
        self.bar = mix(highlight, self.background, 0.15)
        self.bar_pen = highlight
        self.chosen = highlight
        self.chosen_pen = mix(highlight, self.text, 0.45)
        self.missing = mix(self.muted, self.background, 0.35)
        self.ghost = mix(highlight, self.background, 0.85)
        self.ghost_pen = mix(highlight, self.background, 0.45)

    def brush_and_pen(self, bar: Bar) -> tuple[QColor, QColor]:
        if not bar.counted:
            return self.ghost, self.ghost_pen
        if bar.chosen:
            return self.chosen, self.chosen_pen
        if bar.is_missing or bar.is_other:
            return self.missing, self.muted
        return self.bar, self.bar_pen


class BarChart(pg.PlotWidget):
    """The plot: bars, their labels and counts; emits the bar a user clicks."""

    bar_clicked = Signal(object)  # Bar
    room_changed = Signal()  # the number of bars that fit has changed

    def __init__(self, parent: QWidget | None = None):
        self._ready = False  # the base class sends change events before we are built
        super().__init__(parent)
        self.setObjectName("chartPlot")
        self.bars: list[Bar] = []
        self._labels: list[pg.TextItem] = []
        self._room = 0
        self._configure()
        self.item = pg.BarGraphItem(x0=[], y=[], height=BAR_HEIGHT, width=[])
        self.getPlotItem().addItem(self.item)
        self.scene().sigMouseMoved.connect(self._hovered)
        self.scene().sigMouseClicked.connect(self._clicked)
        # The view box learns its new size after the widget's resize event: fit then.
        self.getPlotItem().getViewBox().sigResized.connect(self._view_resized)
        self._ready = True
        self.apply_palette()

    def _configure(self) -> None:
        plot = self.getPlotItem()
        plot.hideButtons()
        plot.setMenuEnabled(False)
        plot.hideAxis("bottom")
        plot.getViewBox().setMouseEnabled(False, False)
        plot.getViewBox().invertY(True)
        plot.getViewBox().enableAutoRange(enable=False)
        plot.getAxis("left").setStyle(tickLength=0, autoExpandTextSpace=True)
        plot.setContentsMargins(4, 4, 8, 4)
        self.setMouseTracking(True)
        self.setAccessibleName("Chart of signatories")
        # Keyboard and screen-reader users get the same numbers from the table view
        # (the dock's "Table" button) and from this widget's description.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    # -- drawing --------------------------------------------------------------------------------

    def show_bars(self, bars: list[Bar]) -> None:
        """Draw these bars, top to bottom, each with its count."""
        self.bars = bars
        n = len(bars)
        colours = [self.colours.brush_and_pen(b) for b in bars]
        self.item.setOpts(
            x0=np.zeros(n),
            y=np.arange(n, dtype=float),
            width=np.array([b.count for b in bars], dtype=float),
            height=BAR_HEIGHT,
            # pyqtgraph 0.14 fails on empty pens/brushes lists: no bars, no lists.
            brushes=[pg.mkBrush(c[0]) for c in colours] if n else None,
            pens=[
                pg.mkPen(c[1], width=1.5 if b.chosen else 1)
                for b, c in zip(bars, colours, strict=True)
            ]
            if n
            else None,
            pen=pg.mkPen(self.colours.bar_pen),
            brush=pg.mkBrush(self.colours.bar),
        )
        fm = QFontMetrics(self.font())
        ticks = [
            (i, fm.elidedText(b.label, Qt.TextElideMode.ElideRight, MAX_LABEL_PX))
            for i, b in enumerate(bars)
        ]
        self.getPlotItem().getAxis("left").setTicks([ticks, []])
        self._show_counts()
        self._fit_range()

    def _show_counts(self) -> None:
        while len(self._labels) < len(self.bars):
            label = pg.TextItem(anchor=(0, 0.5))
            self.getPlotItem().addItem(label, ignoreBounds=True)
            self._labels.append(label)
        for i, label in enumerate(self._labels):
            if i >= len(self.bars):
                label.hide()
                continue
            bar = self.bars[i]
            label.setText(f"{bar.count:,}")
            label.setColor(self.colours.text if bar.counted else self.colours.muted)
            label.setFont(self.font())
            label.setPos(bar.count, i)
            label.show()

    def _fit_range(self) -> None:
        """Room for the longest bar and its count label; one row per bar."""
        most = max((b.count for b in self.bars), default=0) or 1
        width_px = max(self.getPlotItem().getViewBox().width(), 50.0)
        label_px = QFontMetrics(self.font()).horizontalAdvance(f"  {most:,}") + 6
        x_max = most * width_px / max(width_px - label_px, 10.0)
        # Rows are at most two text lines high: a short list sits at the top, not as fat bars.
        line = QFontMetrics(self.font()).height()
        rows = max(len(self.bars), (self.viewport().height() - 12) / (2 * line), 1)
        self.getPlotItem().getViewBox().setRange(
            xRange=(0, x_max), yRange=(-0.5, rows - 0.5), padding=0
        )

    def apply_palette(self) -> None:
        """Colours from the current palette (light or dark), text in the widget's font."""
        self.colours = ChartColours(self.palette())
        self.setBackground(self.colours.background)
        axis = self.getPlotItem().getAxis("left")
        axis.setPen(pg.mkPen(self.colours.muted))
        axis.setTextPen(pg.mkPen(self.colours.text))
        axis.setTickFont(self.font())
        if self.bars:
            self.show_bars(self.bars)

    def rows_that_fit(self) -> int:
        """How many bars fit with their labels readable (one text line each, no overlap)."""
        row_px = QFontMetrics(self.font()).height() + 5
        return max(int((self.viewport().height() - 12) // row_px), 3)

    # -- mouse ------------------------------------------------------------------------------

    def bar_at(self, scene_pos: QPointF) -> int | None:
        """The index of the bar on the row under a scene position (label area included)."""
        plot = self.getPlotItem()
        if not plot.sceneBoundingRect().contains(scene_pos) or not self.bars:
            return None
        y = plot.getViewBox().mapSceneToView(scene_pos).y()
        index = round(y)
        return index if 0 <= index < len(self.bars) and abs(y - index) <= 0.5 else None

    def bar_centre(self, index: int) -> QPointF:
        """The scene position of the middle of a bar (where a click on it lands)."""
        bar = self.bars[index]
        view = self.getPlotItem().getViewBox()
        return view.mapViewToScene(QPointF(max(bar.count, 0.5) / 2, index))

    def _hovered(self, scene_pos: QPointF) -> None:
        index = self.bar_at(scene_pos)
        if index is None:
            QToolTip.hideText()
            return
        text = bar_tooltip(self.bars[index], universe(self.bars))
        rich = "<p style='white-space:pre'>" + html.escape(text).replace("\n", "<br>") + "</p>"
        global_pos = self.mapToGlobal(self.mapFromScene(scene_pos))
        QToolTip.showText(global_pos, rich, self)

    def _clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        index = self.bar_at(event.scenePos())
        if index is not None:
            event.accept()
            self.bar_clicked.emit(self.bars[index])

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if not self._ready:
            return
        room = self.rows_that_fit()
        if room != self._room:
            self._room = room
            self.room_changed.emit()

    def _view_resized(self) -> None:
        if self.bars:
            self._fit_range()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if self._ready and event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self.apply_palette()


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


class ChartPanel(QWidget):
    """The dock's contents: the grouping selector above the bar chart (or its table)."""

    grouping_changed = Signal(str)
    other_clicked = Signal(str)  # facet: the "Other" bar asks for the picker

    def __init__(self, state: ViewState, parent: QWidget | None = None):
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
        self.plot = BarChart(self)
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
        self.plot.bar_clicked.connect(self._bar_clicked)
        self.table.activated_bar.connect(self._bar_clicked)
        self.plot.room_changed.connect(self.redraw)
        state.changed.connect(self.redraw)
        QWidget.setTabOrder(self.grouping, self.table_toggle)
        QWidget.setTabOrder(self.table_toggle, self.table)
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

    def __init__(self, state: ViewState, parent: QWidget | None = None):
        super().__init__("Countries", parent)
        self.setObjectName("countryChart")
        self.panel = ChartPanel(state, self)
        self.setWidget(self.panel)
        self.panel.grouping_changed.connect(self._retitle)
        self._retitle(self.panel.facet)

    def _retitle(self, facet: str) -> None:
        title = NOUNS[facet][1].capitalize()
        self.setWindowTitle(title)
        # Qt names the View menu's entry after the title; give it a mnemonic back.
        self.toggleViewAction().setText(f"{title} &Chart")
