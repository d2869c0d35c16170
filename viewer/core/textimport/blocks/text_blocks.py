"""Plain text -> (front matter, blocks), by blank lines and indents.

Letters copied from press archives and campaign pages carry a little Markdown (headings,
bold lines, escapes, hard breaks, tables) but are not Markdown: a list indented by four
spaces is still a list, not code. textclean classifies and cleans each line; here the
lines are grouped: a blank line ends a paragraph, a line with a list marker ("12. ",
"- ") starts an item and the lines indented under it continue it, a table line is a row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from viewer.core.textimport.blocks import Block, Inline
from viewer.core.textimport.textclean import (
    BLANK,
    HEADING,
    RULE,
    TABLE,
    TEXT,
    TextLine,
    clean_inline,
    clean_lines,
    squeeze,
)

_TABLE_RULE = frozenset("|-: ")


def text_blocks(text: str) -> tuple[dict[str, str], list[Block]]:
    """The front matter's fields and the text's blocks, in order."""
    lines, front = clean_lines(text)
    return front, blocks_of_lines(lines)


def blocks_of_lines(lines: list[TextLine]) -> list[Block]:
    """Classified lines grouped into blocks."""
    grouper = _Grouper()
    for line in lines:
        grouper.take(line)
    grouper.flush()
    return grouper.blocks


@dataclass
class _Grouper:
    blocks: list[Block] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    first: int | None = None
    item: tuple[int, int | None, int] | None = None  # (indent, number, level) of an open item
    indents: list[int] = field(default_factory=list)  # open list indents, outermost first
    list_ids: list[int] = field(default_factory=list)
    next_list: int = 0
    table_rows: int = 0

    def take(self, line: TextLine) -> None:
        if line.kind == TABLE:
            self._row(line)
            return
        self.table_rows = 0
        if line.kind == BLANK:
            self.flush()
            return
        if line.kind == HEADING:
            self.flush()
            self._close_lists()
            level = len(line.raw) - len(line.raw.lstrip("#")) if line.raw.startswith("#") else 7
            self.blocks.append(Block("heading", Inline(line.text, line.number), level=level))
            return
        if line.kind == RULE:
            self.flush()
            self._close_lists()
            self.blocks.append(Block("rule", Inline("", line.number)))
            return
        if line.kind != TEXT:
            self.flush()  # markup and page furniture end a paragraph, never join one
            return
        indent = len(line.text) - len(line.text.lstrip())
        if line.marker is not None and not _is_footnote(line):
            self.flush()
            self._open_item(indent, line)
            return
        if self._reopens_item(indent):
            last = self.blocks.pop()  # a paragraph indented under an item belongs to it
            self.texts, self.first = last.text.split("\n"), last.line
            self.item = (self.item[0], last.number, last.level) if self.item else None
        if self.item is not None and (indent > self.item[0] or self.texts):
            self.texts.append(squeeze(line.text))  # the item's continuation line
            return
        if not self.texts:
            self._close_lists_at(indent)
            self.first = line.number
        self.texts.append(line.text.strip())

    def _reopens_item(self, indent: int) -> bool:
        return (
            self.item is not None
            and indent > self.item[0]
            and not self.texts
            and bool(self.blocks)
            and self.blocks[-1].kind == "item"
        )

    def _open_item(self, indent: int, line: TextLine) -> None:
        while self.indents and indent < self.indents[-1]:
            self.indents.pop()
            self.list_ids.pop()
        if not self.indents or indent > self.indents[-1]:
            self.indents.append(indent)
            self.list_ids.append(self.next_list)
            self.next_list += 1
        _kind, number = line.marker or ("", None)
        self.item = (indent, number, len(self.indents) - 1)
        self.first = line.number
        self.texts = [line.item]

    def _close_lists_at(self, indent: int) -> None:
        if not self.indents or indent <= self.indents[0]:
            self._close_lists()

    def _close_lists(self) -> None:
        self.indents, self.list_ids, self.item = [], [], None

    def flush(self) -> None:
        if not self.texts:
            return
        inline = Inline("\n".join(self.texts), self.first)
        if self.item is not None:
            _indent, number, level = self.item
            self.blocks.append(Block("item", inline, level, number, self.list_ids[level]))
            self.item = (self.item[0], None, level)  # further lines open no new item
        else:
            self.blocks.append(Block("paragraph", inline))
        self.texts, self.first = [], None

    def _row(self, line: TextLine) -> None:
        self.flush()
        self._close_lists()
        body = line.text.strip().removeprefix("|")
        body = body[:-1] if body.endswith("|") and not body.endswith("\\|") else body
        if set(body) <= _TABLE_RULE:
            if self.blocks and self.blocks[-1].kind == "row":  # the header's underline
                self.blocks[-1] = _as_header(self.blocks[-1])
            return
        cells = tuple(Inline(squeeze(clean_inline(cell)), line.number) for cell in _cells(body))
        text = "\t".join(c.text for c in cells)
        self.blocks.append(Block("row", Inline(text, line.number), cells=cells))
        self.table_rows += 1


def _is_footnote(line: TextLine) -> bool:
    """ "* organisations listed for identification only": a footnote, not a bulleted item."""
    return line.text.lstrip().startswith("*") and line.item[:1].islower()


def _cells(body: str) -> list[str]:
    """A table line's cells, split at pipes that are not escaped (\\|)."""
    return [cell.replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", body)]


def _as_header(block: Block) -> Block:
    return Block("row", block.inline, cells=block.cells, header=True)
