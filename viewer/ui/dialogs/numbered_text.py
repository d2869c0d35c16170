"""A read-only view of a file's lines with their numbers, marking what the importer read.

The gutter shows each line's number (as an editor counts them) and a band: the letter's
lines in one colour, each signatory entry's lines in the list colour; the line where the list
starts has a triangle, the line where it ends a square. Entries are tinted alternately so a
reader sees which lines were taken as one signatory. The right-click menu moves the start or
the end of the list to the line under the pointer.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFontDatabase,
    QPainter,
    QPaintEvent,
    QPalette,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTextEdit, QWidget

from viewer.ui.common.palette import mix, muted_text

START_MARK = "\u25b6"  # ▶
END_MARK = "\u25a0"  # ■
BAND_PX = 4
MAX_TINTED_LINES = 20_000  # extra selections cost every paint; a letter's list is far shorter


@dataclass(frozen=True)
class LineMarks:
    """What to mark: 1-based inclusive line ranges."""

    letter: tuple[int, int] | None = None
    rows: tuple[tuple[int, int], ...] = ()
    start: int | None = None  # the line the list starts at (heading or first entry)
    end: int | None = None  # the list's last line
    row_of_line: dict[int, int] = field(default_factory=dict, compare=False)

    @classmethod
    def of(cls, letter, rows, start, end) -> LineMarks:
        index = {line: i for i, (a, b) in enumerate(rows) for line in range(a, b + 1)}
        return cls(letter, tuple(rows), start, end, index)


class MarkColours:
    """The marks' colours, from the palette (light and dark themes alike)."""

    def __init__(self, palette: QPalette):
        base = palette.color(QPalette.ColorRole.Base)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        self.letter_band = mix(muted_text(palette), base, 0.35)
        self.list_band = highlight
        self.rows = (mix(highlight, base, 0.82), mix(highlight, base, 0.92))
        self.start = mix(highlight, base, 0.6)
        self.number = muted_text(palette)
        self.gutter = palette.color(QPalette.ColorRole.Window)


class _Gutter(QWidget):
    def __init__(self, view: NumberedTextView):
        super().__init__(view)
        self.view = view

    def sizeHint(self) -> QSize:
        return QSize(self.view.gutter_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        self.view.paint_gutter(event)


class NumberedTextView(QPlainTextEdit):
    """Lines with numbers and marks; emits the line a user clicks or picks from the menu."""

    start_requested = Signal(int)
    end_requested = Signal(int)
    line_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("reviewSource")
        self.setReadOnly(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.setAccessibleName("The file's text, with line numbers")
        self.marks = LineMarks()
        self.colours = MarkColours(self.palette())
        self.gutter = _Gutter(self)
        self.blockCountChanged.connect(self._fit_gutter)
        self.updateRequest.connect(self._scroll_gutter)
        self.cursorPositionChanged.connect(self._cursor_moved)
        self._fit_gutter()

    # -- content ---------------------------------------------------------------------------

    def set_lines(self, lines: list[str]) -> None:
        """Show these lines, numbered from 1 (as plain text: nothing in them is markup)."""
        # A paragraph or line separator inside a line would break it in two on screen and
        # shift every number after it; show it as a space instead.
        clean = (line.replace("\u2029", " ").replace("\u2028", " ") for line in lines)
        self.setPlainText("\n".join(clean))

    def set_marks(self, marks: LineMarks) -> None:
        """Mark the letter, the entries, the start and the end of the list."""
        self.marks = marks
        selections = []
        budget = MAX_TINTED_LINES
        for i, (first, last) in enumerate(marks.rows):
            lines = range(first, min(last, first + budget - 1) + 1)
            selections += [self._tint(line, self.colours.rows[i % 2]) for line in lines]
            budget -= len(lines)
            if budget <= 0:
                break  # the gutter's band still marks every line; tints are for reading
        if marks.start is not None:
            selections.append(self._tint(marks.start, self.colours.start))
        self.setExtraSelections(selections)
        self.gutter.update()

    def _tint(self, line: int, colour: QColor) -> QTextEdit.ExtraSelection:
        """A whole line's background (a full-width selection holds one line, the cursor's)."""
        selection = QTextEdit.ExtraSelection()
        selection.cursor = QTextCursor(self.document().findBlockByNumber(line - 1))
        selection.format.setBackground(colour)
        selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
        return selection

    def show_lines(self, first: int, last: int) -> None:
        """Scroll to these lines and select them (the cursor at their start, so the view
        shows where the lines begin rather than where the longest one ends)."""
        lines = self._lines_cursor(first, last)
        cursor = QTextCursor(self.document())
        cursor.setPosition(lines.selectionEnd())
        cursor.setPosition(lines.selectionStart(), QTextCursor.MoveMode.KeepAnchor)
        self._place(cursor)

    def scroll_to_line(self, line: int) -> None:
        """Scroll so that a line is in the middle of the view, without selecting anything."""
        self._place(QTextCursor(self.document().findBlockByNumber(max(line - 1, 0))))

    def _place(self, cursor: QTextCursor) -> None:
        self.blockSignals(True)  # placed here, not a click on a line
        self.setTextCursor(cursor)
        self.blockSignals(False)
        self.centerCursor()
        self.horizontalScrollBar().setValue(0)

    def _lines_cursor(self, first: int, last: int) -> QTextCursor:
        """A cursor selecting lines first to last (1-based, inclusive)."""
        doc = self.document()
        cursor = QTextCursor(doc.findBlockByNumber(max(first - 1, 0)))
        end = doc.findBlockByNumber(max(last - 1, 0))
        if end.isValid():
            end_of_line = end.position() + max(end.length() - 1, 0)
            cursor.setPosition(end_of_line, QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def current_line(self) -> int:
        return self.textCursor().blockNumber() + 1

    # -- the gutter --------------------------------------------------------------------------

    def gutter_width(self) -> int:
        digits = len(str(max(1, self.blockCount())))
        fm = self.fontMetrics()
        numbers = fm.horizontalAdvance("9") * digits
        return 8 + numbers + fm.horizontalAdvance(START_MARK) + 6 + BAND_PX

    def _fit_gutter(self) -> None:
        self.setViewportMargins(self.gutter_width(), 0, 0, 0)

    def _scroll_gutter(self, rect: QRect, dy: int) -> None:
        if dy:
            self.gutter.scroll(0, dy)
        else:
            self.gutter.update(0, rect.y(), self.gutter.width(), rect.height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        area = self.contentsRect()
        self.gutter.setGeometry(QRect(area.left(), area.top(), self.gutter_width(), area.height()))

    def paint_gutter(self, event: QPaintEvent) -> None:
        painter = QPainter(self.gutter)
        painter.fillRect(event.rect(), self.colours.gutter)
        width = self.gutter.width()
        fm = self.fontMetrics()
        block = self.firstVisibleBlock()
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        while block.isValid() and top <= event.rect().bottom():
            height = round(self.blockBoundingRect(block).height())
            if block.isVisible() and top + height >= event.rect().top():
                self._paint_line(painter, block.blockNumber() + 1, top, width, height, fm)
            block = block.next()
            top += height
        painter.end()

    def _paint_line(self, painter: QPainter, line: int, top: int, width: int, height: int, fm):
        marks = self.marks
        band = None
        if line in marks.row_of_line:
            band = self.colours.list_band
        elif marks.letter and marks.letter[0] <= line <= marks.letter[1]:
            band = self.colours.letter_band
        if band is not None:
            painter.fillRect(width - BAND_PX, top, BAND_PX, height, band)
        mark = START_MARK if line == marks.start else END_MARK if line == marks.end else ""
        number_right = width - BAND_PX - 4 - fm.horizontalAdvance(START_MARK) - 2
        painter.setPen(self.colours.number)
        painter.drawText(0, top, number_right, height, Qt.AlignmentFlag.AlignRight, str(line))
        if mark:
            painter.setPen(self.colours.list_band)
            left = Qt.AlignmentFlag.AlignLeft
            painter.drawText(number_right + 2, top, width - number_right, height, left, mark)

    # -- user ----------------------------------------------------------------------------------

    def context_menu(self, pos: QPoint) -> QMenu:
        """The right-click menu at a point: Copy and friends, then start or end the list there."""
        line = self.cursorForPosition(pos).blockNumber() + 1
        menu = self.createStandardContextMenu(pos)
        menu.addSeparator()
        start = menu.addAction(f"Start the List at Line {line}")
        start.triggered.connect(lambda: self.start_requested.emit(line))
        end = menu.addAction(f"End the List at Line {line}")
        end.triggered.connect(lambda: self.end_requested.emit(line))
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def _cursor_moved(self) -> None:
        self.line_clicked.emit(self.current_line())

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.PaletteChange:
            self.colours = MarkColours(self.palette())
            self.set_marks(self.marks)
