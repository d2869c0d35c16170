"""The chart as a picture: PNG (pixels, at twice the screen's resolution) or SVG (vector).

The picture is what the chart shows, with a heading above it saying which letter and which
signatories it counts ("Showing 16 of 158 signatories · 2 countries"), so a picture pasted
into a report still says what it is. The PNG's plot comes from pyqtgraph's ImageExporter;
pyqtgraph's SVG exporter fails on this version of Qt's SVG output, so the SVG paints the chart
view onto a QSvgGenerator (at the screen's resolution, so text keeps its size), which keeps
bars as paths and labels as text.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPalette
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QWidget

import pyqtgraph as pg  # after PySide6, so pyqtgraph binds to it  # isort: skip
from pyqtgraph.exporters import ImageExporter  # isort: skip
from viewer.ui.common.palette import muted_text

MARGIN = 12
PNG_SCALE = 2  # pixels per screen pixel: sharp when printed or shown on a high-density screen
MIN_WIDTH = 360  # room for the heading even when the dock is narrow


@dataclass(frozen=True)
class ChartHeading:
    """The lines above the chart."""

    title: str
    subtitle: str


class _Heading:
    """Measures and paints the heading for a given width."""

    def __init__(self, heading: ChartHeading, base_font: QFont, width: int):
        self.heading = heading
        self.title_font = QFont(base_font)
        self.title_font.setBold(True)
        self.title_font.setPointSizeF(base_font.pointSizeF() * 1.15)
        self.sub_font = QFont(base_font)
        self.width = width - 2 * MARGIN
        flags = Qt.TextFlag.TextWordWrap
        self.title_rect = QFontMetrics(self.title_font).boundingRect(
            QRect(0, 0, self.width, 10_000), flags, heading.title
        )
        self.sub_rect = QFontMetrics(self.sub_font).boundingRect(
            QRect(0, 0, self.width, 10_000), flags, heading.subtitle
        )

    @property
    def height(self) -> int:
        return MARGIN + self.title_rect.height() + 4 + self.sub_rect.height() + MARGIN // 2

    def paint(self, painter: QPainter, palette: QPalette) -> None:
        flags = int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft)
        top = MARGIN
        painter.setFont(self.title_font)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(QRect(MARGIN, top, self.width, self.title_rect.height()), flags,
                         self.heading.title)  # fmt: skip
        top += self.title_rect.height() + 4
        painter.setFont(self.sub_font)
        painter.setPen(muted_text(palette))
        painter.drawText(QRect(MARGIN, top, self.width, self.sub_rect.height()), flags,
                         self.heading.subtitle)  # fmt: skip


def _layout(chart: QWidget, heading: ChartHeading) -> tuple[_Heading, QSize]:
    width = max(chart.width(), MIN_WIDTH)
    head = _Heading(heading, chart.font(), width)
    return head, QSize(width, head.height + chart.height())


def _background(painter: QPainter, chart: QWidget, size: QSize) -> None:
    colour: QColor = chart.palette().color(QPalette.ColorRole.Base)
    painter.fillRect(QRect(0, 0, size.width(), size.height()), colour)


def chart_png(chart: pg.PlotWidget, heading: ChartHeading, scale: int = PNG_SCALE) -> bytes:
    """The chart and its heading as PNG bytes, at scale times the screen's pixels."""
    head, size = _layout(chart, heading)
    # pyqtgraph's exporter draws the plot at a higher resolution with its labels and counts
    # in place (QWidget.render onto a scaled painter enlarges them twice).
    exporter = ImageExporter(chart.scene())
    exporter.parameters()["width"] = chart.width() * scale
    plot = exporter.export(toBytes=True)
    image = QImage(size * scale, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.scale(scale, scale)
    _background(painter, chart, size)
    head.paint(painter, chart.palette())
    painter.resetTransform()
    painter.drawImage(0, head.height * scale, plot)
    painter.end()
    return _encoded(image)


def chart_svg(chart: pg.PlotWidget, heading: ChartHeading) -> bytes:
    """The chart and its heading as SVG bytes (bars as paths, labels as text)."""
    head, size = _layout(chart, heading)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(size)
    generator.setViewBox(QRect(0, 0, size.width(), size.height()))
    # The screen's resolution, so text sized in points keeps its size beside the bars.
    generator.setResolution(chart.logicalDpiX())
    generator.setTitle(heading.title)
    generator.setDescription(heading.subtitle)
    painter = QPainter(generator)
    _background(painter, chart, size)
    head.paint(painter, chart.palette())
    # QGraphicsView.render fits the view into the target, by default the whole device
    # (heading included): the target is exactly the chart's own size, under the heading.
    target = QRectF(0, head.height, chart.width(), chart.height())
    chart.render(painter, target, chart.viewport().rect())
    painter.end()
    return bytes(buffer.data())


def _encoded(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise OSError("the picture could not be encoded as PNG")
    buffer.close()
    return bytes(data)
