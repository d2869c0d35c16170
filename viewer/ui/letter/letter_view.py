"""The letter pane: the letter laid out as a reader expects, as plain text, read-only.

Every piece of document text goes in through QTextCursor.insertText, so nothing a file holds
is ever parsed as HTML or Markdown, and the pane loads no resources and opens no links.

The text can be selected with the keyboard as with the mouse (a caret moved by the arrow
keys; Shift+arrows, Shift+End, Ctrl+Shift+arrows select), and the body's paragraphs carry
their numbers in the left margin (View > Paragraph Numbers), the numbers quotations cite.
The numbers are painted, not text, and the viewer's own lines ("Signed by ...") are marked,
so neither is ever part of a quotation.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QRectF, Qt, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QPainter,
    QPalette,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextListFormat,
    QWheelEvent,
)
from PySide6.QtWidgets import QTextBrowser, QWidget

from viewer.core.cite.locators import Paragraphs
from viewer.core.model import Document, ItemList, Letter, Paragraph
from viewer.core.wording import signed_by_line
from viewer.ui.common.palette import muted_text

SIGNATORIES_ANCHOR = "signatories"
LINE_HEIGHT = 135  # percent: a reading line height, not the tight default
FONT_SCALE = 1.15  # the letter reads a little larger than the window's controls
# Each block of the body carries the number of the paragraph it belongs to, as citations count
# them (viewer.core.cite.body_paragraphs: a paragraph or a whole list is one). Recorded while
# the document is built, so a quote's "para. N" never depends on matching text again.
PARAGRAPH_PROPERTY = QTextFormat.Property.UserProperty.value + 1
# The viewer's own lines (the "Signed by" link, the note of a list without a letter): never
# part of a quotation.
OWN_LINE_PROPERTY = QTextFormat.Property.UserProperty.value + 2
NUMBER_GUTTER = 40  # pixels left of the text at least, where the paragraph numbers go
NUMBER_GAP = 12  # between a number and its paragraph
NUMBER_SCALE = 0.8  # the numbers' size against the letter's
DOCUMENT_MARGIN = 24
READING_CHARS = 64  # letter widths per line: about 75 characters with spaces, easy to read
SERIF_FAMILIES = ["Charter", "Georgia", "Noto Serif", "DejaVu Serif", "Liberation Serif", "serif"]


@dataclass(frozen=True)
class ReadingStyle:
    """How the letter is set: serif or sans, its size in percent, lines kept short or not."""

    font: str = "serif"
    zoom: int = 100
    reading_width: bool = True
    paragraph_numbers: bool = True


def letter_font(base: QFont, style: ReadingStyle) -> QFont:
    """The letter's font: the window's font at the reading size, or a serif one."""
    font = QFont(base)
    if style.font == "serif":
        font.setFamilies(SERIF_FAMILIES)
        font.setStyleHint(QFont.StyleHint.Serif)
    font.setPointSizeF(base.pointSizeF() * FONT_SCALE * style.zoom / 100)
    return font


class LetterView(QTextBrowser):
    """Shows a Letter; the "Signed by ..." line asks for the signatory table."""

    signatories_requested = Signal()
    document_shown = Signal()  # laid out anew: positions in the old document are gone
    zoom_requested = Signal(int)  # +1 or -1: Ctrl+wheel

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("letterView")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setReadOnly(True)
        # A caret for the keyboard: arrows move it, Shift+arrows select (read-only all the same).
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setAccessibleName("Letter")
        self.setAccessibleDescription(
            "The text of the open letter; Ctrl+F finds words in it, Tab reaches the "
            "\u201cSigned by\u201d link to the table of signatories"
        )
        self._document: Document | None = None  # the one shown
        self.reading_style = ReadingStyle()
        self.context_actions: list[QAction] = []  # added to the context menu after "Copy"
        self.anchorClicked.connect(self._anchor_clicked)

    def loadResource(self, kind: int, name: QUrl):
        """Refuse every resource: the pane never loads images, styles or anything else."""
        return None

    def show_document(self, document: Document) -> None:
        """Lay out the document's letter and the "Signed by" line."""
        self._document = document
        # Our own earlier document is dropped; the first one belongs to Qt, which deletes it.
        old = self.document() if self.document().parent() is self else None
        doc = QTextDocument(self)
        doc.setDocumentMargin(DOCUMENT_MARGIN)
        doc.setDefaultFont(letter_font(self.font(), self.reading_style))
        cursor = QTextCursor(doc)
        if has_text(document.letter):
            write_letter(cursor, document.letter)
        else:
            _write_list_only(cursor, self.palette())
        _write_signed_by(cursor, signed_by_line(document), self.palette())
        self.setDocument(doc)
        if old is not None:
            old.deleteLater()
        self._fit_width()
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self.document_shown.emit()

    @property
    def shown_document(self) -> Document | None:
        return self._document

    def set_reading_style(self, style: ReadingStyle) -> None:
        """Set the letter in another font, size or width, keeping the reader's place."""
        if style == self.reading_style:
            return
        self.reading_style = style
        if self._document is not None:
            self._relayout()

    def _relayout(self) -> None:
        bar = self.verticalScrollBar()
        share = bar.value() / bar.maximum() if bar.maximum() else 0.0
        self.show_document(self._document)
        bar.setValue(round(share * bar.maximum()))

    def reading_column(self) -> float:
        """The width in pixels of the text column when the pane is wider than a reading line."""
        metrics = QFontMetricsF(self.document().defaultFont())
        alphabet = "abcdefghijklmnopqrstuvwxyz"
        return metrics.horizontalAdvance(alphabet) / len(alphabet) * READING_CHARS

    def _fit_width(self) -> None:
        """Centre a column of comfortable width; narrower panes use their whole width.

        The root frame's margins are the document margin (QTextDocument keeps it there), so
        the sides get the document margin plus half the spare width each.
        """
        frame = self.document().rootFrame()
        fmt = frame.frameFormat()
        side = float(DOCUMENT_MARGIN)
        if self.reading_style.reading_width:
            spare = self.viewport().width() - 2 * DOCUMENT_MARGIN - self.reading_column()
            side += max(spare / 2, 0.0)
        left = max(side, NUMBER_GUTTER)  # room for the numbers; the text stays put without them
        if abs(fmt.leftMargin() - left) > 0.5 or abs(fmt.rightMargin() - side) > 0.5:
            fmt.setLeftMargin(left)
            fmt.setRightMargin(side)
            frame.setFrameFormat(fmt)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_width()

    def wheelEvent(self, event: QWheelEvent) -> None:
        # Ctrl+wheel zooms like Ctrl+plus/minus (QTextEdit would change the widget's font).
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y()
            if steps:
                self.zoom_requested.emit(1 if steps > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    def selected_paragraphs(self) -> Paragraphs:
        """The body paragraph (or first and last) the selection comes from; None outside it."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        doc = self.document()
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        first, last = doc.findBlock(start), doc.findBlock(end)
        if first != last and start == _block_end(first):
            first = first.next()  # the selection begins at the very end of a block
        if first != last and end == last.position():
            last = last.previous()  # ... or ends at the very start of the next one
        numbers = []
        block = first
        while block.isValid():
            if (number := paragraph_number(block)) is not None:
                numbers.append(number)
            if block == last:
                break
            block = block.next()
        if not numbers:
            return None
        low, high = min(numbers), max(numbers)
        return low if low == high else (low, high)

    def selected_quote(self) -> str:
        """The selected text of the letter, its blocks joined by U+2029 as Qt's selectedText()
        does (the citation core reads them), without the viewer's own lines."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return ""
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        block = self.document().findBlock(start)
        parts = []
        while block.isValid() and block.position() <= end:
            if not block.blockFormat().hasProperty(OWN_LINE_PROPERTY):
                low = max(start, block.position()) - block.position()
                high = min(end, _block_end(block)) - block.position()
                parts.append(block.text()[low:high])
            block = block.next()
        return "\u2029".join(p for p in parts if p)

    def paragraph_marks(self) -> list[tuple[int, QRectF]]:
        """The paragraph numbers in the margin, each with the rectangle (in the viewport's
        coordinates) it is painted in: beside the first line of its paragraph or list."""
        if not self.reading_style.paragraph_numbers:
            return []
        doc = self.document()
        layout = doc.documentLayout()
        offset = QPoint(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        right = doc.rootFrame().frameFormat().leftMargin() - NUMBER_GAP - offset.x()
        marks = []
        previous = None
        block = doc.begin()
        while block.isValid():
            number = paragraph_number(block)
            if number is not None and number != previous and block.layout().lineCount():
                line = block.layout().lineAt(0)
                top = layout.blockBoundingRect(block).top() + line.y() - offset.y()
                marks.append((number, QRectF(0, top, max(right, 0.0), line.height())))
            previous = number
            block = block.next()
        return marks

    def number_font(self) -> QFont:
        font = QFont(self.document().defaultFont())
        font.setPointSizeF(font.pointSizeF() * NUMBER_SCALE)
        return font

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        marks = self.paragraph_marks()
        if not marks:
            return
        painter = QPainter(self.viewport())
        painter.setFont(self.number_font())
        painter.setPen(muted_text(self.palette()))
        align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for number, rect in marks:
            if rect.intersects(QRectF(event.rect())):
                painter.drawText(rect, align, str(number))
        painter.end()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        # The standard menu (Copy, Select All, Copy Link Location) plus our actions after Copy.
        offset = QPoint(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        menu = self.createStandardContextMenu(event.pos() + offset)
        actions = menu.actions()
        copy = next((i for i, a in enumerate(actions) if a.objectName() == "edit-copy"), None)
        after = actions[copy + 1] if copy is not None and copy + 1 < len(actions) else None
        for action in self.context_actions:
            if after is None:
                menu.addAction(action)
            else:
                menu.insertAction(after, action)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # A reader's Home and End: the top and the bottom of the letter, the caret with them
        # (Ctrl+Home and Ctrl+End too). With Shift they select, as in any text.
        key, mods = event.key(), event.modifiers()
        if (
            key in (Qt.Key.Key_Home, Qt.Key.Key_End)
            and not mods & Qt.KeyboardModifier.ShiftModifier
        ):
            home = key == Qt.Key.Key_Home
            op = QTextCursor.MoveOperation.Start if home else QTextCursor.MoveOperation.End
            self.moveCursor(op)
            bar = self.verticalScrollBar()
            bar.setValue(bar.minimum() if home else bar.maximum())
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # The link colour comes from the palette and the size from the font: lay out again.
        kinds = (QEvent.Type.PaletteChange, QEvent.Type.FontChange)
        if event.type() in kinds and self._document is not None:
            self._relayout()

    def _anchor_clicked(self, url: QUrl) -> None:
        if url.toString() == f"#{SIGNATORIES_ANCHOR}":
            self.signatories_requested.emit()


def paragraph_number(block: QTextBlock) -> int | None:
    """The body paragraph a block of the letter view belongs to (None outside the body)."""
    value = block.blockFormat().property(PARAGRAPH_PROPERTY)
    return value if isinstance(value, int) else None


def _block_end(block: QTextBlock) -> int:
    return block.position() + block.length() - 1


def _block(
    top: float = 0, bottom: float = 0, paragraph: int | None = None, own: bool = False
) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    if own:
        fmt.setProperty(OWN_LINE_PROPERTY, True)
    fmt.setTopMargin(top)
    fmt.setBottomMargin(bottom)
    fmt.setLineHeight(LINE_HEIGHT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    if paragraph is not None:
        fmt.setProperty(PARAGRAPH_PROPERTY, paragraph)
    return fmt


def _text(cursor: QTextCursor, text: str, fmt: QTextCharFormat | None = None) -> None:
    # A newline inside a paragraph stays a line break in the same block, never a new block.
    cursor.insertText(text.replace("\r\n", "\n").replace("\n", "\u2028"), fmt or QTextCharFormat())


def write_letter(cursor: QTextCursor, letter: Letter) -> None:
    """Lay out a letter at the cursor, every piece of its text inserted as plain text."""
    first = True

    def start(fmt: QTextBlockFormat) -> None:
        nonlocal first
        if first:
            cursor.setBlockFormat(fmt)
            first = False
        else:
            cursor.insertBlock(fmt, QTextCharFormat())

    for line in letter.addressee:
        start(_block())
        _text(cursor, line)
    if letter.date:
        start(_block(top=14, bottom=14))
        _text(cursor, letter.date)
    if letter.salutation:
        start(_block(top=6, bottom=10))
        _text(cursor, letter.salutation)
    number = 0
    for block in letter.body:
        if isinstance(block, Paragraph):
            number += 1
            start(_block(bottom=12, paragraph=number))
            _text(cursor, block.text)
        elif isinstance(block, ItemList):
            number += 1
            _write_list(cursor, block, start, number)
    if letter.closing:
        start(_block(top=14))
        _text(cursor, letter.closing)


def _write_list(cursor: QTextCursor, items: ItemList, start, number: int) -> None:
    start(_block(bottom=6, paragraph=number))
    list_format = QTextListFormat()
    list_format.setStyle(QTextListFormat.Style.ListDisc)
    list_format.setIndent(1)
    cursor.createList(list_format)
    for i, item in enumerate(items.items):
        if i:
            cursor.insertBlock()  # a copy of the item's format: stays in the list, same number
        _text(cursor, item)
    # The next start() inserts a block with a fresh format, which ends the list.


LIST_ONLY = "This file lists signatories only: it holds no letter text to show here."


def has_text(letter: Letter) -> bool:
    """Whether the letter has any text of its own (a CSV of names has none)."""
    return bool(
        letter.addressee or letter.date or letter.salutation or letter.body or letter.closing
    )


def _write_list_only(cursor: QTextCursor, palette: QPalette) -> None:
    """Say why the pane is empty, rather than show a bare link (a CSV or a pasted list)."""
    note = QTextCharFormat()
    note.setForeground(muted_text(palette))
    note.setFontItalic(True)
    cursor.setBlockFormat(_block(own=True))
    _text(cursor, LIST_ONLY, note)


def _write_signed_by(cursor: QTextCursor, text: str, palette: QPalette) -> None:
    cursor.insertBlock(_block(top=22, bottom=8, own=True), QTextCharFormat())
    link = QTextCharFormat()
    link.setAnchor(True)
    link.setAnchorHref(f"#{SIGNATORIES_ANCHOR}")
    link.setForeground(palette.color(QPalette.ColorRole.Link))
    link.setFontUnderline(True)
    link.setFontWeight(QFont.Weight.DemiBold)
    link.setToolTip("Go to the table of signatories")
    link.setProperty(QTextFormat.Property.AnchorName, SIGNATORIES_ANCHOR)
    _text(cursor, text, link)
