"""PDF letters made in the tests with the tools a user has: Qt's PDF writer.

``printed_pdf`` prints a plain text as QTextDocument does (File > Print to PDF in a Qt
editor: page numbers at the foot of each page). ``paged_pdf`` lays a text out page by page
with QPainter as a word processor does, with a running header and a "Page N of M" footer on
every page and page breaks where the test asks for them. ``scanned_pdf`` holds only a
picture of text, as a scanner makes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QImage,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

RESOLUTION = 72  # device units are points
MARGIN = 56
HEADER = "Parliamentarians for Kem Sokha \u00b7 open letter"


def printed_pdf(text: str, path: Path) -> Path:
    """The text printed to an A4 PDF as QTextDocument.print_ does."""
    document = QTextDocument()
    document.setPlainText(text)
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    document.print_(writer)
    return path


@dataclass(frozen=True)
class Paged:
    """A paged PDF and the body lines of each of its pages, as drawn."""

    path: Path
    pages: list[list[str]]


def paged_pdf(
    text: str, path: Path, break_after: Callable[[list[str], int], bool] = lambda lines, i: False
) -> Paged:
    """The text wrapped to the page width and drawn page by page, with a header and a
    "Page N of M" footer; a page also ends after line i where break_after(lines, i)."""
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(RESOLUTION)
    font = QFont("DejaVu Sans", 10)
    metrics = QFontMetrics(font, writer)
    width = writer.width() - 2 * MARGIN
    pitch = metrics.lineSpacing()
    capacity = (writer.height() - 2 * MARGIN - 3 * pitch) // pitch
    lines = wrapped(text, metrics, width)
    pages = paginate(lines, capacity, break_after)
    painter = QPainter(writer)
    painter.setFont(font)
    for number, page in enumerate(pages, start=1):
        if number > 1:
            writer.newPage()
        painter.drawText(MARGIN, MARGIN, HEADER)
        for row, line in enumerate(page):
            painter.drawText(MARGIN, MARGIN + (row + 2) * pitch, line)
        footer = QRect(0, writer.height() - MARGIN, writer.width(), pitch)
        painter.drawText(footer, Qt.AlignmentFlag.AlignHCenter, f"Page {number} of {len(pages)}")
    painter.end()
    return Paged(path, pages)


def wrapped(text: str, metrics: QFontMetrics, width: int) -> list[str]:
    """Each line of the text broken into lines that fit the width (blank lines kept)."""
    out: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            trial = f"{line} {word}" if line else word
            if line and metrics.horizontalAdvance(trial) > width:
                out.append(line)
                line = word
            else:
                line = trial
        out.append(line)
    return out


def paginate(lines: list[str], capacity: int, break_after) -> list[list[str]]:
    """Lines into pages of at most capacity lines; blank lines at a page's top dropped."""
    pages: list[list[str]] = [[]]
    for index, line in enumerate(lines):
        page = pages[-1]
        if len(page) >= capacity:
            pages.append(page := [])
        if line or page:
            page.append(line)
        if break_after(lines, index) and page:
            pages.append([])
    return [p for p in pages if any(p)]


def scanned_pdf(path: Path) -> Path:
    """A page that holds only a picture of a letter's first lines (no text layer)."""
    image = QImage(800, 300, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(QFont("DejaVu Sans", 20))
    painter.drawText(20, 60, "Dear Prime Minister Hun Sen,")
    painter.drawText(20, 120, "We, the undersigned parliamentarians ...")
    painter.end()
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION)
    painter = QPainter(writer)
    painter.drawImage(QRect(MARGIN, MARGIN, 400, 150), image)
    painter.end()
    return path
