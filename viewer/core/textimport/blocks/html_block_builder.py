"""Blocks from a stream of HTML parse events: start tag, end tag, text.

Any HTML parser can drive it: a walk over a parsed tree (html_blocks uses lxml's) or a
tokenizer (the events in source order, with unclosed and stray tags: the ends HTML implies
that matter for blocks are applied here, so both read broken pages alike). Lines: a start
tag may carry its source line; text lines are counted on from the last one given. The
builder keeps the open elements, drops the content of chrome elements, and cuts the text
into blocks where a browser would start a new box. Inside a list item, a heading or a
table cell, inner boxes (<p>, <div>) only break the line: an item stays one entry.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from viewer.core.textimport.blocks import Block, Inline
from viewer.core.textimport.blocks.html_elements import (
    BLOCK_LEVEL,
    CELLS,
    CHROME_ROLES,
    CLOSES_P,
    DROPPED,
    EMPHASIS,
    HEADINGS,
    IMPLIED_ENDS,
    LINE_OF_START_TAG,
    LISTS,
    PAGE_CHROME,
    SECTIONING,
    STRONG,
    VOID,
)
from viewer.core.textimport.blocks.html_text import BREAK, Pending, Span

Attrs = Mapping[str, str | None]  # a tag's attributes (a dict, or lxml's attrib as it is)

# Elements that end a <p> opened before them are looked up only to these (HTML's "button
# scope"): a <p> outside a table cell is not closed by a <div> inside the cell.
_P_SCOPE = frozenset({"button", "table", "td", "th", "caption", "html", "object", "template"})
# Containers whose inner boxes only break the line.
_ABSORBING = frozenset({"item", "heading", "cell"})
_TABLE_PARTS = frozenset({"table", "thead", "tbody", "tfoot", "tr", "caption"})


@dataclass
class _List:
    list_id: int
    ordered: bool
    next_number: int
    step: int


@dataclass
class _Container:
    """A box that decides what its text becomes: an item, a heading, a row, a cell, ..."""

    kind: str  # "item", "heading", "row", "cell", "list", "para"
    line: int
    level: int = 0
    number: int | None = None
    list_id: int | None = None
    split: bool = False  # its own text cut by a nested list (a layout cell): the rest is boxes
    header: bool = False  # a <th> cell; a row in <thead>
    data_cells: bool = False  # a row with a <td>: not a header row unless in <thead>
    alone: bool = False  # a cell outside any row: a row of its own
    cells: list[Inline] = field(default_factory=list)
    listing: _List | None = None


@dataclass
class _Open:
    """One element on the stack of open elements and what its end will close."""

    tag: str
    dropped: bool = False
    container: _Container | None = None
    span: Span | None = None
    absorbed: bool = False  # a block inside an item/heading/cell: its ends break the line
    pre: bool = False
    sectioning: bool = False
    thead: bool = False


class BlockBuilder:
    """Feed it ``start``, ``end`` and ``text`` events in document order, then ``finish``."""

    def __init__(self, first_line: int = 1) -> None:
        self._offset = first_line - 1
        self._stack: list[_Open] = []
        self._blocks: list[Block] = []
        self._pending = Pending()
        self._spans: list[Span] = []
        self._dropped = 0
        self._pre = 0
        self._sectioning = 0
        self._thead = 0
        self._lists: list[_List] = []
        self._next_list_id = 0
        self._loose_list: _List | None = None  # for <li> outside any list
        self._line = first_line

    # ---- events -------------------------------------------------------------------

    def start(self, tag: str, attrs: Attrs, line: int | None = None) -> None:
        """A start tag (``tag`` lower-case); ``line`` is its 1-based line in the source."""
        if line is not None:
            self._line = line + self._offset
        line = self._line
        if not self._dropped:
            self._apply_implied_ends(tag)
        if self._dropped or _is_chrome(tag, attrs, self._sectioning):
            if not self._dropped and (tag in BLOCK_LEVEL or tag in DROPPED):
                self._boundary()
            if tag not in VOID:
                self._stack.append(_Open(tag, dropped=True))
                self._dropped += 1
            return
        if tag in VOID:
            self._void(tag, attrs, line)
            return
        entry = _Open(tag, sectioning=tag in SECTIONING, pre=tag == "pre", thead=tag == "thead")
        self._sectioning += entry.sectioning
        self._pre += entry.pre
        self._thead += entry.thead
        if tag in BLOCK_LEVEL:
            self._open_block(entry, attrs, line)
        else:
            entry.span = self._open_span(tag, attrs)
        self._stack.append(entry)

    def end(self, tag: str) -> None:
        """An end tag: closes the nearest open element of that name and all inside it."""
        if tag == "br" and not self._dropped:  # </br> is read as <br> by browsers
            self._pending.pieces.add_break()
            return
        for depth in range(len(self._stack) - 1, -1, -1):
            if self._stack[depth].tag == tag:
                while len(self._stack) > depth:
                    self._close(self._stack.pop())
                return

    def text(self, data: str, line: int | None = None) -> None:
        """Text (entities already decoded) starting at ``line``, 1-based."""
        if line is not None:
            self._line = line + self._offset
        start_line = self._line
        self._line += data.count("\n")
        if self._dropped or not data:
            return
        pending = self._pending
        if pending.line is None and not data.isspace():
            stripped = len(data) - len(data.lstrip())
            pending.line = start_line + data.count("\n", 0, stripped)
        pending.pieces.add(data, pre=self._pre > 0)

    def skip(self, data: str) -> None:
        """Source text that shows nothing (a comment): only its line breaks are counted."""
        self._line += data.count("\n")

    def finish(self) -> list[Block]:
        """Close what is still open and return the blocks."""
        while self._stack:
            self._close(self._stack.pop())
        self._boundary()
        return self._blocks

    # ---- opening --------------------------------------------------------------------

    def _apply_implied_ends(self, tag: str) -> None:
        if tag in CLOSES_P:
            self._close_up_to({"p"}, _P_SCOPE)
        implied = IMPLIED_ENDS.get(tag)
        if implied is not None:
            self._close_up_to(*implied)

    def _close_up_to(self, names: set[str] | frozenset[str], scope: frozenset[str]) -> None:
        """Close the innermost open element named in ``names`` unless ``scope`` comes first."""
        for depth in range(len(self._stack) - 1, -1, -1):
            tag = self._stack[depth].tag
            if tag in names:
                while len(self._stack) > depth:
                    self._close(self._stack.pop())
                return
            if tag in scope:
                return

    def _void(self, tag: str, attrs: Attrs, line: int) -> None:
        if tag == "br":
            self._pending.pieces.add_break()
        elif tag == "hr":
            self._boundary()
            self._emit(Block("rule", Inline("", line=line)))
        elif tag == "img":
            alt = attrs.get("alt") or ""
            if alt and _is_symbols(alt):  # an emoji drawn as an image (a flag after a name)
                self.text(alt)

    def _open_span(self, tag: str, attrs: Attrs) -> Span | None:
        if tag == "a" and attrs.get("href") is not None:
            kind = "link"
        elif tag in STRONG:
            kind = "strong"
        elif tag in EMPHASIS:
            kind = "emphasis"
        else:
            return None
        span = Span(kind, self._pending, len(self._pending.pieces), attrs.get("href") or "")
        self._spans.append(span)
        return span

    def _open_block(self, entry: _Open, attrs: Attrs, line: int) -> None:
        tag = entry.tag
        outer = self._container()
        if outer is not None and _absorbs(outer, tag, self._pending.pieces.has_text()):
            entry.absorbed = True
            self._soft_break()
            return
        if outer is not None and outer.kind == "cell" and not outer.split:
            self._split_cell(outer)
        self._boundary()
        if outer is not None and outer.kind == "item" and not outer.split:
            outer.split = True  # a nested list or table: the item's own text is done
        entry.container = self._new_container(tag, attrs, line, outer)
        if tag in LINE_OF_START_TAG or tag == "tr":
            self._pending.line = line

    def _new_container(
        self, tag: str, attrs: Attrs, line: int, outer: _Container | None
    ) -> _Container:
        if tag in LISTS:
            listing = _new_list(self._next_list_id, tag, attrs)
            self._next_list_id += 1
            self._lists.append(listing)
            return _Container("list", line, listing=listing)
        if tag == "li":
            return self._new_item(attrs, line)
        if tag in HEADINGS:
            return _Container("heading", line, level=int(tag[1]))
        if tag == "tr":
            return _Container("row", line, header=self._thead > 0)
        if tag in CELLS:
            if outer is None or outer.kind != "row":  # a cell outside a row is a row alone
                return _Container("cell", line, header=tag == "th", alone=True)
            return _Container("cell", line, header=tag == "th", split=outer.split)
        return _Container("para", line)

    def _new_item(self, attrs: Attrs, line: int) -> _Container:
        if self._lists:
            listing = self._lists[-1]
        else:
            if self._loose_list is None:
                self._loose_list = _List(self._next_list_id, False, 1, 1)
                self._next_list_id += 1
            listing = self._loose_list
        number = None
        if listing.ordered:
            number = _int_attr(attrs.get("value"), listing.next_number)
            listing.next_number = number + listing.step
        level = max(len(self._lists) - 1, 0)
        return _Container("item", line, level=level, number=number, list_id=listing.list_id)

    # ---- closing --------------------------------------------------------------------

    def _close(self, entry: _Open) -> None:
        self._sectioning -= entry.sectioning
        self._pre -= entry.pre
        self._thead -= entry.thead
        if entry.dropped:
            self._dropped -= 1
        elif entry.span is not None:
            self._close_span(entry.span)
        elif entry.absorbed:
            self._soft_break()
        elif entry.container is not None:
            self._close_container(entry.container)

    def _close_span(self, span: Span) -> None:
        span.record()
        for index in range(len(self._spans) - 1, -1, -1):  # the last opened, as a rule
            if self._spans[index] is span:
                del self._spans[index]
                break

    def _close_container(self, container: _Container) -> None:
        if container.kind == "cell":
            self._finish_cell(container)
            return
        self._boundary(container)
        if container.kind == "list" and container.listing in self._lists:
            self._lists.remove(container.listing)
        elif container.kind == "row" and not container.split:
            header = container.header or not container.data_cells
            self._emit_row(container.cells, container.line, header)

    def _finish_cell(self, cell: _Container) -> None:
        if cell.split:  # a layout cell: what is left in it is a paragraph
            self._boundary(cell)
            return
        inline = self._take_pending(cell.line)
        row = self._row()
        if cell.alone or row is None:
            self._emit_row([inline], cell.line, cell.header)
        elif row.split:
            if inline.text:
                self._emit(Block("paragraph", inline))
        else:
            row.cells.append(inline)
            row.data_cells = row.data_cells or not cell.header

    def _split_cell(self, cell: _Container) -> None:
        """A heading, list or table inside a cell: a table laid out as a page, not a row of
        data. The row is given as far as it goes; the rest of it is read as boxes."""
        self._finish_cell(cell)
        cell.split = True
        row = self._row()
        if row is not None and not cell.alone and not row.split:
            header = row.header or not row.data_cells
            self._emit_row(row.cells, row.line, header)
            row.split = True

    def _emit_row(self, cells: list[Inline], line: int, header: bool) -> None:
        if not any(cell.text for cell in cells):
            return
        joined = Inline(
            text="\t".join(cell.text for cell in cells),
            line=line,
            links=tuple(link for cell in cells for link in cell.links),
            strong=tuple(text for cell in cells for text in cell.strong),
            emphasis=tuple(text for cell in cells for text in cell.emphasis),
        )
        self._emit(Block("row", joined, cells=tuple(cells), header=header))

    # ---- blocks ---------------------------------------------------------------------

    def _container(self) -> _Container | None:
        for entry in reversed(self._stack):
            if entry.container is not None:
                return entry.container
        return None

    def _row(self) -> _Container | None:
        for entry in reversed(self._stack):
            if entry.container is not None and entry.container.kind == "row":
                return entry.container
        return None

    def _soft_break(self) -> None:
        parts = self._pending.pieces.parts
        if parts and parts[-1][0] != BREAK and self._pending.pieces.has_text():
            self._pending.pieces.add_break()

    def _next_pending(self) -> Pending:
        """Start the next block's text; return the last one's. Open spans go on in the next."""
        old, new = self._pending, Pending()
        for span in self._spans:
            if span.pending is old:
                if old.pieces.text(span.start):
                    span.record()
                span.pending, span.start = new, 0
        self._pending = new
        return old

    def _take_pending(self, line: int | None = None) -> Inline:
        """The pending text as an Inline (its line ``line`` if given), the next one begun."""
        return self._next_pending().inline(line)

    def _discard_pending(self) -> None:
        """Start the next block afresh: the pending one shows nothing (white space, <br>)."""
        if self._spans:
            self._next_pending()
        elif self._pending.pieces.parts:
            self._pending = Pending()
        else:
            self._pending.line = None

    def _boundary(self, container: _Container | None = None) -> None:
        """The end of a box: the pending text becomes a block of ``container`` (by default
        the innermost open one)."""
        container = container or self._container()
        if container is not None and container.kind == "cell" and not container.split:
            return  # a cell's text is taken when the cell ends
        if not self._pending.pieces.has_text():
            self._discard_pending()
            return
        if container is None or container.kind in ("para", "list", "row") or container.split:
            self._emit(Block("paragraph", self._take_pending()))
        elif container.kind == "heading":
            container.split = True
            self._emit(Block("heading", self._take_pending(), level=container.level))
        else:
            container.split = True
            inline = self._take_pending(container.line)
            self._emit(_item(container, inline))

    def _emit(self, block: Block) -> None:
        if block.kind != "item" or self._lists:
            self._loose_list = None
        self._blocks.append(block)


def _item(container: _Container, inline: Inline) -> Block:
    return Block(
        "item",
        inline,
        level=container.level,
        number=container.number,
        list_id=container.list_id,
    )


def _absorbs(outer: _Container, tag: str, has_text: bool) -> bool:
    """Whether a block element opened inside ``outer`` only breaks the line there.

    An item or a cell keeps all but nested lists, tables and headings (they are blocks of
    their own: a cell holding them lays out a page). A heading keeps a box that starts it
    (<h1><div>Title</div>), but a box after its text ends it: that is a missing </h2>, not a
    two-paragraph heading.
    """
    if outer.kind not in _ABSORBING or outer.split:
        return False
    if outer.kind == "heading":
        return not has_text
    return not (tag in LISTS or tag in _TABLE_PARTS or tag in HEADINGS or tag == "li")


def _is_chrome(tag: str, attrs: Attrs, sectioning: int) -> bool:
    """Whether the element is site chrome or not shown (its content is not letter text)."""
    if tag in DROPPED or (tag in PAGE_CHROME and sectioning == 0):
        return True
    if not attrs:
        return False
    if "hidden" in attrs or (attrs.get("role") or "").strip().lower() in CHROME_ROLES:
        return True
    style = (attrs.get("style") or "").replace(" ", "").lower()
    return "display:none" in style


def _new_list(list_id: int, tag: str, attrs: Attrs) -> _List:
    ordered = tag == "ol"
    reversed_ = ordered and "reversed" in attrs
    start = _int_attr(attrs.get("start"), 1) if ordered else 1
    return _List(list_id, ordered, start, -1 if reversed_ else 1)


def _int_attr(value: str | None, default: int) -> int:
    if value is None:
        return default
    try:
        return int((value or "").strip())
    except ValueError:
        return default


def _is_symbols(text: str) -> bool:
    """True for emoji and other symbols (no letters or digits): an <img> alt worth keeping."""
    return all(not ch.isalnum() and not ch.isspace() for ch in text) and not text.isascii()
