"""The bars, their names and their counts as one pyqtgraph item, drawn in one paint.

A pyqtgraph TextItem per count lays itself out again whenever its text or the view changes,
and an AxisItem with string ticks measures and draws every tick again when the ticks change:
together several milliseconds of a typed key for twenty bars (issue 6). Here the bars are
rectangles in the view's coordinates and the text is drawn at the scene's scale (pixels on
screen, twice that in a 2x PNG): each bar's name right-aligned in a strip left of x = 0, its
count just right of the bar's end.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen

import pyqtgraph as pg  # after PySide6, so pyqtgraph binds to it  # isort: skip

LABEL_GAP_PX = 4  # between a bar's end and its count
NAME_GAP_PX = 6  # between a name and the bars' baseline (x = 0)


@dataclass(frozen=True)
class BarStyle:
    """How one bar is drawn: fill, outline and the colour of its count."""

    brush: QBrush
    pen: QPen
    text: QColor


def bar_style(fill: QColor, outline: QColor, text: QColor, width: float = 1.0) -> BarStyle:
    """A style whose outline keeps its width in screen pixels however the view is scaled."""
    pen = QPen(outline)
    pen.setWidthF(width)
    pen.setCosmetic(True)
    return BarStyle(QBrush(fill), pen, text)


@dataclass(frozen=True)
class BarRows:
    """What the item draws, top to bottom: one entry per bar."""

    counts: tuple[int, ...] = ()
    names: tuple[str, ...] = ()  # as drawn (already elided to fit)
    styles: tuple[BarStyle, ...] = ()


class BarsItem(pg.GraphicsObject):
    """Horizontal bars, one per row (row i centred on y = i), each with its name and count."""

    def __init__(self, height: float):
        super().__init__()
        self.height = height  # of a bar, as a fraction of its row
        self.rows = BarRows()
        self.font = QFont()
        self.name_colour = QColor()
        self._extent = QRectF()

    @property
    def styles(self) -> tuple[BarStyle, ...]:
        return self.rows.styles

    def set_rows(self, rows: BarRows, font: QFont, name_colour: QColor) -> None:
        """Draw these bars at the next paint."""
        self.rows = rows
        self.font = font
        self.name_colour = name_colour
        self.update()

    def set_extent(self, x_min: float, x_max: float, rows: float) -> None:
        """The area the bars and their text take, in the view's coordinates."""
        extent = QRectF(x_min, -0.5, max(x_max - x_min, 1.0), max(rows, 1.0))
        if extent != self._extent:
            self.prepareGeometryChange()
            self._extent = extent

    # -- where the text goes (scene coordinates) -------------------------------------------------

    def count_text(self, row: int) -> str:
        return f"{self.rows.counts[row]:,}"

    def count_rects(self) -> list[QRectF]:
        """Where each count is drawn."""
        metrics = QFontMetricsF(self.font)
        to_scene = self.sceneTransform()
        rects = []
        for row, count in enumerate(self.rows.counts):
            end = to_scene.map(QPointF(count, row))
            width = metrics.horizontalAdvance(self.count_text(row))
            top = end.y() - metrics.height() / 2
            rects.append(QRectF(end.x() + LABEL_GAP_PX, top, width, metrics.height()))
        return rects

    def name_rects(self) -> list[QRectF]:
        """Where each name is drawn: right-aligned, ending just left of the bars."""
        metrics = QFontMetricsF(self.font)
        to_scene = self.sceneTransform()
        rects = []
        for row, name in enumerate(self.rows.names):
            start = to_scene.map(QPointF(0.0, row))
            width = metrics.horizontalAdvance(name)
            right = start.x() - NAME_GAP_PX
            top = start.y() - metrics.height() / 2
            rects.append(QRectF(right - width, top, width, metrics.height()))
        return rects

    # -- QGraphicsItem ---------------------------------------------------------------------------

    def boundingRect(self) -> QRectF:
        return self._extent

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        half = self.height / 2
        for row, (count, style) in enumerate(zip(self.rows.counts, self.rows.styles, strict=True)):
            painter.setPen(style.pen)
            painter.setBrush(style.brush)
            painter.drawRect(QRectF(0.0, row - half, float(count), self.height))
        self._paint_text(painter)

    def _paint_text(self, painter: QPainter) -> None:
        # Text in scene units: whatever scales the scene (a 2x PNG) scales the text with it,
        # but the view's stretch of counts and rows does not.
        from_scene, _ = self.sceneTransform().inverted()
        painter.save()
        painter.setTransform(from_scene * painter.transform())
        painter.setFont(self.font)
        align = Qt.AlignmentFlag
        left = int(align.AlignLeft | align.AlignVCenter)
        right = int(align.AlignRight | align.AlignVCenter)
        painter.setPen(self.name_colour)
        for rect, name in zip(self.name_rects(), self.rows.names, strict=True):
            painter.drawText(rect.adjusted(-2, -2, 0, 2), right, name)
        for row, (rect, style) in enumerate(zip(self.count_rects(), self.rows.styles, strict=True)):
            painter.setPen(style.text)
            painter.drawText(rect.adjusted(0, -2, 2, 2), left, self.count_text(row))
        painter.restore()
