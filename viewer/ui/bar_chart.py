"""The bar chart itself: a horizontal pyqtgraph plot of signatories per country (or role).

One BarGraphItem updated with setOpts, labels through AxisItem.setTicks, themed to the
window's palette. Clicking a bar emits it; hovering says "Malaysia: 60 signatories (38%)".
Kept apart from country_chart.py so that pyqtgraph is imported only when a plot is built:
at start-up that is just after the window's first paint (ChartPanel, defer_plot).
"""

from __future__ import annotations

import html

import numpy as np
from PySide6.QtCore import QEvent, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPalette
from PySide6.QtWidgets import QToolTip, QWidget

import pyqtgraph as pg  # after PySide6, so pyqtgraph binds to it  # isort: skip
from viewer.ui.chart_data import Bar, bar_tooltip, universe
from viewer.ui.palette import mix, muted_text

pg.setConfigOptions(antialias=True)

BAR_HEIGHT = 0.72  # of a row; the rest is the gap between bars
MAX_LABEL_PX = 200  # longer names are elided on the axis (the tooltip has them whole)


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
        font = self.font()
        for i, label in enumerate(self._labels):
            if i >= len(self.bars):
                label.hide()
                continue
            bar = self.bars[i]
            # Setting a TextItem's text, colour or font lays it out again: a typed key
            # changes a few counts, so only those labels are touched (issue 6's keystroke).
            colour = self.colours.text if bar.counted else self.colours.muted
            shown = (bar.count, colour.rgba(), font.key())
            if getattr(label, "shown", None) != shown:
                label.setText(f"{bar.count:,}")
                label.setColor(colour)
                label.setFont(font)
                label.shown = shown
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
