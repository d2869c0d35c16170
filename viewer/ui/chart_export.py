"""The chart as a picture: PNG (pixels, at twice the screen's resolution) or SVG (vector).

The picture is what the chart shows, with a heading above it saying which letter and which
signatories it counts ("Showing 16 of 158 signatories · 2 countries"), so a picture pasted
into a report still says what it is. pyqtgraph's own SVG exporter fails on this version of
Qt's SVG output, so both formats paint the chart widget through QPainter: onto a QImage, or
onto a QSvgGenerator, which keeps bars as paths and labels as text.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPalette
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QWidget

from viewer.ui.palette import muted_text

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


def _paint(painter: QPainter, chart: QWidget, head: _Heading, size: QSize) -> None:
    palette = chart.palette()
    background: QColor = palette.color(QPalette.ColorRole.Base)
    painter.fillRect(QRect(0, 0, size.width(), size.height()), background)
    head.paint(painter, palette)
    painter.translate(0, head.height)
    chart.render(painter)


def chart_png(chart: QWidget, heading: ChartHeading, scale: int = PNG_SCALE) -> bytes:
    """The chart and its heading as PNG bytes."""
    head, size = _layout(chart, heading)
    image = QImage(size * scale, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(scale)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    _paint(painter, chart, head, size)
    painter.end()
    return _encoded(image)


def chart_svg(chart: QWidget, heading: ChartHeading) -> bytes:
    """The chart and its heading as SVG bytes (bars as paths, labels as text)."""
    head, size = _layout(chart, heading)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(size)
    generator.setViewBox(QRect(0, 0, size.width(), size.height()))
    generator.setTitle(heading.title)
    generator.setDescription(heading.subtitle)
    painter = QPainter(generator)
    _paint(painter, chart, head, size)
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
