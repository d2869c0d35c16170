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
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPen,
    QStaticText,
    QTransform,
)

import pyqtgraph as pg  # after PySide6, so pyqtgraph binds to it  # isort: skip

LABEL_GAP_PX = 4  # between a bar's end and its count
NAME_GAP_PX = 6  # between a name and the bars' baseline (x = 0)
MAX_STATIC_TEXTS = 4096  # laid-out names and counts kept (a few hundred bars' worth)


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
        self._texts: dict[str, QStaticText] = {}

    @property
    def styles(self) -> tuple[BarStyle, ...]:
        return self.rows.styles

    def set_rows(self, rows: BarRows, font: QFont, name_colour: QColor) -> None:
        """Draw these bars at the next paint."""
        if font != self.font:
            self._texts = {}
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
        # but the view's stretch of counts and rows does not. The view only scales and
        # shifts, so a point's scene position is worked out without a call per point.
        to_scene = self.sceneTransform()
        from_scene, _ = to_scene.inverted()
        sx, dx, sy, dy = to_scene.m11(), to_scene.dx(), to_scene.m22(), to_scene.dy()
        painter.save()
        painter.setTransform(from_scene * painter.transform())
        painter.setFont(self.font)
        names_end = dx - NAME_GAP_PX
        painter.setPen(self.name_colour)
        for row, name in enumerate(self.rows.names):
            text = self._static(name)
            size = text.size()
            y = sy * row + dy - size.height() / 2
            painter.drawStaticText(QPointF(names_end - size.width(), y), text)
        for row, (count, style) in enumerate(zip(self.rows.counts, self.rows.styles, strict=True)):
            text = self._static(f"{count:,}")
            y = sy * row + dy - text.size().height() / 2
            painter.setPen(style.text)
            painter.drawStaticText(QPointF(sx * count + dx + LABEL_GAP_PX, y), text)
        painter.restore()

    def _static(self, text: str) -> QStaticText:
        """The text laid out once (per font): the same names and counts come back with every
        key typed, and drawing laid-out text is several times quicker than laying it out."""
        static = self._texts.get(text)
        if static is None:
            if len(self._texts) > MAX_STATIC_TEXTS:
                self._texts.clear()
            static = self._texts[text] = QStaticText(text)
            static.setTextFormat(Qt.TextFormat.PlainText)  # a name from a file is not markup
            static.prepare(QTransform(), self.font)
        return static
