"""The bar chart itself: a horizontal pyqtgraph plot of signatories per country (or role).

One BarsItem draws the bars, their names and counts in one paint, themed to the
window's palette. Clicking a bar emits it; hovering says "Malaysia: 60 signatories (38.0%)".
Kept apart from chart_dock.py so that pyqtgraph is imported only when a plot is built.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPalette
from PySide6.QtWidgets import QToolTip, QWidget

import pyqtgraph as pg  # after PySide6, so pyqtgraph binds to it  # isort: skip
from viewer.ui.chart.bar_item import NAME_GAP_PX, BarRows, BarsItem, BarStyle, bar_style
from viewer.ui.chart.chart_data import Bar, bar_tooltip, universe
from viewer.ui.common.palette import mix, muted_text

pg.setConfigOptions(antialias=True)

BAR_HEIGHT = 0.72  # of a row; the rest is the gap between bars
MAX_LABEL_PX = 200  # longer names are elided (the tooltip has them whole)
# A bar's tooltip stays while the pointer rests on the bar (Qt's own default hides it after
# about ten seconds) and goes as the pointer leaves the bar's row.
TIP_MS = 10 * 60 * 1000


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
        # No context menu: the view box would build pyqtgraph's (zoom, axes) for nothing.
        super().__init__(parent, enableMenu=False)
        self.setObjectName("chartPlot")
        self.bars: list[Bar] = []
        self._styles: dict[tuple[bool, bool, bool], BarStyle] = {}
        self._fitted: tuple[float, float, float] | None = None
        self._name_cache: dict[str, tuple[str, int]] = {}
        self._names_px = 0
        self._room = 0
        self._tip: str | None = None  # the tooltip this chart shows now
        self._shown_in: tuple | None = None  # the font and colour the bars were drawn in
        self._configure()
        self.item = BarsItem(BAR_HEIGHT)
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
        plot.hideAxis("left")  # the bars' item draws their names (see bar_item.py)
        for name in ("left", "bottom", "top", "right"):
            # Hidden axes would still follow every range change (a label laid out as HTML).
            plot.getAxis(name).unlinkFromView()
        plot.getViewBox().setMouseEnabled(False, False)
        plot.getViewBox().invertY(True)
        plot.getViewBox().enableAutoRange(enable=False)
        plot.setContentsMargins(4, 4, 8, 4)
        self.setMouseTracking(True)
        self.setAccessibleName("Chart of signatories")
        # Keyboard and screen-reader users get the same numbers from the table view
        # (the dock's "Table" button) and from this widget's description.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    # -- drawing --------------------------------------------------------------------------------

    def show_bars(self, bars: list[Bar]) -> None:
        """Draw these bars, top to bottom, each with its name and count."""
        if bars == self.bars and self._shown_in == (self.font(), self.colours.text):
            return  # a key that changed no count: nothing to lay out or repaint
        self.bars = bars
        self._shown_in = (self.font(), self.colours.text)
        names = [self._name(b.label) for b in bars]
        rows = BarRows(
            tuple(b.count for b in bars),
            tuple(name for name, _ in names),
            tuple(self._style(b) for b in bars),
        )
        self.item.set_rows(rows, self.font(), self.colours.text)
        self._names_px = max((px for _, px in names), default=0)
        self._fit_range()

    def _name(self, label: str) -> tuple[str, int]:
        """A bar's name as drawn (elided to MAX_LABEL_PX) and its width: measured once per
        font, as the same names come back with every key typed."""
        known = self._name_cache.get(label)
        if known is None:
            fm = QFontMetrics(self.font())
            name = fm.elidedText(label, Qt.TextElideMode.ElideRight, MAX_LABEL_PX)
            known = self._name_cache[label] = (name, fm.horizontalAdvance(name))
        return known

    def _style(self, bar: Bar) -> BarStyle:
        key = (bar.counted, bar.chosen, bar.is_missing or bar.is_other)
        style = self._styles.get(key)
        if style is None:
            fill, outline = self.colours.brush_and_pen(bar)
            text = self.colours.text if bar.counted else self.colours.muted
            style = bar_style(fill, outline, text, 1.5 if bar.chosen else 1.0)
            self._styles[key] = style
        return style

    def count_label_rects(self) -> list[QRectF]:
        """Where the counts are drawn, in scene coordinates."""
        return self.item.count_rects()

    def name_label_rects(self) -> list[QRectF]:
        """Where the bars' names are drawn, in scene coordinates."""
        return self.item.name_rects()

    def _fit_range(self) -> None:
        """Names left of the bars, the longest bar and its count right; one row per bar."""
        fm = QFontMetrics(self.font())
        most = max((b.count for b in self.bars), default=0) or 1
        width_px = max(self.getPlotItem().getViewBox().width(), 50.0)
        names_px = self._names_px + NAME_GAP_PX + 4
        count_px = fm.horizontalAdvance(f"  {most:,}") + 6
        per_px = most / max(width_px - names_px - count_px, 10.0)  # counts per pixel
        x_min, x_max = -names_px * per_px, most + count_px * per_px
        # Rows are at most two text lines high: a short list sits at the top, not as fat bars.
        rows = max(len(self.bars), (self.viewport().height() - 12) / (2 * fm.height()), 1)
        self.item.set_extent(x_min, x_max, rows)
        fitted = (x_min, x_max, rows)
        if fitted != self._fitted:  # an unchanged range would still relayout the view box
            self._fitted = fitted
            self.getPlotItem().getViewBox().setRange(
                xRange=(x_min, x_max), yRange=(-0.5, rows - 0.5), padding=0
            )

    def apply_palette(self) -> None:
        """Colours from the current palette (light or dark), text in the widget's font."""
        self.colours = ChartColours(self.palette())
        self._name_cache = {}  # the font may have changed
        self._styles = {}
        self._shown_in = None
        self.setBackground(self.colours.background)
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

    def row_rect(self, index: int) -> QRect:
        """The band of a bar's row across the plot, in the viewport's coordinates."""
        plot = self.getPlotItem().sceneBoundingRect()
        view = self.getPlotItem().getViewBox()
        top = view.mapViewToScene(QPointF(0, index - 0.5)).y()
        bottom = view.mapViewToScene(QPointF(0, index + 0.5)).y()
        band = QRectF(plot.left(), min(top, bottom), plot.width(), abs(bottom - top))
        return self.mapFromScene(band).boundingRect()

    def _hovered(self, scene_pos: QPointF) -> None:
        index = self.bar_at(scene_pos)
        if index is None:
            if self._tip is not None:
                QToolTip.hideText()
            self._tip = None
            return
        text = bar_tooltip(self.bars[index], universe(self.bars))
        rich = "<p style='white-space:pre'>" + html.escape(text).replace("\n", "<br>") + "</p>"
        if self._tip == rich and QToolTip.isVisible() and QToolTip.text() == rich:
            return  # the pointer moved within the bar: the tip stays where it is
        self._tip = rich  # (a tip on its way out, left and re-entered, is shown again)
        viewport = self.viewport()
        global_pos = viewport.mapToGlobal(self.mapFromScene(scene_pos))
        QToolTip.showText(global_pos, rich, viewport, self.row_rect(index), TIP_MS)

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
        self._fitted = None
        if self.bars:
            self._fit_range()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if self._ready and event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self.apply_palette()
