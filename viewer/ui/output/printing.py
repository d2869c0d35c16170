"""File > Print and File > Export as PDF: the letter, the shown signatories, the chart.

The printout is one QTextDocument: the letter (laid out as on screen), then the signatories the
window shows (its filter and sort, from the ViewState's Result) as a table, then the chart as
a picture with its numbers in words. Every piece of document text goes in as plain text. Each
page gets a header (the document's title, the filter in force, the date) and "Page n of N"
painted around the text, so it is set in black on white whatever the window's theme.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
    QTextImageFormat,
    QTextLength,
    QTextTableFormat,
)
from PySide6.QtWidgets import QApplication

from viewer import __version__
from viewer.core.model import Document
from viewer.core.query.engine import Result, describe_counts
from viewer.core.query.facets import facet_for_key
from viewer.core.query.filter_summary import describe_filter
from viewer.core.storage.settings import write_atomic
from viewer.core.wording import signed_by_line
from viewer.ui.chart.chart_data import chart_bars, chart_text
from viewer.ui.common.theme import make_palette
from viewer.ui.common.wording import NOT_STATED_LABEL
from viewer.ui.letter.letter_view import SERIF_FAMILIES, write_letter

MAX_PRINTED_ROWS = 5000  # a printout of a million rows helps nobody; it says what it left out
CHART_BARS = 24
CHART_IMAGE_URL = "printout://chart"
BODY_POINTS = 10.5
HEADER_POINTS = 9
POINTS_PER_INCH = 72
MARGIN_MM = 16
# The parts a printout may hold, in their order, with the words the print preview uses.
PARTS = {"letter": "Letter", "signatories": "Signatories", "chart": "Chart"}
HEADING = QTextFormat.Property.UserProperty + 1  # a block property marking our headings
# A heading needs this many body lines after it on its page, or it goes to the next page.
KEEP_LINES_AFTER_HEADING = 2


@dataclass(frozen=True)
class Printout:
    """What to print: the document, the result shown, the chart's grouping and the date."""

    document: Document
    result: Result
    facet: str = "country"
    date: dt.date | None = None
    parts: frozenset[str] = frozenset(PARTS)  # which of PARTS to print

    @property
    def day(self) -> dt.date:
        return self.date or dt.date.today()

    def counts(self) -> str:
        """ "Showing 16 of 158 signatories · 2 countries", by the chart's grouping."""
        return describe_counts(self.result, facet_for_key(self.facet))

    def header_lines(self) -> tuple[str, str]:
        """The page header: the title and date, then the filter in force and the count."""
        date = f"{self.day.day} {self.day:%B %Y}"
        return (
            f"{self.document.title} \u2014 printed {date}",
            f"Filter: {describe_filter(self.result.query)} \u2014 {self.counts()}",
        )


# -- the document -----------------------------------------------------------------------------


def build_document(printout: Printout, chart: QImage | None, width: float) -> QTextDocument:
    """The printout's text: letter, signatories table, chart; width is the text width in points.

    The document is laid out in points (on a 72 dpi image), and scaled to the page when painted,
    as QTextDocument.print does, so its sizes do not depend on the screen it was made on.
    """
    doc = QTextDocument()
    layout_device = QImage(1, 1, QImage.Format.Format_RGB32)
    dots_per_metre = round(POINTS_PER_INCH / 0.0254)
    layout_device.setDotsPerMeterX(dots_per_metre)
    layout_device.setDotsPerMeterY(dots_per_metre)
    doc.documentLayout().setPaintDevice(layout_device)
    doc.layout_device = layout_device  # the layout keeps a bare pointer: keep the image alive
    doc.setDocumentMargin(0)
    doc.setUndoRedoEnabled(False)
    font = QFont()
    font.setFamilies(SERIF_FAMILIES)
    font.setStyleHint(QFont.StyleHint.Serif)
    font.setPointSizeF(BODY_POINTS)
    doc.setDefaultFont(font)
    cursor = QTextCursor(doc)
    # One edit block: the layout runs once at the end, not after every cell (seconds).
    cursor.beginEditBlock()
    parts = printout.parts
    if "letter" in parts:
        write_letter(cursor, printout.document.letter)
        cursor.insertBlock(QTextBlockFormat(), _bold())
        cursor.insertText(signed_by_line(printout.document))
    if "signatories" in parts:
        _write_signatories(cursor, printout, page_break="letter" in parts)
    if "chart" in parts:
        _write_chart(doc, cursor, printout, chart, width, first=parts == {"chart"})
    cursor.endEditBlock()
    doc.setTextWidth(width)
    return doc


def keep_headings_with_text(doc: QTextDocument, page_height: float) -> None:
    """Move a heading that would end its page to the next one, with the text it heads.

    QTextDocument has no "keep with next": after laying the pages out, a heading without
    KEEP_LINES_AFTER_HEADING lines of room below it on its page gets a page break before it,
    and the pages are laid out again (once per heading moved, a handful at most).
    """
    line = QFontMetricsF(doc.defaultFont(), doc.documentLayout().paintDevice()).lineSpacing()
    layout = doc.documentLayout()
    block = doc.begin()
    while block.isValid():
        fmt = block.blockFormat()
        policy = fmt.pageBreakPolicy()
        if (
            fmt.boolProperty(HEADING)
            and not policy & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
        ):
            bottom = layout.blockBoundingRect(block).bottom()
            page_end = (bottom // page_height + 1) * page_height
            if page_end - bottom < KEEP_LINES_AFTER_HEADING * line:
                fmt.setPageBreakPolicy(policy | QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                QTextCursor(block).setBlockFormat(fmt)  # the layout follows at once
        block = block.next()


def _bold(size: float | None = None) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontWeight(QFont.Weight.Bold)
    if size:
        fmt.setFontPointSize(size)
    return fmt


def _heading(cursor: QTextCursor, text: str, page_break: bool = True, first=False) -> None:
    block = QTextBlockFormat()
    block.setTopMargin(6)
    block.setBottomMargin(6)
    block.setProperty(HEADING, True)
    if page_break:
        block.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    if first:  # the document's first block: no empty line above the heading
        cursor.setBlockFormat(block)
        cursor.setBlockCharFormat(_bold(BODY_POINTS * 1.35))
    else:
        cursor.insertBlock(block, _bold(BODY_POINTS * 1.35))
    cursor.insertText(text)
    cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())


def _write_signatories(cursor: QTextCursor, printout: Printout, page_break: bool) -> None:
    result, signatories = printout.result, printout.document.signatories
    _heading(cursor, "Signatories", page_break=page_break, first=not page_break)
    cursor.insertText(f"{printout.counts()}. {describe_filter(result.query)}.")
    rows = result.rows[:MAX_PRINTED_ROWS].tolist()
    if len(result) > len(rows):
        cursor.insertText(
            f" The first {len(rows):,} of the {len(result):,} shown signatories are printed."
        )
    if not rows:
        return
    fmt = QTextTableFormat()
    fmt.setHeaderRowCount(1)
    fmt.setCellPadding(2.5)
    fmt.setCellSpacing(0)
    fmt.setBorder(0.5)
    fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
    fmt.setBorderBrush(QColor("#999999"))
    fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    fmt.setColumnWidthConstraints(
        [QTextLength(QTextLength.Type.PercentageLength, p) for p in (7, 31, 37, 25)]
    )
    table = cursor.insertTable(len(rows) + 1, 4, fmt)
    for column, title in enumerate(("#", "Name", "Role", "Country")):
        table.cellAt(0, column).firstCursorPosition().insertText(title, _bold())
    muted = QTextCharFormat()
    muted.setFontItalic(True)
    muted.setForeground(QColor("#555555"))
    for r, index in enumerate(rows, start=1):
        s = signatories[index]
        for column, value in enumerate((str(s.position), s.name, s.role, s.country)):
            cell = table.cellAt(r, column).firstCursorPosition()
            if value is None:
                cell.insertText(NOT_STATED_LABEL, muted)
            else:
                cell.insertText(value, QTextCharFormat())
    cursor.movePosition(QTextCursor.MoveOperation.End)


def _write_chart(
    doc: QTextDocument,
    cursor: QTextCursor,
    printout: Printout,
    chart: QImage | None,
    width: float,
    first: bool = False,
) -> None:
    facet = printout.facet
    _heading(cursor, f"Signatories per {facet_for_key(facet).one}", page_break=False, first=first)
    if chart is not None and not chart.isNull():
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(CHART_IMAGE_URL), chart)
        image = QTextImageFormat()
        image.setName(CHART_IMAGE_URL)
        logical = chart.size() / chart.devicePixelRatio()
        scale = min(width / logical.width(), 1.0)
        image.setWidth(logical.width() * scale)
        image.setHeight(logical.height() * scale)
        cursor.insertImage(image)
        cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
    cursor.insertText(chart_text(chart_bars(printout.result, facet, 10_000), facet))


# -- the chart as a picture -------------------------------------------------------------------


def chart_image(printout: Printout, width_px: int = 560, scale: float = 3.0) -> QImage:
    """The chart for the printout in the light theme, drawn at scale for a sharp print."""
    from viewer.ui.chart.bar_chart import BarChart  # pyqtgraph only when a chart is drawn

    bars = chart_bars(printout.result, printout.facet, CHART_BARS)
    plot = BarChart()
    plot.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    plot.setPalette(make_palette("light"))
    line = QFontMetricsF(plot.font()).height()
    plot.resize(width_px, int(max(len(bars), 3) * (line + 6) + 16))
    # pyqtgraph lays its axes and view box out when the widget is shown and resized.
    plot.show()
    plot.show_bars(bars)
    for _ in range(3):  # the axis measures its labels, then the view box takes what is left
        QApplication.sendPostedEvents()
        QApplication.processEvents()
    # The scene drawn scaled into a bigger image: text and bars stay sharp. (QWidget.render
    # onto a high-DPI image crops a QGraphicsView instead of scaling it.)
    source = plot.mapToScene(plot.viewport().rect()).boundingRect()
    image = QImage(plot.viewport().size() * scale, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    plot.scene().render(painter, QRectF(image.rect()), source)
    painter.end()
    image.setDevicePixelRatio(scale)
    plot.close()
    plot.deleteLater()
    return image


# -- painting pages ---------------------------------------------------------------------------


def paint(printout: Printout, device: QPagedPaintDevice) -> int:
    """Lay the printout out on device's pages with headers and page numbers; the page count."""
    device.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                          QPageLayout.Unit.Millimeter)  # fmt: skip
    layout = device.pageLayout()
    paint_rect = layout.paintRect(QPageLayout.Unit.Point)  # the page less margins, in points
    # The painter works in points; a pixel size in points keeps the header from being
    # scaled twice (a point size would be resolved at the device's resolution first).
    header_font = QFont()
    header_font.setPixelSize(HEADER_POINTS)
    line = QFontMetricsF(header_font).height()
    header_h, footer_h = 2 * line + 10, line + 8
    body = QSizeF(paint_rect.width(), paint_rect.height() - header_h - footer_h)
    chart = chart_image(printout) if "chart" in printout.parts else None
    doc = build_document(printout, chart, body.width())
    doc.setPageSize(body)
    keep_headings_with_text(doc, body.height())
    pages = doc.pageCount()
    painter = QPainter(device)
    try:
        # Work in points: one scale from points to the device's pixels.
        to_device = device.resolution() / POINTS_PER_INCH
        painter.scale(to_device, to_device)
        for page in range(pages):
            if page:
                device.newPage()
            _paint_page(painter, doc, page, pages, body, header_h, header_font, printout)
    finally:
        painter.end()
    return pages


def _paint_page(
    painter: QPainter,
    doc: QTextDocument,
    page: int,
    pages: int,
    body: QSizeF,
    header_h: float,
    header_font: QFont,
    printout: Printout,
) -> None:
    painter.save()
    painter.translate(0, header_h - page * body.height())
    context = QAbstractTextDocumentLayout.PaintContext()
    context.clip = QRectF(0, page * body.height(), body.width(), body.height())
    context.palette.setColor(QPalette.ColorRole.Text, QColor("black"))
    painter.setClipRect(context.clip)
    doc.documentLayout().draw(painter, context)
    painter.restore()
    painter.save()
    painter.setFont(header_font)
    painter.setPen(QColor("#333333"))
    metrics = QFontMetricsF(header_font)
    top, second = printout.header_lines()
    for i, text in enumerate((top, second)):
        elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, body.width())
        row = QRectF(0, i * metrics.height(), body.width(), metrics.height())
        painter.drawText(row, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided)
    rule_y = 2 * metrics.height() + 3
    painter.setPen(QColor("#999999"))
    painter.drawLine(0, rule_y, body.width(), rule_y)
    painter.setPen(QColor("#333333"))
    footer = QRectF(0, header_h + body.height() + 4, body.width(), metrics.height())
    painter.drawText(footer, Qt.AlignmentFlag.AlignHCenter, f"Page {page + 1} of {pages}")
    painter.restore()


# -- PDF --------------------------------------------------------------------------------------


def pdf_bytes(printout: Printout) -> bytes:
    """The printout as a PDF (A4), in memory."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(300)
    writer.setTitle(printout.document.title)
    writer.setCreator(f"Letter Viewer {__version__}")
    paint(printout, writer)
    del writer  # finishes the file
    buffer.close()
    return bytes(data)


def export_pdf(printout: Printout, path: str | Path) -> None:
    """Write the printout as a PDF to path, whole or not at all (OSError if it cannot)."""
    write_atomic(Path(path), pdf_bytes(printout))


def pdf_file_name(title: str) -> str:
    """A file name for the PDF from the document's title: no slashes or other trouble."""
    name = " ".join(re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", title).split()).strip(" .")
    name = name or "letter"
    return f"{name[:120]}.pdf"
